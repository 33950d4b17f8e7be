package vn.parindex.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YearOverYearTest {

    /** 2024: three provinces ranked out of 63 (a distractor 02 of another merger). */
    private static final Map<String, YearOverYear.Previous> PREVIOUS_63 = Map.of(
            "10", previous("80", 5, 63),
            "15", previous("90", 2, 63),
            "08", previous("70", 9, 63),
            "02", previous("60", 40, 63));

    /** 2025: new 15 (Lào Cai) from old 10 and old 15; 08 untouched; a district 132 → commune 04252 distractor. */
    private static final Map<String, List<String>> LINEAGE = Map.of("15", List.of("10", "15"), "04252", List.of("132"));

    private static YearOverYear.Previous previous(String index, int rank, int outOf) {
        return new YearOverYear.Previous(new BigDecimal(index), new BigDecimal(index), rank, outOf, false);
    }

    private static YearOverYear.Current now(String code, String index, int rank, int outOf) {
        return new YearOverYear.Current(code, new BigDecimal(index), new BigDecimal(index), rank, outOf);
    }

    @Test
    void shouldMeasureTheChangeOnTheIndexAndRoundItHalfUpForDisplay() {
        // Thành phố Yên Bái: 95.435 in 2021 against 91.41 in 2020 → +4.025, shown +4.03 as the press printed it.
        Map<String, YearOverYear.Previous> previous = Map.of("132", previous("91.41", 1, 9));
        YearOverYear.Change c =
                YearOverYear.compare(now("132", "95.435", 1, 9), previous, Map.of(), ComparisonRule.NONE);
        assertEquals(new BigDecimal("4.025"), c.pointsChangeExact());
        assertEquals(new BigDecimal("4.03"), c.pointsChange());
        assertEquals(0, c.rankChange());
        assertEquals(RankMeasure.PLACES, c.comparison().rankMeasure());
        assertEquals(9, c.previousRankOutOf());
    }

    @Test
    void shouldNotCountPlacesBetweenRankingsOfDifferentSizes() {
        // 08 was 9th of 63 and is 6th of 34: percentile 87.10 → 84.85, not "up 3 places".
        YearOverYear.Change c = YearOverYear.compare(
                now("08", "74.5", 6, 34), PREVIOUS_63, LINEAGE, ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals(Comparison.SAME_UNIT, c.comparison().rule());
        assertEquals(RankMeasure.PERCENTILE, c.comparison().rankMeasure());
        assertNull(c.rankChange());
        assertEquals(9, c.previousRank());
        assertEquals(63, c.previousRankOutOf());
        assertEquals(new BigDecimal("87.10"), c.previousPercentile());
        assertEquals(new BigDecimal("-2.25"), c.percentileChange());
        assertEquals(new BigDecimal("4.50"), c.pointsChange());
    }

    @Test
    void shouldCompareAMergedUnitWithTheMeanOfItsPredecessorsEvenWhenItKeptACode() {
        YearOverYear.Change c =
                YearOverYear.compare(now("15", "88", 1, 34), PREVIOUS_63, LINEAGE, ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals(Comparison.MEAN_OF_PREDECESSORS, c.comparison().rule());
        assertEquals(List.of("10", "15"), c.comparison().comparedWith());
        assertEquals(new BigDecimal("85.000"), c.previousPoints());
        assertEquals(new BigDecimal("3.00"), c.pointsChange());
        assertNull(c.rankChange(), "no previous rank is invented for a merged unit");
        assertNull(c.previousRank());
        assertEquals(63, c.previousRankOutOf());
        // Mean of the predecessors' percentiles (93.55 and 98.39) → 95.97; 1st of 34 is 100.
        assertEquals(new BigDecimal("95.97"), c.previousPercentile());
        assertEquals(new BigDecimal("4.03"), c.percentileChange());
        assertTrue(c.comparison().note().contains("10, 15"));
    }

    @Test
    void shouldNotCompareUnitsWithoutHistoryUnderRuleNone() {
        YearOverYear.Change c =
                YearOverYear.compare(now("04252", "50", 1, 10), PREVIOUS_63, LINEAGE, ComparisonRule.NONE);
        assertEquals(Comparison.NONE, c.comparison().rule());
        assertNull(c.pointsChange());
        assertNull(c.previousRankOutOf());
    }

    @Test
    void shouldSayNoneForAUnitCreatedWithoutPredecessors() {
        YearOverYear.Change c = YearOverYear.compare(
                now("99999", "70", 3, 34), PREVIOUS_63, LINEAGE, ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals(Comparison.NONE, c.comparison().rule());
        assertEquals(RankMeasure.NONE, c.comparison().rankMeasure());
        assertNull(c.pointsChange());
    }

    @Test
    void shouldWalkBackThroughUnitsWithoutResults() {
        Map<String, List<String>> twoSteps = Map.of("99", List.of("98"), "98", List.of("10", "08"));
        YearOverYear.Change c = YearOverYear.compare(
                now("99", "80", 1, 34), PREVIOUS_63, twoSteps, ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals(List.of("08", "10"), c.comparison().comparedWith());
        assertEquals(new BigDecimal("75.000"), c.previousPoints());
    }

    @Test
    void shouldKeepTheUnitsOwnResultWhenNoneOfItsPredecessorsHasOne() {
        // 08 absorbed a unit that was never scored: its own previous result still compares.
        YearOverYear.Change c = YearOverYear.compare(
                now("08", "72", 4, 34),
                PREVIOUS_63,
                Map.of("08", List.of("08", "77")),
                ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals(Comparison.MEAN_OF_PREDECESSORS, c.comparison().rule());
        assertEquals(List.of("08"), c.comparison().comparedWith());
        YearOverYear.Change alone = YearOverYear.compare(
                now("08", "72", 4, 34), PREVIOUS_63, Map.of("08", List.of("77")), ComparisonRule.MEAN_OF_PREDECESSORS);
        assertEquals(Comparison.SAME_UNIT, alone.comparison().rule());
        assertEquals(new BigDecimal("2.00"), alone.pointsChange());
    }

    @Test
    void shouldGiveTheFirstOfNAPercentileOf100AndTheLast0() {
        assertEquals(0, new BigDecimal("100").compareTo(RankMeasure.percentile(1, 34)));
        assertEquals(0, BigDecimal.ZERO.compareTo(RankMeasure.percentile(34, 34)));
        assertEquals(0, new BigDecimal("100").compareTo(RankMeasure.percentile(1, 1)));
        assertNull(RankMeasure.percentile(null, 34));
    }
}
