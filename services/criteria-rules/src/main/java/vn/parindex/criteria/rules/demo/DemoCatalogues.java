package vn.parindex.criteria.rules.demo;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.parindex.criteria.rules.ClassificationBand;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Metric;
import vn.parindex.criteria.rules.NodeKind;
import vn.parindex.criteria.rules.Rule;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.criteria.rules.SetStatus;
import vn.parindex.criteria.rules.TargetLevel;

/**
 * Turns the team's criteria-catalogue proposals ({@code demo/criteria-catalogues.yaml}) into criteria sets. The
 * sets are published so that demo campaigns can use them, and marked {@code proposal}: their criteria and points
 * are partly inferred (every node's provenance is kept in its note). Mapping of scoring methods:
 * evidence_based → EVIDENCE (full 1 / partial 0.5 / none 0, points on a 0.01 step), threshold_from_ratio → BANDS,
 * linear_from_ratio → LINEAR, survey → SURVEY, survey_sipas → PERCENT of SIPAS, data_feed → PERCENT of its
 * metric, adjustment → ADJUSTMENT, manual → MANUAL (0.25 step). Ratios the YAML only describes in words become
 * {@code UNIT_RATIO} with the words kept as the rule's note.
 */
public final class DemoCatalogues {

    public static final String RESOURCE = "demo/criteria-catalogues.yaml";
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");

    private DemoCatalogues() {}

    public static List<CriteriaSet> load() {
        InputStream in = DemoCatalogues.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Missing from the build: " + RESOURCE);
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(500);
        Map<String, Object> root =
                new Yaml(new SafeConstructor(options)).load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, Object> classifications = map(root.get("classification_sets"));
        List<CriteriaSet> sets = new ArrayList<>();
        for (Object o : list(root.get("catalogues"))) {
            Map<String, Object> c = map(o);
            sets.add(new CriteriaSet(
                    str(c.get("code")),
                    str(c.get("name_vi")),
                    year(c),
                    level(c.get("level")),
                    legalBasis(c.get("legal_basis")),
                    decimal(c.get("max_points")),
                    SetStatus.PUBLISHED,
                    true,
                    describe(c),
                    bands(classifications, str(c.get("classification_set"))),
                    nodes(list(c.get("children")))));
        }
        return sets;
    }

