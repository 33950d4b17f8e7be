package vn.parindex.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    @Test
    void shouldRankTiedUnitsEquallyAndSkipTheirPlaces() {
        List<BigDecimal> values = Arrays.asList(d("80.5"), d("95.435"), d("80.50"), d("70"));
        assertEquals(Arrays.asList(2, 1, 2, 4), Ranking.ranks(values));
    }

    @Test
    void shouldRankByTheUnroundedValue() {
        // Both display as 95.44; only the exact values order them.
        List<BigDecimal> values = List.of(d("95.4349999"), d("95.435"));
        assertEquals(List.of(2, 1), Ranking.ranks(values));
    }

    @Test
    void shouldLeaveUnitsWithoutAValueUnrankedAndOutOfTheCount() {
        List<BigDecimal> values = Arrays.asList(d("50"), null, d("60"));
        assertEquals(Arrays.asList(2, null, 1), Ranking.ranks(values));
        assertEquals(2, Ranking.rankedCount(values));
    }
}
