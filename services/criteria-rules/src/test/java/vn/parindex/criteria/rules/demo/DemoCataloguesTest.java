package vn.parindex.criteria.rules.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.CriteriaSetValidator;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.criteria.rules.Evaluator;
import vn.parindex.criteria.rules.TargetLevel;

class DemoCataloguesTest {

    private static final List<CriteriaSet> SETS = DemoCatalogues.load();

    @Test
    void shouldLoadTheSevenProposalsAsValidPublishedSets() {
        assertEquals(
                List.of(
                        "PAR_PROV_2024",
                        "PAR_DIST_YB_2021",
                        "PAR_COMMUNE_2025",
                        "SVC_766",
                        "PAR_AGENCY_YB_2019",
                        "PAR_DIST_SL_2020",
                        "PAR_COMMUNE_YB_2020"),
                SETS.stream().map(CriteriaSet::code).toList());
        for (CriteriaSet set : SETS) {
            assertEquals(List.of(), CriteriaSetValidator.validate(set), set.code());
            assertTrue(set.proposal());
        }
        CriteriaSet district = SETS.get(1);
        assertEquals(TargetLevel.DISTRICT, district.targetLevel());
        // In force from the first year it applies to (2019–2021).
        assertEquals(2019, district.year());
    }

    @Test
    void shouldReproduceTheDistrictFieldMaxima() {
        CriteriaSet district = SETS.get(1);
        Map<String, BigDecimal> maxima = district.nodes().getFirst().children().stream()
                .collect(Collectors.toMap(n -> n.code(), n -> n.maxPoints()));
        assertEquals(0, new BigDecimal("14").compareTo(maxima.get("D1")));
        assertEquals(0, new BigDecimal("7").compareTo(maxima.get("D2")));
        assertEquals(0, new BigDecimal("12.5").compareTo(maxima.get("D3")));
        assertEquals(0, new BigDecimal("5").compareTo(maxima.get("D4")));
        assertEquals(0, new BigDecimal("7").compareTo(maxima.get("D5")));
        assertEquals(0, new BigDecimal("6").compareTo(maxima.get("D6")));
    }

    @Test
    void shouldScoreThanhPhoYenBai2021At95Point44() {
        CriteriaSet district = SETS.get(1);
        Evaluation.Result r = Evaluator.evaluate(
                district, new Evaluation.Input("thành phố thuộc tỉnh", Map.of(), YenBai2021.leaves()));
        Map<String, BigDecimal> points = r.nodes().stream()
                .collect(Collectors.toMap(Evaluation.NodeResult::code, Evaluation.NodeResult::points));
        assertEquals(
                List.of("13.000", "6.500", "12.250", "5.000", "7.000", "6.000"),
                List.of("D1", "D2", "D3", "D4", "D5", "D6").stream()
                        .map(c -> points.get(c).toPlainString())
                        .toList());
        assertEquals(new BigDecimal("62.880"), points.get("A"));
        assertEquals(new BigDecimal("24.420"), points.get("B"));
        assertEquals(new BigDecimal("8.135"), points.get("C"));
        assertEquals(new BigDecimal("95.435"), r.totalPoints());
        assertEquals(new BigDecimal("95.44"), r.indexPercent());
        assertEquals("XUAT_SAC", r.band());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void shouldScoreDepartmentsOnAnAgencySetInForceFrom2019() {
        CriteriaSet agency = set("PAR_AGENCY_YB_2019");
        assertEquals(TargetLevel.AGENCY, agency.targetLevel());
        assertEquals(2019, agency.year());
        assertEquals(0, new BigDecimal("100").compareTo(agency.totalPoints()));
        assertEquals(
                List.of("K", "KS", "K_ADJ"),
                agency.nodes().stream().map(n -> n.code()).toList());
    }

    @Test
    void shouldHoldSonLaTaskPointsOf67Point45InTheSonLaModel() {
        CriteriaSet sonLa = set("PAR_DIST_SL_2020");
        assertEquals(TargetLevel.DISTRICT, sonLa.targetLevel());
        assertEquals(2020, sonLa.year());
        BigDecimal taskPart = sonLa.nodes().getFirst().maxPoints();
        assertTrue(taskPart.compareTo(new BigDecimal("67.45")) >= 0, taskPart.toPlainString());
        // 69 of 70 plan tasks is 98.6 %: three quarters of the criterion's 4 points.
        Map<String, Evaluation.LeafInput> plan = Map.of(
                "S1.2", new Evaluation.LeafInput(null, null, null, new BigDecimal("69"), new BigDecimal("70"), null));
        Evaluation.Result r = Evaluator.evaluate(sonLa, new Evaluation.Input("thành phố thuộc tỉnh", Map.of(), plan));
        BigDecimal points = r.nodes().stream()
                .filter(n -> n.code().equals("S1.2"))
                .findFirst()
                .orElseThrow()
                .points();
        assertEquals(0, new BigDecimal("3").compareTo(points), points.toPlainString());
    }

    @Test
    void shouldCopyTheCommuneTreeForTheYearsBeforeTheReform() {
        CriteriaSet before = set("PAR_COMMUNE_YB_2020");
        CriteriaSet after = set("PAR_COMMUNE_2025");
        assertEquals(2020, before.year());
        assertEquals(TargetLevel.COMMUNE, before.targetLevel());
        assertEquals(after.nodes(), before.nodes());
    }

    private static CriteriaSet set(String code) {
        return SETS.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }
}
