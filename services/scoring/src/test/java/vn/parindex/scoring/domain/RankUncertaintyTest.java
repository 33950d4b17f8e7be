package vn.parindex.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.scoring.domain.RankUncertainty.Component;
import vn.parindex.scoring.domain.RankUncertainty.Interval;
import vn.parindex.scoring.domain.RankUncertainty.Result;
import vn.parindex.scoring.domain.RankUncertainty.Score;
import vn.parindex.scoring.domain.RankUncertainty.Settings;
import vn.parindex.scoring.domain.RankUncertainty.Unit;

class RankUncertaintyTest {

    /** Two fields of part A (20 + 30), survey part B (30), part C without fields (20): 100 points. */
    private static final List<Component> SET = List.of(
            new Component("A1", d("20"), false),
            new Component("A2", d("30"), false),
            new Component("B", d("30"), true),
            new Component("C", d("20"), false));

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** A unit's points on A1, A2, B (surveyed with sample size n), C, each out of its full maximum. */
    private static Unit unit(String code, String a1, String a2, String b, String c, int n) {
        Map<String, Score> scores = new LinkedHashMap<>();
        scores.put("A1", Score.of(d(a1), d("20")));
        scores.put("A2", Score.of(d(a2), d("30")));
        scores.put("B", new Score(d(b), d("30"), n, null));
        scores.put("C", Score.of(d(c), d("20")));
        return new Unit(code, scores, null);
    }

    /** A unit with only fixed (non-survey) components, for weight-only analyses. */
    private static Unit fixed(String code, String a1, String a2, String c) {
        return new Unit(
                code,
                Map.of("A1", Score.of(d(a1), d("20")), "A2", Score.of(d(a2), d("30")), "C", Score.of(d(c), d("20"))),
                null);
    }

    private static final List<Component> FIXED_SET = List.of(SET.get(0), SET.get(1), SET.get(3));

