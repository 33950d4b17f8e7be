package vn.parindex.scoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.FieldError;

/**
 * How sure a rank is: a Monte Carlo uncertainty analysis of a ranking in the JRC/OECD composite-indicator practice
 * (OECD/JRC Handbook on Constructing Composite Indicators, 2008, step 7; COINr's {@code get_sensitivity} with
 * {@code SA_type = "UA"}). Each run draws, from one seeded generator,
 *
 * <ol>
 *   <li>one <b>weight</b> multiplier per component (a field, or a part without fields), uniform in
 *       {@code [1 − spread, 1 + spread]}, renormalised so that the weights (the components' full maxima) still add
 *       up to the set's total — the same weights for every unit of the run;
 *   <li>for every unit and <b>survey</b> component, the survey share {@code p = points / applicable maximum} plus a
 *       normal error of standard deviation {@code sqrt(p(1 − p)/n)} (n the unit's sample size) or the stated
 *       standard error, clipped to {@code [0, 1]};
 * </ol>
 *
 * then recomputes each unit's index {@code (Σ w·points + adjustments) / Σ w·applicable maximum × 100} (unperturbed
 * it is exactly the published index) and ranks the units by {@link Ranking} (highest first, equal values share a
 * rank). Per unit it reports the median and the 5th and 95th percentile of its ranks (a 90 % interval,
 * nearest-rank percentiles, so every bound is a rank that occurred), the published rank, and the units whose
 * intervals overlap its own ("not distinguishable").
 *
 * <p>Reproducible: the answer depends only on the input, the seed and the number of runs — not on the order units
 * or components are given in (both are taken in code order), nor on how many threads run it (each run has its own
 * generator, split from the seed in run order), nor on the platform ({@link StrictMath}, {@link SplittableRandom}).
 * Inside the simulation the arithmetic is {@code double}; each run's index is taken to 10 decimals (the scale of
 * the published exact index) before ranking, so units with identical inputs stay tied.
 */
public final class RankUncertainty {

    /** The fewest runs accepted (and the default). */
    public static final int MIN_RUNS = 1_000;

    /** The most runs accepted: 3,321 units × 100,000 runs is about 1.3 GB of ranks. */
    public static final int MAX_RUNS = 100_000;

    /** Default seed: any fixed number; every result reports the seed it was drawn with. */
    public static final long DEFAULT_SEED = 1149L;

    /** Default weight spread: each weight varies by up to ±20 %. */
    public static final BigDecimal DEFAULT_WEIGHT_SPREAD = new BigDecimal("0.20");

    /** Lower and upper percentile of the reported interval (90 %). */
    private static final double LOW = 0.05;

    private static final double HIGH = 0.95;
    private static final double MEDIAN = 0.50;
    private static final double EXACT = 1e10;
    private static final int EXACT_SCALE = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RankUncertainty() {}

    /**
     * What to simulate.
     *
     * @param seed the generator's seed, reported with the result
     * @param runs number of Monte Carlo runs, {@value #MIN_RUNS} to {@value #MAX_RUNS}
     * @param weightSpread half-width of the uniform weight multiplier, 0 (weights fixed) to below 1; 0.20 = ±20 %
     */
    public record Settings(long seed, int runs, BigDecimal weightSpread) {

        /** The defaults: seed {@value #DEFAULT_SEED}, {@value #MIN_RUNS} runs, ±20 % weights. */
        public static Settings defaults() {
            return of(DEFAULT_SEED);
        }

        /** {@value #MIN_RUNS} runs and ±20 % weights with the given seed. */
        public static Settings of(long seed) {
            return new Settings(seed, MIN_RUNS, DEFAULT_WEIGHT_SPREAD);
        }
    }

    /**
     * A weighted component of the index: a field, or a part that has no fields (a survey part, SIPAS). Its weight is
     * its full maximum. Bonus and penalty points are not components (see {@link Unit#adjustmentPoints}).
     *
     * @param survey whether the component's points come from a sample survey (and so carry sampling error)
     */
    public record Component(String code, BigDecimal maxPoints, boolean survey) {}

    /**
     * A unit's points on a component, against its applicable maximum (less than the full maximum when some of its
     * criteria do not apply to the unit; zero when none does). For a survey component, either the survey's sample
     * size for the unit or a stated standard error of the component's index, in percentage points (2.5 = the
     * share is known to ±2.5 % of the maximum, one standard error).
     */
    public record Score(
            BigDecimal points, BigDecimal applicableMax, Integer sampleSize, BigDecimal standardErrorPercent) {

        /** Points of a component without sampling error. */
        public static Score of(BigDecimal points, BigDecimal applicableMax) {
            return new Score(points, applicableMax, null, null);
        }
    }

