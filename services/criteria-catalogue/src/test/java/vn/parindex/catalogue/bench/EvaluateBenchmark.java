package vn.parindex.catalogue.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.parindex.criteria.rules.ClassificationBand;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.CriteriaSetValidator;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.criteria.rules.Evaluator;
import vn.parindex.criteria.rules.NodeKind;
import vn.parindex.criteria.rules.Rule;
import vn.parindex.criteria.rules.SetStatus;
import vn.parindex.criteria.rules.TargetLevel;

/**
 * Benchmark of {@link Evaluator} in process (not a test): a 150-node set (10 fields × 14 criteria, every rule
 * kind) evaluated for one unit with random inputs. Prints the median time per evaluation over rounds after a
 * warm-up. {@code --print-set CODE} prints the set as JSON instead (the HTTP benchmark posts it).
 * Run by {@code ./parindex bench catalogue}.
 */
public final class EvaluateBenchmark {

    private static final int FIELDS = 10;
    private static final int CRITERIA = 14;

    private EvaluateBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--print-set")) {
            ObjectMapper json = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            System.out.println(json.writeValueAsString(set(args[1])));
            return;
        }
        CriteriaSet set = set("BENCH_150");
        if (!CriteriaSetValidator.validate(set).isEmpty()) {
            throw new IllegalStateException(CriteriaSetValidator.validate(set).toString());
        }
        Random random = new Random(42);
        List<Evaluation.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            inputs.add(input(set, random));
        }
        int rounds = 15;
        int perRound = 20_000;
        long sink = 0;
        for (int i = 0; i < 100_000; i++) { // warm-up: JIT
            sink += Evaluator.evaluate(set, inputs.get(i & 255)).nodes().size();
        }
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink += Evaluator.evaluate(set, inputs.get(i & 255)).nodes().size();
            }
            micros[r] = (System.nanoTime() - start) / 1_000.0 / perRound;
        }
        Arrays.sort(micros);
        System.out.printf(
                "RESULT evaluate nodes=%d rounds=%d perRound=%d median_us=%.1f min_us=%.1f max_us=%.1f (sink %d)%n",
                150, rounds, perRound, micros[rounds / 2], micros[0], micros[rounds - 1], sink % 7);
    }

    static CriteriaSet set(String code) {
        List<CriteriaNode> fields = new ArrayList<>();
        for (int f = 1; f <= FIELDS; f++) {
            List<CriteriaNode> criteria = new ArrayList<>();
            for (int c = 1; c <= CRITERIA; c++) {
                BigDecimal max = c == CRITERIA ? new BigDecimal("0.9") : new BigDecimal("0.7");
                criteria.add(new CriteriaNode(
                        "F" + f + "." + c,
                        "Tiêu chí " + f + "." + c,
                        "Criterion " + f + "." + c,
                        NodeKind.CRITERION,
                        max,
                        c,
                        null,
                        rule(c),
                        List.of(),
                        null,
                        List.of()));
            }
            fields.add(new CriteriaNode(
                    "F" + f,
                    "Lĩnh vực " + f,
                    "Field " + f,
                    NodeKind.FIELD,
                    BigDecimal.TEN,
                    f,
                    null,
                    null,
                    List.of(),
                    null,
                    criteria));
        }
        return new CriteriaSet(
                code,
                "Bộ tiêu chí 150 nút (benchmark)",
                2026,
                TargetLevel.COMMUNE,
                "benchmark",
                new BigDecimal("100"),
                SetStatus.DRAFT,
                false,
                null,
                List.of(
                        new ClassificationBand("A", "A", new BigDecimal("90")),
                        new ClassificationBand("B", "B", new BigDecimal("80")),
                        new ClassificationBand("C", "C", BigDecimal.ZERO)),
                fields);
    }

    private static Rule rule(int c) {
        return switch (c % 5) {
            case 0 ->
                new Rule.Bands(
                        "ON_TIME_RATE_RESOLVED",
                        List.of(
                                new Rule.Bands.Band(new BigDecimal("99"), BigDecimal.ONE),
                                new Rule.Bands.Band(new BigDecimal("95"), new BigDecimal("0.5")),
                                new Rule.Bands.Band(BigDecimal.ZERO, BigDecimal.ZERO)),
                        null);
            case 1 ->
                new Rule.Evidence(
                        List.of(
                                new Rule.Evidence.Level("FULL", "Đạt", BigDecimal.ONE),
                                new Rule.Evidence.Level("PARTIAL", "Một phần", new BigDecimal("0.5")),
                                new Rule.Evidence.Level("NONE", "Không", BigDecimal.ZERO)),
                        new BigDecimal("0.05"));
            case 2 -> new Rule.Survey();
            case 3 -> new Rule.Linear("UNIT_RATIO", new BigDecimal("50"), new BigDecimal("100"));
            default -> new Rule.Percent("SIPAS_PERCENT");
        };
    }

    private static Evaluation.Input input(CriteriaSet set, Random random) {
        Map<String, Evaluation.LeafInput> leaves = new HashMap<>();
        for (CriteriaNode field : set.nodes()) {
            for (CriteriaNode leaf : field.children()) {
                Evaluation.LeafInput in = switch (leaf.rule()) {
                    case Rule.Evidence e ->
                        new Evaluation.LeafInput(
                                null, random.nextBoolean() ? "FULL" : "PARTIAL", null, null, null, null);
                    case Rule.Survey s -> new Evaluation.LeafInput(new BigDecimal("0.5"), null, null, null, null, null);
                    case Rule.Linear l ->
                        new Evaluation.LeafInput(
                                null,
                                null,
                                null,
                                BigDecimal.valueOf(50 + random.nextInt(51)),
                                BigDecimal.valueOf(100),
                                null);
                    default -> null;
                };
                if (in != null) {
                    leaves.put(leaf.code(), in);
                }
            }
        }
        return new Evaluation.Input(
                "xã",
                Map.of(
                        "ON_TIME_RATE_RESOLVED", BigDecimal.valueOf(9000 + random.nextInt(1001), 2),
                        "SIPAS_PERCENT", BigDecimal.valueOf(7000 + random.nextInt(3001), 2)),
                leaves);
    }
}
