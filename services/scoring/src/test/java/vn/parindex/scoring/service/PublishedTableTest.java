package vn.parindex.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.common.api.ApiException;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.demo.DemoCatalogues;
import vn.parindex.scoring.api.PublicationDto;
import vn.parindex.scoring.domain.UnitResult;

class PublishedTableTest {

    private static final CriteriaSet DISTRICT = DemoCatalogues.load().stream()
            .filter(s -> s.code().equals("PAR_DIST_YB_2021"))
            .findFirst()
            .orElseThrow();

    private static final List<PublishedTable.Member> MEMBERS = List.of(
            new PublishedTable.Member("132", "Thành phố Yên Bái", null),
            new PublishedTable.Member("133", "Thị xã Nghĩa Lộ", null),
            new PublishedTable.Member(
                    "139",
                    "Huyện Trạm Tấu",
                    new UnitResult.Exclusion("Không có số liệu", "admin", OffsetDateTime.now())));

    private static PublicationDto.PublishedResult line(String unit, String total, Integer rank) {
        return new PublicationDto.PublishedResult(unit, new BigDecimal(total), null, rank, null, null);
    }

    @Test
    void shouldRankByTheIndexWhenTheTableGivesNoRanksAndListExcludedUnitsUnranked() {
        List<UnitResult> results = PublishedTable.results(
                DISTRICT, MEMBERS, List.of(line("133", "88.62", null), line("132", "91.41", null)));
        assertEquals(
                List.of("132", "133", "139"),
                results.stream().map(UnitResult::unitCode).toList());
        assertEquals(1, results.get(0).rank());
        assertEquals(2, results.get(0).rankOutOf());
        assertEquals(0, new BigDecimal("91.41").compareTo(results.get(0).indexPercent()));
        assertNull(results.get(2).rank());
        assertTrue(results.stream().allMatch(UnitResult::imported));
    }

    @Test
    void shouldKeepThePublishedRanks() {
        // A published table may rank by criteria other than the total (ties broken by a part): its ranks stand.
        List<UnitResult> results =
                PublishedTable.results(DISTRICT, MEMBERS, List.of(line("132", "88", 2), line("133", "88", 1)));
        assertEquals("133", results.getFirst().unitCode());
        assertEquals(1, results.getFirst().rank());
    }

    @Test
    void shouldRefusePartsThatDoNotAddUpAndMembersWithoutALine() {
        PublicationDto.PublishedResult bad = new PublicationDto.PublishedResult(
                "132",
                new BigDecimal("95.44"),
                null,
                null,
                List.of(
                        new PublicationDto.PublishedSubtotal("A", new BigDecimal("62.88")),
                        new PublicationDto.PublishedSubtotal("B", new BigDecimal("24.42")),
                        new PublicationDto.PublishedSubtotal("C", new BigDecimal("8.135")),
                        new PublicationDto.PublishedSubtotal("D_ADJ", new BigDecimal("1"))),
                null);
        ApiException e =
                assertThrows(ApiException.class, () -> PublishedTable.results(DISTRICT, MEMBERS, List.of(bad)));
        assertEquals("results[0].parts", e.errors().get(0).field());
        assertEquals("results", e.errors().get(1).field(), "133 has no line");
    }

    @Test
    void shouldAcceptTheWorkedExamplesParts() {
        PublicationDto.PublishedResult city = new PublicationDto.PublishedResult(
                "132",
                new BigDecimal("95.435"),
                null,
                1,
                List.of(
                        new PublicationDto.PublishedSubtotal("A", new BigDecimal("62.88")),
                        new PublicationDto.PublishedSubtotal("B", new BigDecimal("24.42")),
                        new PublicationDto.PublishedSubtotal("C", new BigDecimal("8.135")),
                        new PublicationDto.PublishedSubtotal("D_ADJ", BigDecimal.ZERO)),
                null);
        List<UnitResult> results = PublishedTable.results(DISTRICT, MEMBERS, List.of(city, line("133", "90", 2)));
        assertEquals(4, results.getFirst().parts().size());
        assertEquals(0, new BigDecimal("95.44").compareTo(results.getFirst().indexPercent()));
    }
}
