package vn.parindex.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YearOverYearTest {

    private static final Map<String, YearOverYear.Previous> PREVIOUS_63 = Map.of(
            "10", new YearOverYear.Previous(new BigDecimal("80.000"), 5),
            "15", new YearOverYear.Previous(new BigDecimal("90.000"), 2),
            "08", new YearOverYear.Previous(new BigDecimal("70.000"), 9));

    /** 2025: new 15 (Lào Cai) from old 10 and old 15; 08 untouched; a district 132 → commune 04252 distractor. */
    private static final Map<String, List<String>> LINEAGE = Map.of("15", List.of("10", "15"), "04252", List.of("132"));

    @Test
    void shouldCompareAnUnchangedUnitWithItselfAndCountPlacesUpAsPositive() {
        YearOverYear.Change c = YearOverYear.compare(
                "08", new BigDecimal("74.500"), 6, PREVIOUS_63, LINEAGE, ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals("SAME_UNIT", c.basis());
        assertEquals(new BigDecimal("4.500"), c.pointsChange());
        assertEquals(3, c.rankChange());
    }

    @Test
    void shouldCompareAMergedUnitWithTheMeanOfItsPredecessorsEvenWhenItKeptACode() {
        YearOverYear.Change c = YearOverYear.compare(
                "15", new BigDecimal("88.000"), 1, PREVIOUS_63, LINEAGE, ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals("MEAN_OF_PREDECESSORS", c.basis());
        assertEquals(List.of("10", "15"), c.comparedWith());
        assertEquals(new BigDecimal("85.000"), c.previousPoints());
        assertEquals(new BigDecimal("3.000"), c.pointsChange());
        assertNull(c.rankChange(), "no previous rank is invented for a merged unit");
    }

    @Test
    void shouldNotCompareUnitsWithoutHistoryUnderRuleNone() {
        YearOverYear.Change c =
                YearOverYear.compare("04252", new BigDecimal("50"), 1, PREVIOUS_63, LINEAGE, ComparisonRule.NONE);
        assertEquals("NONE", c.basis());
        assertNull(c.pointsChange());
    }

    @Test
    void shouldWalkBackThroughUnitsWithoutResults() {
        Map<String, List<String>> twoSteps = Map.of("99", List.of("98"), "98", List.of("10", "08"));
        YearOverYear.Change c = YearOverYear.compare(
                "99", new BigDecimal("80"), 1, PREVIOUS_63, twoSteps, ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals(List.of("08", "10"), c.comparedWith());
        assertEquals(new BigDecimal("75.000"), c.previousPoints());
    }

    @Test
    void shouldKeepTheUnitsOwnResultWhenNoneOfItsPredecessorsHasOne() {
        // 08 absorbed a unit that was never scored: its own previous result still compares.
        YearOverYear.Change c = YearOverYear.compare(
                "08",
                new BigDecimal("72"),
                4,
                PREVIOUS_63,
                Map.of("08", List.of("08", "77")),
                ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals("MEAN_OF_PREDECESSORS", c.basis());
        assertEquals(List.of("08"), c.comparedWith());
        YearOverYear.Change alone = YearOverYear.compare(
                "08",
                new BigDecimal("72"),
                4,
                PREVIOUS_63,
                Map.of("08", List.of("77")),
                ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals("SAME_UNIT", alone.basis());
        assertEquals(new BigDecimal("2.000"), alone.pointsChange());
    }
}
