package vn.parindex.scoring.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.parindex.scoring.domain.RankUncertainty;
import vn.parindex.scoring.domain.RankUncertainty.Component;
import vn.parindex.scoring.domain.RankUncertainty.Result;
import vn.parindex.scoring.domain.RankUncertainty.Score;
import vn.parindex.scoring.domain.RankUncertainty.Settings;
import vn.parindex.scoring.domain.RankUncertainty.Unit;

/**
 * Times {@link RankUncertainty} in process ({@code ./parindex bench uncertainty}):
 *
 * <pre>
 *   UncertaintyBenchmark [UNITS [RUNS [ROUNDS]]]     default 3321 units, 1000 runs, 3 rounds (after 1 warm-up)
 * </pre>
 *
 * The units are the shape of the 2025 commune ranking: part A of 8 fields (10 points each), survey part B of 2
 * components (10 points each, 100–400 respondents per unit), part C (SIPAS, 10 points); points pseudo-random but
 * fixed (seeded), so every run analyses the same ranking. Prints one {@code RESULT} line per round and the median,
 * for the parallel analysis (the service's) and the single-thread one.
 */
public final class UncertaintyBenchmark {

    private static final int FIELDS = 8;
    private static final int SURVEY = 2;

    private UncertaintyBenchmark() {}

    public static void main(String[] args) {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 3321;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : RankUncertainty.MIN_RUNS;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Component> components = components();
        List<Unit> data = units(units);
        Settings settings = new Settings(RankUncertainty.DEFAULT_SEED, runs, RankUncertainty.DEFAULT_WEIGHT_SPREAD);
        System.out.printf(
                "bench: rank uncertainty, %d units × %d runs, %d components (%d survey), %d cores%n",
                units, runs, components.size(), SURVEY, Runtime.getRuntime().availableProcessors());
        for (boolean parallel : new boolean[] {true, false}) {
            String name = parallel ? "uncertainty" : "uncertainty-1thread";
            RankUncertainty.simulate(components, data, settings, parallel); // warm-up: JIT
            long[] ms = new long[rounds];
            Result last = null;
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                last = RankUncertainty.simulate(components, data, settings, parallel);
                ms[i] = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("RESULT %s units=%d runs=%d ms=%d%n", name, units, runs, ms[i]);
            }
            long[] sorted = ms.clone();
            Arrays.sort(sorted);
            long distinct = last.units().stream()
                    .filter(RankUncertainty.Interval::distinguishable)
                    .count();
            double width = last.units().stream()
                    .mapToInt(i -> i.rankHigh() - i.rankLow())
                    .average()
                    .orElse(0);
            System.out.printf(
                    "bench: %s median %d ms of %d rounds (%d units distinguishable, mean interval width %.1f ranks)%n",
                    name, sorted[(rounds - 1) / 2], rounds, distinct, width);
        }
    }

    private static List<Component> components() {
        List<Component> components = new ArrayList<>();
        for (int f = 1; f <= FIELDS; f++) {
            components.add(new Component("A" + f, BigDecimal.TEN, false));
        }
        for (int s = 1; s <= SURVEY; s++) {
            components.add(new Component("B" + s, BigDecimal.TEN, true));
        }
        components.add(new Component("C", BigDecimal.TEN, false));
        return components;
    }

    private static List<Unit> units(int count) {
        SplittableRandom random = new SplittableRandom(17);
        List<Unit> units = new ArrayList<>(count);
        for (int u = 0; u < count; u++) {
            Map<String, Score> scores = new LinkedHashMap<>();
            double level = 0.6 + 0.35 * random.nextDouble();
            for (int f = 1; f <= FIELDS; f++) {
                scores.put("A" + f, Score.of(points(level, random), BigDecimal.TEN));
            }
            int n = 100 + random.nextInt(301);
            for (int s = 1; s <= SURVEY; s++) {
                scores.put("B" + s, new Score(points(level, random), BigDecimal.TEN, n, null));
            }
            scores.put("C", Score.of(points(level, random), BigDecimal.TEN));
            units.add(new Unit(String.format("%05d", u + 1), scores, null));
        }
        return units;
    }

    /** Points out of 10 near the unit's level, on the 0.01 step appraisers use. */
    private static BigDecimal points(double level, SplittableRandom random) {
        double share = Math.min(1, Math.max(0, level + 0.1 * (random.nextDouble() - 0.5)));
        return BigDecimal.valueOf(Math.round(share * 1000), 2);
    }
}