    /**
     * A ranked unit: its scores by component code (a component it has no score for does not apply to it), and
     * its bonus/penalty points, added unchanged to every run's total (null = none).
     */
    public record Unit(String unitCode, Map<String, Score> scores, BigDecimal adjustmentPoints) {}

    /** One unit's rank interval. */
    @Schema(name = "RankInterval")
    public record Interval(
            String unitCode,

            @Schema(description = "The rank in the published (unperturbed) ranking")
            int publishedRank,

            @Schema(description = "Median rank over the runs")
            int medianRank,

            @Schema(description = "5th percentile of the ranks: the best end of the 90 % interval")
            int rankLow,

            @Schema(description = "95th percentile of the ranks: the worst end of the 90 % interval")
            int rankHigh,

            @Schema(description = "False when another unit's interval overlaps this one's")
            boolean distinguishable,

            @Schema(description = "Units whose 90 % intervals overlap this one's, by published rank then code")
            List<String> notDistinguishableFrom) {}

    /** The analysis: its inputs (seed, runs, spread) and one interval per unit, by published rank then code. */
    @Schema(name = "RankUncertainty")
    public record Result(
            @Schema(description = "Seed of the generator; the same seed and inputs give the same answer")
            long seed,

            int runs,

            @Schema(description = "Half-width of the uniform weight multiplier (0.20 = ±20 %)", examples = "0.20")
            BigDecimal weightSpread,

            @Schema(description = "Coverage of the interval, percent", examples = "90")
            int intervalPercent,

            int rankOutOf,
            List<Interval> units) {}

    /** Runs the analysis, using the machine's cores for the runs (the answer does not depend on them). */
    public static Result simulate(List<Component> components, List<Unit> units, Settings settings) {
        return simulate(components, units, settings, true);
    }

    /** Runs the analysis, on the calling thread only unless {@code parallel}. */
    public static Result simulate(List<Component> components, List<Unit> units, Settings settings, boolean parallel) {
        check(settings);
        Model model = Model.of(components, units);
        int n = model.codes.length;
        int runs = settings.runs();
        double spread = settings.weightSpread().doubleValue();

        // One generator per run, split in run order: runs can go in any order on any thread.
        SplittableRandom master = new SplittableRandom(settings.seed());
        SplittableRandom[] generators = new SplittableRandom[runs];
        for (int r = 0; r < runs; r++) {
            generators[r] = master.split();
        }
        // One row of ranks per run: each run writes its own array.
        int[][] ranks = new int[runs][];
        IntStream indices = IntStream.range(0, runs);
        (parallel ? indices.parallel() : indices).forEach(r -> model.run(generators[r], spread, ranks, r));

        List<Integer> published = Ranking.ranks(Arrays.asList(model.published));
        int[] low = new int[n];
        int[] high = new int[n];
        int[] median = new int[n];
        int[] own = new int[runs];
        for (int u = 0; u < n; u++) {
            for (int r = 0; r < runs; r++) {
                own[r] = ranks[r][u];
            }
            Arrays.sort(own);
            low[u] = nearestRank(own, LOW);
            median[u] = nearestRank(own, MEDIAN);
            high[u] = nearestRank(own, HIGH);
        }
        Integer[] order = new Integer[n];
        for (int u = 0; u < n; u++) {
            order[u] = u;
        }
        // Codes are sorted, so index order breaks ties of the published rank by code.
        Arrays.sort(order, Comparator.comparingInt(published::get).thenComparingInt(u -> u));
        List<List<String>> overlapping = overlaps(order, low, high, model.codes);
        List<Interval> intervals = new ArrayList<>(n);
        for (int place = 0; place < n; place++) {
            int u = order[place];
            List<String> others = overlapping.get(place);
            intervals.add(new Interval(
                    model.codes[u], published.get(u), median[u], low[u], high[u], others.isEmpty(), others));
        }
        return new Result(
                settings.seed(),
                runs,
                settings.weightSpread(),
                (int) Math.round((HIGH - LOW) * 100),
                n,
                List.copyOf(intervals));
    }

    private static void check(Settings s) {
        if (s.runs() < MIN_RUNS || s.runs() > MAX_RUNS) {
            throw ApiException.invalidParameter(
                    "runs", "must be between " + MIN_RUNS + " and " + MAX_RUNS, String.valueOf(s.runs()));
        }
        BigDecimal spread = s.weightSpread();
        if (spread == null || spread.signum() < 0 || spread.compareTo(BigDecimal.ONE) >= 0) {
            throw ApiException.invalidParameter(
                    "weightSpread",
                    "must be at least 0 and below 1 (0.20 = ±20 %)",
                    spread == null ? null : spread.toPlainString());
        }
    }

