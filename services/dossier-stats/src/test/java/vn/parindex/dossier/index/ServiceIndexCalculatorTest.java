package vn.parindex.dossier.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.dossier.domain.Fraction;
import vn.parindex.dossier.domain.Indicator;
import vn.parindex.dossier.domain.ServiceIndexCalculator;
import vn.parindex.dossier.domain.ServiceIndexDefinition;

class ServiceIndexCalculatorTest {

    private static final ServiceIndexDefinition DEF = ServiceIndexDefinition.shipped();

    @Test
    void shouldShipADefinitionOfOneHundredPoints() {
        assertEquals("DECISION_766@1", DEF.id());
        assertEquals(9, DEF.indicators().size());
    }

    @Test
    void shouldScoreOnlyIndicatorsWithDataAndMarkTheRestMissing() {
        var r = ServiceIndexCalculator.compute(
                DEF,
                "X",
                Map.of(
                        Indicator.SATISFACTION_RATE,
                        new Fraction(1, 3),
                        Indicator.ONLINE_PAYMENT_RATE,
                        new Fraction(0, 0)));
        var sat = r.indicators().stream()
                .filter(i -> i.code().equals("SATISFACTION_RATE"))
                .findFirst()
                .orElseThrow();
        var pay = r.indicators().stream()
                .filter(i -> i.code().equals("ONLINE_PAYMENT_RATE"))
                .findFirst()
                .orElseThrow();
        assertEquals(new BigDecimal("33.33"), sat.value());
        assertEquals(new BigDecimal("6.00"), sat.points());
        assertNull(pay.value());
        assertNull(pay.points());
        assertEquals(new BigDecimal("18"), r.availablePoints());
        assertEquals(new BigDecimal("33.33"), r.score());
        assertEquals("WEAK", r.band());
        assertEquals(false, r.complete());
    }

    @Test
    void shouldShareRanksBetweenEqualScores() {
        var a = ServiceIndexCalculator.compute(DEF, "A", Map.of(Indicator.SATISFACTION_RATE, new Fraction(9, 10)));
        var b = ServiceIndexCalculator.compute(DEF, "B", Map.of(Indicator.SATISFACTION_RATE, new Fraction(18, 20)));
        var c = ServiceIndexCalculator.compute(DEF, "C", Map.of(Indicator.SATISFACTION_RATE, new Fraction(1, 2)));
        var d = ServiceIndexCalculator.compute(DEF, "D", Map.of());
        var ranked = ServiceIndexCalculator.rank(List.of(d, c, b, a));
        assertEquals(
                List.of("A", "B", "C", "D"),
                ranked.stream().map(ServiceIndexCalculator.UnitResult::unitCode).toList());
        assertEquals(1, ranked.get(0).rank());
        assertEquals(1, ranked.get(1).rank());
        assertEquals(3, ranked.get(2).rank());
        assertNull(ranked.get(3).rank());
        assertEquals(3, ranked.get(0).rankedOf());
        assertEquals("EXCELLENT", ranked.get(0).band()); // 16.20 of 18 = 90.00, the lowest excellent score
    }

    @Test
    void shouldRefuseADefinitionWhoseWeightsDoNotAddUp() {
        String bad = """
                {"code":"X","version":1,"name":"x","legalBasis":"x","bands":[{"code":"ALL","minScore":0}],
                 "groups":[{"code":"G","name":"g","points":100,"indicators":[
                   {"code":"SATISFACTION_RATE","name":"s","weight":90,"formula":"f","legalBasis":"l"}]}]}""";
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceIndexDefinition.load(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))));
    }
}