    private static List<CriteriaNode> nodes(List<Object> raw) {
        List<CriteriaNode> nodes = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> n = map(raw.get(i));
            NodeKind kind = NodeKind.valueOf(str(n.get("kind")).toUpperCase(Locale.ROOT));
            List<CriteriaNode> children = nodes(list(n.get("children")));
            Map<String, Object> scoring = map(n.get("scoring"));
            Rule rule = children.isEmpty() || kind == NodeKind.ADJUSTMENT ? rule(scoring, n) : null;
            nodes.add(new CriteriaNode(
                    str(n.get("code")),
                    str(n.get("name_vi")),
                    str(n.get("name_en")),
                    kind,
                    kind == NodeKind.ADJUSTMENT ? null : decimal(n.get("max_points")),
                    i + 1,
                    rule == null ? null : source(rule),
                    rule,
                    List.of(),
                    note(n, scoring),
                    children));
        }
        return nodes;
    }

    private static Rule rule(Map<String, Object> scoring, Map<String, Object> node) {
        String method = str(scoring.get("method"));
        String metric = metric(scoring.get("metric"));
        String words = scoring.get("metric") != null && !metric.equals(str(scoring.get("metric")))
                ? str(scoring.get("metric"))
                : null;
        if (method == null) {
            return new Rule.Manual(new BigDecimal("0.25"));
        }
        return switch (method) {
            case "evidence_based" ->
                new Rule.Evidence(
                        List.of(
                                new Rule.Evidence.Level("FULL", "Đạt đầy đủ", BigDecimal.ONE),
                                new Rule.Evidence.Level("PARTIAL", "Đạt một phần", new BigDecimal("0.5")),
                                new Rule.Evidence.Level("NONE", "Không đạt", BigDecimal.ZERO)),
                        new BigDecimal("0.01"));
            case "threshold_from_ratio" ->
                new Rule.Bands(
                        metric,
                        list(scoring.get("bands")).stream()
                                .map(b -> new Rule.Bands.Band(
                                        decimal(map(b).get("min")), decimal(map(b).get("fraction"))))
                                .toList(),
                        words);
            case "linear_from_ratio" ->
                new Rule.Linear(metric, decimal(scoring.get("floor")), decimal(scoring.get("target")));
            case "survey" -> new Rule.Survey();
            case "survey_sipas" -> new Rule.Percent(Metric.SIPAS_PERCENT.name());
            case "data_feed" -> new Rule.Percent(metric);
            case "adjustment" ->
                new Rule.Adjustment(decimal(scoring.get("cap_positive")), decimal(scoring.get("cap_negative")));
            default -> new Rule.Manual(new BigDecimal("0.25"));
        };
    }

    private static ScoreSource source(Rule rule) {
        if (rule instanceof Rule.Survey
                || (rule instanceof Rule.Percent p
                        && Metric.SIPAS_PERCENT.name().equals(p.metric()))) {
            return ScoreSource.SURVEY;
        }
        boolean fed = rule.metric() != null
                && Metric.byName(rule.metric())
                        .map(m -> m.origin() == Metric.Origin.DOSSIER_STATS)
                        .orElse(false);
        return fed ? ScoreSource.AUTO : ScoreSource.APPRAISED;
    }

    /** The YAML's metric names, mapped to the catalogue's; anything else is a ratio the unit enters. */
    private static String metric(Object raw) {
        String name = str(raw);
        if (name == null) {
            return Metric.UNIT_RATIO.name();
        }
        return switch (name) {
            case "FULL_ONLINE_DOSSIER_SHARE" -> Metric.FULL_ONLINE_SHARE.name();
            case "ONLINE_DOSSIER_SHARE_L34" -> Metric.LEVEL34_SHARE.name();
            default -> Metric.byName(name).map(Enum::name).orElse(Metric.UNIT_RATIO.name());
        };
    }

    private static List<ClassificationBand> bands(Map<String, Object> sets, String name) {
        if (name == null || !sets.containsKey(name)) {
            return List.of();
        }
        return list(map(sets.get(name)).get("bands")).stream()
                .map(DemoCatalogues::map)
                .map(b -> new ClassificationBand(
                        str(b.get("code")),
                        str(b.get("label_vi")) == null ? str(b.get("code")) : str(b.get("label_vi")),
                        b.get("min_percent") == null ? BigDecimal.ZERO : decimal(b.get("min_percent"))))
                .toList();
    }

    private static int year(Map<String, Object> c) {
        List<Object> years = list(c.get("applies_years"));
        if (!years.isEmpty()) {
            // A set is in force from the first year it applies to: it may score that year and the later ones.
            return ((Number) years.getFirst()).intValue();
        }
        Matcher m = YEAR.matcher(legalBasis(c.get("legal_basis")));
        return m.find() ? Integer.parseInt(m.group()) : 2024;
    }

    private static TargetLevel level(Object raw) {
        List<Object> levels = raw instanceof List<?> l ? new ArrayList<>(l) : List.of(String.valueOf(raw));
        for (Object l : levels) {
            for (TargetLevel t : TargetLevel.values()) {
                if (t.name().equals(String.valueOf(l))) {
                    return t;
                }
            }
        }
        return TargetLevel.PROVINCE;
    }

    private static String legalBasis(Object raw) {
        if (raw instanceof List<?> l) {
            return String.join("; ", l.stream().map(String::valueOf).toList());
        }
        return raw == null ? "" : String.valueOf(raw);
    }

    private static String describe(Map<String, Object> c) {
        StringBuilder sb = new StringBuilder(
                "Đề xuất (proposal) from the ParIndex domain research; not an official criteria set.");
        for (String key : List.of("name_en", "caveat", "valid_until")) {
            if (c.get(key) != null) {
                sb.append(' ')
                        .append(key.equals("valid_until") ? "Valid until " : "")
                        .append(c.get(key))
                        .append('.');
            }
        }
        return sb.toString();
    }

    private static String note(Map<String, Object> n, Map<String, Object> scoring) {
        List<String> parts = new ArrayList<>();
        if (n.get("status") != null) {
            parts.add("provenance: " + n.get("status"));
        }
        if (scoring.get("rule") != null) {
            parts.add("rule: " + scoring.get("rule"));
        }
        if (n.get("note") != null) {
            parts.add(String.valueOf(n.get("note")));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static BigDecimal decimal(Object raw) {
        if (raw == null) {
            return null;
        }
        BigDecimal d = new BigDecimal(String.valueOf(raw)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static String str(Object raw) {
        return raw == null ? null : String.valueOf(raw);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object raw) {
        return raw instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object raw) {
        return raw instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