    /** The value at percentile {@code q} of sorted values, by the nearest-rank method (the ⌈q·n⌉-th smallest). */
    static int nearestRank(int[] sorted, double q) {
        int k = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.max(k, 1) - 1];
    }

    /**
     * For each unit in {@code order}, the codes of the other units whose interval [low, high] overlaps its own, in
     * {@code order}. Units sorted by their interval's low end: those that can overlap unit u are the ones whose
     * low end is at most u's high end, a prefix found by binary search; of these, the ones whose high end reaches
     * u's low end.
     */
    private static List<List<String>> overlaps(Integer[] order, int[] low, int[] high, String[] codes) {
        int n = order.length;
        int[] place = new int[n];
        for (int p = 0; p < n; p++) {
            place[order[p]] = p;
        }
        Integer[] byLow = order.clone();
        Arrays.sort(byLow, Comparator.comparingInt(u -> low[u]));
        int[] lows = new int[n];
        for (int i = 0; i < n; i++) {
            lows[i] = low[byLow[i]];
        }
        List<List<String>> result = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int u = order[p];
            int end = upperBound(lows, high[u]);
            List<Integer> others = new ArrayList<>();
            for (int i = 0; i < end; i++) {
                int v = byLow[i];
                if (v != u && high[v] >= low[u]) {
                    others.add(place[v]);
                }
            }
            others.sort(null);
            result.add(others.stream().map(q -> codes[order[q]]).toList());
        }
        return result;
    }

    /** The number of sorted values at most {@code key}. */
    private static int upperBound(int[] sorted, int key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The inputs as arrays, units and components in code order. */
    private static final class Model {
        private final String[] codes;
        private final double[] weights;
        private final double weightTotal;
        private final double[][] points;
        private final double[][] maxima;
        /** Standard error of the share, per unit and component; 0 where there is no sampling error. */
        private final double[][] errors;

        private final double[] adjustments;
        private final BigDecimal[] published;

        private Model(
                String[] codes,
                double[] weights,
                double[][] points,
                double[][] maxima,
                double[][] errors,
                double[] adjustments,
                BigDecimal[] published) {
            this.codes = codes;
            this.weights = weights;
            this.weightTotal = Arrays.stream(weights).sum();
            this.points = points;
            this.maxima = maxima;
            this.errors = errors;
            this.adjustments = adjustments;
            this.published = published;
        }

        static Model of(List<Component> components, List<Unit> units) {
            TreeMap<String, Component> byCode = new TreeMap<>();
            for (int c = 0; c < components.size(); c++) {
                Component k = components.get(c);
                if (k.maxPoints() == null || k.maxPoints().signum() <= 0) {
                    throw invalid("components[" + c + "].maxPoints", "must be above 0", k.code());
                }
                if (byCode.put(k.code(), k) != null) {
                    throw invalid("components[" + c + "].code", "is given twice", k.code());
                }
            }
            if (units.isEmpty()) {
                throw invalid("units", "must not be empty", null);
            }
            TreeMap<String, Unit> unitsByCode = new TreeMap<>();
            for (Unit u : units) {
                if (unitsByCode.put(u.unitCode(), u) != null) {
                    throw invalid("units[" + u.unitCode() + "]", "is given twice", u.unitCode());
                }
            }
            List<Component> comps = List.copyOf(byCode.values());
            int n = unitsByCode.size();
            int k = comps.size();
            String[] codes = new String[n];
            double[] weights = new double[k];
            for (int c = 0; c < k; c++) {
                weights[c] = comps.get(c).maxPoints().doubleValue();
            }
            double[][] points = new double[n][k];
            double[][] maxima = new double[n][k];
            double[][] errors = new double[n][k];
            double[] adjustments = new double[n];
            BigDecimal[] published = new BigDecimal[n];
            int u = 0;
            for (Unit unit : unitsByCode.values()) {
                codes[u] = unit.unitCode();
                for (String code : unit.scores().keySet()) {
                    if (!byCode.containsKey(code)) {
                        throw invalid(field(unit, code), "is not a component", code);
                    }
                }
                BigDecimal total = unit.adjustmentPoints() == null ? BigDecimal.ZERO : unit.adjustmentPoints();
                BigDecimal applicable = BigDecimal.ZERO;
                for (int c = 0; c < k; c++) {
                    Component comp = comps.get(c);
                    Score s = unit.scores().get(comp.code());
                    if (s == null) {
                        continue;
                    }
                    check(unit, comp, s);
                    total = total.add(s.points());
                    applicable = applicable.add(s.applicableMax());
                    points[u][c] = s.points().doubleValue();
                    maxima[u][c] = s.applicableMax().doubleValue();
                    errors[u][c] = comp.survey() ? shareError(unit, comp, s) : 0;
                }
                if (applicable.signum() == 0) {
                    throw invalid("units[" + unit.unitCode() + "].scores", "no component applies: not ranked", null);
                }
                adjustments[u] = unit.adjustmentPoints() == null
                        ? 0
                        : unit.adjustmentPoints().doubleValue();
                // The published exact index, as the evaluator computes it.
                published[u] = total.multiply(HUNDRED).divide(applicable, EXACT_SCALE, RoundingMode.HALF_UP);
                u++;
            }
            return new Model(codes, weights, points, maxima, errors, adjustments, published);
        }

        private static void check(Unit unit, Component comp, Score s) {
            String field = field(unit, comp.code());
            if (s.points() == null || s.applicableMax() == null) {
                throw invalid(field, "needs points and applicableMax", null);
            }
            if (s.applicableMax().signum() < 0 || s.applicableMax().compareTo(comp.maxPoints()) > 0) {
                throw invalid(
                        field + ".applicableMax",
                        "must be between 0 and the component's maximum " + comp.maxPoints(),
                        s.applicableMax().toPlainString());
            }
            if (s.points().signum() < 0 || s.points().compareTo(s.applicableMax()) > 0) {
                throw invalid(
                        field + ".points",
                        "must be between 0 and applicableMax",
                        s.points().toPlainString());
            }
        }

        /** The standard error of a survey component's share (0..1) for a unit. */
        private static double shareError(Unit unit, Component comp, Score s) {
            String field = field(unit, comp.code());
            if (s.applicableMax().signum() == 0) {
                return 0;
            }
            if (s.standardErrorPercent() != null) {
                if (s.standardErrorPercent().signum() < 0) {
                    throw invalid(
                            field + ".standardErrorPercent",
                            "must not be negative",
                            s.standardErrorPercent().toPlainString());
                }
                return s.standardErrorPercent().doubleValue() / 100;
            }
            if (s.sampleSize() == null || s.sampleSize() < 1) {
                throw invalid(
                        field + ".sampleSize",
                        "a survey component needs the unit's sample size (at least 1) or a standard error",
                        s.sampleSize() == null ? null : String.valueOf(s.sampleSize()));
            }
            double p = s.points().doubleValue() / s.applicableMax().doubleValue();
            return Math.sqrt(p * (1 - p) / s.sampleSize());
        }

        private static String field(Unit unit, String component) {
            return "units[" + unit.unitCode() + "].scores[" + component + "]";
        }

        /** One run: draws the weights and the survey errors, computes every index, ranks into row r. */
        void run(SplittableRandom rng, double spread, int[][] ranks, int r) {
            int k = weights.length;
            // Multipliers of the components' points: 1 ± spread, scaled so Σ maximum × multiplier = Σ maximum.
            double[] w = new double[k];
            double drawn = 0;
            for (int c = 0; c < k; c++) {
                w[c] = 1 + spread * (2 * rng.nextDouble() - 1);
                drawn += weights[c] * w[c];
            }
            double scale = weightTotal / drawn;
            for (int c = 0; c < k; c++) {
                w[c] *= scale;
            }
            Normal normal = new Normal(rng);
            int n = codes.length;
            List<BigDecimal> values = new ArrayList<>(n);
            for (int u = 0; u < n; u++) {
                double[] pts = points[u];
                double[] max = maxima[u];
                double[] err = errors[u];
                double num = adjustments[u];
                double den = 0;
                for (int c = 0; c < k; c++) {
                    double p = pts[c];
                    if (err[c] > 0) {
                        double share = p / max[c] + err[c] * normal.next();
                        p = Math.min(1, Math.max(0, share)) * max[c];
                    }
                    num += w[c] * p;
                    den += w[c] * max[c];
                }
                values.add(BigDecimal.valueOf(Math.round(num * 100 / den * EXACT), EXACT_SCALE));
            }
            List<Integer> ranked = Ranking.ranks(values);
            int[] row = new int[n];
            for (int u = 0; u < n; u++) {
                row[u] = ranked.get(u);
            }
            ranks[r] = row;
        }
    }

    /** Standard normal deviates by Marsaglia's polar method (StrictMath: the same numbers on every platform). */
    private static final class Normal {
        private final SplittableRandom rng;
        private double spare;
        private boolean hasSpare;

        Normal(SplittableRandom rng) {
            this.rng = rng;
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double x;
            double y;
            double s;
            do {
                x = 2 * rng.nextDouble() - 1;
                y = 2 * rng.nextDouble() - 1;
                s = x * x + y * y;
            } while (s >= 1 || s == 0);
            double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            spare = y * f;
            hasSpare = true;
            return x * f;
        }
    }

    private static ApiException invalid(String field, String message, String value) {
        return new ApiException(
                CommonError.VALIDATION_FAILED, field + " " + message, List.of(FieldError.of(field, message, value)));
    }
}
