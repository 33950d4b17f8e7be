package vn.parindex.criteria.rules.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.demo.YenBai2021.SelfEntry;

class YenBai2021Test {

    @Test
    void shouldEnterEachKindOfInputAsTheSelfScoreTakesIt() {
        LeafInput d14 = YenBai2021.leaves().get("D1.4"); // a percentage: 20 %
        assertEquals(new SelfEntry(null, null, new BigDecimal("20"), BigDecimal.valueOf(100)), SelfEntry.of(d14));
        assertEquals(new SelfEntry(new BigDecimal("1.5"), null, null, null), SelfEntry.of(LeafInput.points("1.5")));
        assertEquals(
                new SelfEntry(null, "FULL", null, null),
                SelfEntry.of(new LeafInput(null, "FULL", null, null, null, null)));
        assertEquals(
                Map.of(
                        "criterionCode",
                        "D1.4",
                        "numerator",
                        new BigDecimal("20"),
                        "denominator",
                        BigDecimal.valueOf(100)),
                SelfEntry.of(d14).asJson("D1.4"));
    }
}
