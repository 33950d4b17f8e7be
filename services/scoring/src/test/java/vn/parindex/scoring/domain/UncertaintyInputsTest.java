package vn.parindex.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.common.api.ApiException;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.demo.DemoCatalogues;
import vn.parindex.scoring.domain.UncertaintyInputs.Line;
import vn.parindex.scoring.domain.UncertaintyInputs.SurveySample;
import vn.parindex.scoring.domain.UnitResult.Subtotal;

/** The Yên Bái district set (fields D1–D7 in part A, survey part B, SIPAS part C, adjustments) as MC inputs. */
class UncertaintyInputsTest {

    private static final CriteriaSet SET = DemoCatalogues.load().stream()
            .filter(s -> s.code().equals("PAR_DIST_YB_2021"))
            .findFirst()
            .orElseThrow();

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Subtotal sub(String code, String points, String max) {
        return new Subtotal(code, d(points), max == null ? null : d(max), null);
    }

    /** The city's 2021 parts and fields (D7 inferred), 1 bonus point. */
    private static Line city(Integer rank) {
        return new Line(
                "132",
                rank,
                List.of(
                        sub("A", "62.88", "65"),
                        sub("B", "24.42", "25"),
                        sub("C", "8.135", "10"),
                        sub("D_ADJ", "1", null)),
                List.of(
                        sub("D1", "13", "14"),
                        sub("D2", "6.5", "7"),
                        sub("D3", "12.25", "12.5"),
                        sub("D4", "5", "5"),
                        sub("D5", "7", "7"),
                        sub("D6", "6", "6"),
                        sub("D7", "13.13", "13.5")));
    }

    private static Map<String, SurveySample> samples(Integer n) {
        return Map.of(
                "D8.1", new SurveySample(d("6"), null, n, null),
                "D8.2", new SurveySample(d("5.4"), null, n, null),
                "D8.3", new SurveySample(d("6.5"), null, n, null),
                "D8.4", new SurveySample(d("6.52"), null, n, null),
                "C", new SurveySample(null, d("81.35"), 400, null));
    }

    @Test
    void shouldWeightFieldsAndPartsWithoutFieldsAndMarkTheSurveyOnes() {
        var in = UncertaintyInputs.of(SET, List.of(city(1)), Map.of("132", samples(50)), null);
        List<String> codes = new ArrayList<>();
        in.components().forEach(c -> codes.add(c.code()));
        assertEquals(List.of("D1", "D2", "D3", "D4", "D5", "D6", "D7", "B", "C"), codes);
        assertTrue(in.described().stream()
                .filter(c -> c.code().equals("B"))
                .findFirst()
                .orElseThrow()
                .survey());
        assertTrue(in.described().stream()
                .filter(c -> c.code().equals("C"))
                .findFirst()
                .orElseThrow()
                .survey());
        assertFalse(in.described().getFirst().survey());
        assertEquals(d("1"), in.units().getFirst().adjustmentPoints());
        assertEquals(5, in.survey().withSampleSize());
        assertEquals(50, in.survey().minSampleSize());
        assertEquals(400, in.survey().maxSampleSize());
    }

    @Test
    void shouldCombineTheSurveyCriteriaErrorsIntoTheComponentsShare() {
        var in = UncertaintyInputs.of(SET, List.of(city(1)), Map.of("132", samples(50)), null);
        var b = in.units().getFirst().scores().get("B");
        // Σ (m_i/25)² p_i(1-p_i)/50: D8.1 p=1 adds nothing, D8.2 p=0.9 (6 of 6), D8.3 p=1, D8.4 p=6.52/6.5 → 1.
        double expected = Math.sqrt(Math.pow(6.0 / 25, 2) * 0.9 * 0.1 / 50) * 100;
        assertEquals(expected, b.standardErrorPercent().doubleValue(), 1e-6);
        // SIPAS 81.35 % from 400 respondents.
        var c = in.units().getFirst().scores().get("C");
        assertEquals(
                Math.sqrt(0.8135 * 0.1865 / 400) * 100, c.standardErrorPercent().doubleValue(), 1e-6);
        // Fewer respondents, a wider error.
        var small = UncertaintyInputs.of(SET, List.of(city(1)), Map.of("132", samples(10)), null);
        assertTrue(small.units()
                        .getFirst()
                        .scores()
                        .get("B")
                        .standardErrorPercent()
                        .compareTo(b.standardErrorPercent())
                > 0);
    }

    @Test
    void shouldRefuseSurveyResultsWithoutASampleSizeUnlessAnErrorIsAsked() {
        ApiException e = assertThrows(
                ApiException.class,
                () -> UncertaintyInputs.of(SET, List.of(city(1)), Map.of("132", samples(null)), null));
        assertEquals("SURVEY_SAMPLE_MISSING", e.errorCode().code());
        assertEquals("units.132.D8.1.sampleSize", e.errors().getFirst().field());
        var asked = UncertaintyInputs.of(SET, List.of(city(1)), Map.of("132", samples(null)), d("2"));
        assertEquals(4, asked.survey().withRequestedError());
        assertEquals(d("2"), asked.survey().requestedStandardErrorPercent());
        // Imported totals have no stored survey results: the asked error stands for the whole component.
        var imported = UncertaintyInputs.of(SET, List.of(city(1)), Map.of(), d("3"));
        assertEquals(d("3"), imported.units().getFirst().scores().get("B").standardErrorPercent());
    }

    @Test
    void shouldLeaveOutUnitsWithoutARank() {
        var in = UncertaintyInputs.of(
                SET, List.of(city(1), new Line("133", null, List.of(), List.of())), Map.of("132", samples(50)), null);
        assertEquals(1, in.units().size());
        assertNull(in.survey().requestedStandardErrorPercent());
        ApiException none = assertThrows(
                ApiException.class,
                () -> UncertaintyInputs.of(SET, List.of(new Line("133", null, List.of(), List.of())), Map.of(), null));
        assertEquals("NOTHING_RANKED", none.errorCode().code());
    }

    @Test
    void shouldRefuseRankedUnitsWithOnlyATotalNamingThem() {
        // A ranked unit without part or field points (an imported total, or a campaign still being scored) has
        // nothing to vary: the analysis is refused, not run on the others.
        ApiException e = assertThrows(
                ApiException.class,
                () -> UncertaintyInputs.of(
                        SET,
                        List.of(city(1), new Line("133", 2, List.of(), List.of())),
                        Map.of("132", samples(50)),
                        null));
        assertEquals("RESULTS_WITHOUT_PARTS", e.errorCode().code());
        assertEquals(409, e.errorCode().status());
        assertEquals("units.133", e.errors().getFirst().field());
    }
}