    /** Ten units a few points apart, survey sample n each. */
    private static List<Unit> ladder(int n) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            units.add(unit(
                    "U" + i,
                    "16",
                    "24",
                    d("20").add(d("0.4").multiply(BigDecimal.valueOf(i))).toPlainString(),
                    "16",
                    n));
        }
        return units;
    }

    private static Interval of(Result r, String code) {
        return r.units().stream()
                .filter(i -> i.unitCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static int totalWidth(Result r) {
        return r.units().stream().mapToInt(i -> i.rankHigh() - i.rankLow()).sum();
    }

    @Test
    void shouldGiveTheSameAnswerForTheSameSeedWhateverTheOrderAndThreads() {
        List<Unit> units = ladder(200);
        Result first = RankUncertainty.simulate(SET, units, Settings.of(42));
        List<Unit> shuffled = new ArrayList<>(units);
        Collections.shuffle(shuffled, new Random(7));
        List<Component> components = new ArrayList<>(SET);
        Collections.reverse(components);

        assertEquals(first, RankUncertainty.simulate(SET, units, Settings.of(42)));
        assertEquals(first, RankUncertainty.simulate(components, shuffled, Settings.of(42), false));
        assertEquals(42, first.seed());
        assertEquals(1000, first.runs());
        assertEquals(d("0.20"), first.weightSpread());
        assertEquals(90, first.intervalPercent());
        assertEquals(10, first.rankOutOf());
        // Another seed is another sample of runs: here some interval comes out differently.
        assertNotEquals(
                first.units(),
                RankUncertainty.simulate(SET, units, Settings.of(43)).units());
    }

    @Test
    void shouldGiveAUnitFarAheadADegenerateInterval() {
        List<Unit> units = new ArrayList<>(ladder(100));
        units.add(unit("TOP", "20", "30", "29", "20", 100));

        Interval top =
                RankUncertainty.simulate(SET, units, Settings.of(1)).units().getFirst();

        assertEquals(new Interval("TOP", 1, 1, 1, 1, true, List.of()), top);
    }

    @Test
    void shouldNotDistinguishTwoUnitsAHundredthApart() {
        // 80.01 against 80.00 (survey 24.01 vs 24 of 30 points, 400 respondents each).
        List<Unit> units = List.of(
                unit("X", "16", "24", "24.01", "16", 400),
                unit("Y", "16", "24", "24", "16", 400),
                unit("LOW", "10", "15", "15", "10", 400));

        Result r = RankUncertainty.simulate(SET, units, Settings.of(5));

        Interval x = of(r, "X");
        Interval y = of(r, "Y");
        assertEquals(1, x.publishedRank());
        assertEquals(2, y.publishedRank());
        assertEquals(1, x.rankLow());
        assertEquals(2, x.rankHigh());
        assertEquals(1, y.rankLow());
        assertEquals(2, y.rankHigh());
        assertEquals(List.of("Y"), x.notDistinguishableFrom());
        assertEquals(List.of("X"), y.notDistinguishableFrom());
        assertTrue(!x.distinguishable() && !y.distinguishable());
        assertEquals(new Interval("LOW", 3, 3, 3, 3, true, List.of()), of(r, "LOW"));
    }

    @Test
    void shouldWidenTheIntervalsAsTheSurveyErrorGrows() {
        Settings surveyOnly = new Settings(11, 1000, BigDecimal.ZERO);
        int previous = -1;
        for (int n : new int[] {100_000, 2_000, 200, 20}) {
            int width = totalWidth(RankUncertainty.simulate(SET, ladder(n), surveyOnly));
            assertTrue(width > previous, "n = " + n + ": total width " + width + " after " + previous);
            previous = width;
        }
        // A stated standard error instead of a sample size: 5 percentage points blur ranks 0.4 points apart.
        List<Unit> stated = ladder(1).stream()
                .map(u -> {
                    Map<String, Score> scores = new LinkedHashMap<>(u.scores());
                    Score b = scores.get("B");
                    scores.put("B", new Score(b.points(), b.applicableMax(), null, d("5")));
                    return new Unit(u.unitCode(), scores, null);
                })
                .toList();
        assertTrue(totalWidth(RankUncertainty.simulate(SET, stated, surveyOnly)) > 40);
    }

    @Test
    void shouldMoveRanksUnderWeightsOnlyWhenProfilesDiffer() {
        Settings weightsOnly = Settings.of(3);
        // Same profile (the same share in every component), different levels: weights cannot reorder them;
        // identical units stay tied under every weighting and share rank 1, as Ranking ties them.
        List<Unit> sameProfile = List.of(
                fixed("P90", "18", "27", "18"),
                fixed("P80", "16", "24", "16"),
                fixed("P80B", "16", "24", "16"),
                fixed("P70", "14", "21", "14"));
        Result same = RankUncertainty.simulate(FIXED_SET, sameProfile, weightsOnly);
        for (Interval i : same.units()) {
            assertEquals(i.publishedRank(), i.rankLow(), i.unitCode());
            assertEquals(i.publishedRank(), i.rankHigh(), i.unitCode());
            assertEquals(i.publishedRank(), i.medianRank(), i.unitCode());
        }
        assertEquals(
                List.of(1, 2, 2, 4),
                same.units().stream().map(Interval::publishedRank).toList());
        assertEquals(List.of("P80B"), of(same, "P80").notDistinguishableFrom());

        // Equal totals (56 of 70), opposite strengths: the weights decide the order.
        List<Unit> differentProfiles =
                List.of(fixed("STRONG_A1", "20", "20", "16"), fixed("STRONG_A2", "12", "28", "16"));
        Result differ = RankUncertainty.simulate(FIXED_SET, differentProfiles, weightsOnly);
        for (Interval i : differ.units()) {
            assertEquals(1, i.rankLow(), i.unitCode());
            assertEquals(2, i.rankHigh(), i.unitCode());
        }
    }

    @Test
    void shouldReproduceThePublishedRankingWithoutPerturbation() {
        // Not-applicable criteria: Y's A2 applies only for 15 of 30 points; index = points / applicable max.
        Map<String, Score> partial = Map.of(
                "A1", Score.of(d("10"), d("20")), "A2", Score.of(d("15"), d("15")), "C", Score.of(d("10"), d("20")));
        List<Unit> units = List.of(
                new Unit("Y", partial, null), // 35 / 55 = 63.6364
                fixed("Z", "10", "20", "10"), // 40 / 70 = 57.1429
                new Unit("W", Map.of("A1", Score.of(d("10"), d("20"))), d("25"))); // (10 + 25 bonus) / 20 = 175

        Result r = RankUncertainty.simulate(FIXED_SET, units, new Settings(9, 1000, BigDecimal.ZERO));

        assertEquals(
                List.of(
                        new Interval("W", 1, 1, 1, 1, true, List.of()),
                        new Interval("Y", 2, 2, 2, 2, true, List.of()),
                        new Interval("Z", 3, 3, 3, 3, true, List.of())),
                r.units());
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        int[] sorted = new int[1000];
        for (int i = 0; i < 1000; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, RankUncertainty.nearestRank(sorted, 0.05));
        assertEquals(500, RankUncertainty.nearestRank(sorted, 0.50));
        assertEquals(950, RankUncertainty.nearestRank(sorted, 0.95));
        assertEquals(1, RankUncertainty.nearestRank(new int[] {1}, 0.05));
    }

    @Test
    void shouldRefuseTooFewRunsAndASurveyWithoutItsError() {
        ApiException runs = assertThrows(
                ApiException.class, () -> RankUncertainty.simulate(SET, ladder(100), new Settings(1, 999, d("0.2"))));
        assertEquals(CommonError.INVALID_PARAMETER, runs.errorCode());
        assertEquals("runs", runs.errors().getFirst().field());

        ApiException spread = assertThrows(
                ApiException.class, () -> RankUncertainty.simulate(SET, ladder(100), new Settings(1, 1000, d("1"))));
        assertEquals("weightSpread", spread.errors().getFirst().field());

        Unit noSample = new Unit("S", Map.of("B", Score.of(d("20"), d("30"))), null);
        ApiException survey = assertThrows(
                ApiException.class, () -> RankUncertainty.simulate(SET, List.of(noSample), Settings.of(1)));
        assertEquals(CommonError.VALIDATION_FAILED, survey.errorCode());
        assertEquals("units[S].scores[B].sampleSize", survey.errors().getFirst().field());
    }
}
