package vn.parindex.scoring.seed;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.parindex.scoring.api.ContestDto;
import vn.parindex.scoring.domain.ComparisonRule;
import vn.parindex.scoring.domain.IndexKind;

/**
 * The demo's data file ({@value #RESOURCE}): external indices and campaigns, each value marked published (with its
 * source) or illustrative there. Read once; the loader and its test share this reading.
 */
public record DemoData(List<Index> indices, List<Campaign> campaigns) {

    public static final String RESOURCE = "demo/campaigns.yaml";

    /** An external index and its values per year. */
    public record Index(String code, String name, IndexKind kind, List<IndexYear> years) {}

    /** One year of an index: values by unit code, and the published claims about some of them. */
    public record IndexYear(int year, Map<String, BigDecimal> values, List<Map<String, Object>> published) {}

    /** How a campaign gets its results. */
    public enum How {
        /** A published table (totals, ranks): PublicationService.importPublished. */
        IMPORTED,
        /** Scored from self-assessment to publication. */
        COMPUTED
    }

    /** A demo campaign. */
    public record Campaign(
            String code,
            String name,
            int year,
            String criteriaSet,
            String group,
            String previous,
            ComparisonRule comparison,
            How how,
            Decision decision,
            Baseline baseline,
            boolean dossierFromStats,
            Map<String, Result> results,
            Map<String, Map<String, BigDecimal>> fieldsGiven,
            Map<String, UnitInputs> units,
            List<Map<String, Object>> published,
            Map<String, Object> raw) {}

    /** The decision that publishes the campaign. */
    public record Decision(String number, LocalDate date, String url) {}

    /** Where a computed unit starts: evidence level of every appraised evidence criterion, ratio of the others. */
    public record Baseline(String evidence, BigDecimal numerator, BigDecimal denominator) {}

    /**
     * A campaign's {@code contest_window}: its approved results published as a preliminary ranking open to contests
     * until {@code deadline}, one unit officer's contest of one criterion, the council's decision, then the final
     * ranking by the campaign's {@link Decision}.
     */
    public record ContestWindow(Decision preliminary, OffsetDateTime deadline, Contest contest) {}

    /** The contest: who filed it (a unit officer) and why, who decided it (an appraiser) and how. */
    public record Contest(
            String unit,
            String criterion,
            String filedBy,
            String reason,
            String evidence,
            String decidedBy,
            ContestDto.Outcome outcome,
            BigDecimal correctedPoints,
            String decisionReason) {}

    /** A line of an imported table. */
    public record Result(BigDecimal total, Integer rank) {}

    /**
     * A computed unit's inputs: the worked example, or deviations from the baseline entered by the unit
     * ({@code self}) and cut by the council ({@code appraisal}), survey points, SIPAS % and dossier ratios.
     */
    public record UnitInputs(
            boolean workedExample,
            Map<String, Value> self,
            Map<String, Value> appraisal,
            Map<String, BigDecimal> survey,
            BigDecimal sipas,
            Map<String, Value> dossier,
            BigDecimal expect) {}

    /** One entered value: points, an evidence level, or a ratio. */
    public record Value(BigDecimal points, String level, BigDecimal numerator, BigDecimal denominator) {

        static Value of(Object raw) {
            if (raw instanceof String s) {
                return new Value(null, s, null, null);
            }
            if (raw instanceof List<?> l) {
                return new Value(null, null, decimal(l.get(0)), decimal(l.get(1)));
            }
            return new Value(decimal(raw), null, null, null);
        }

        public boolean ratio() {
            return numerator != null;
        }
    }

    public static DemoData load() {
        InputStream in = DemoData.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Missing from the build: " + RESOURCE);
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10_000_000);
        Map<String, Object> root =
                new Yaml(new SafeConstructor(options)).load(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Index> indices = new ArrayList<>();
        for (Object o : list(root.get("indices"))) {
            Map<String, Object> i = map(o);
            List<IndexYear> years = new ArrayList<>();
            for (Object y : list(i.get("years"))) {
                Map<String, Object> ym = map(y);
                years.add(new IndexYear(
                        ((Number) ym.get("year")).intValue(),
                        decimals(map(ym.get("values"))),
                        maps(ym.get("published"))));
            }
            indices.add(
                    new Index(str(i.get("code")), str(i.get("name")), IndexKind.valueOf(str(i.get("kind"))), years));
        }
        List<Campaign> campaigns = new ArrayList<>();
        for (Object o : list(root.get("campaigns"))) {
            campaigns.add(campaign(map(o)));
        }
        return new DemoData(List.copyOf(indices), List.copyOf(campaigns));
    }

    private static Campaign campaign(Map<String, Object> c) {
        Map<String, Object> d = map(c.get("decision"));
        Map<String, Object> b = map(c.get("baseline"));
        List<Object> ratio = list(b.get("ratio"));
        Map<String, Result> results = new LinkedHashMap<>();
        map(c.get("results")).forEach((unit, r) -> {
            Map<String, Object> rm = map(r);
            results.put(
                    unit,
                    new Result(
                            decimal(rm.get("total")),
                            rm.get("rank") == null ? null : ((Number) rm.get("rank")).intValue()));
        });
        Map<String, Map<String, BigDecimal>> fields = new LinkedHashMap<>();
        map(c.get("fieldsGiven")).forEach((unit, f) -> fields.put(unit, decimals(map(f))));
        Map<String, UnitInputs> units = new LinkedHashMap<>();
        map(c.get("units")).forEach((unit, u) -> units.put(unit, inputs(map(u))));
        return new Campaign(
                str(c.get("code")),
                str(c.get("name")),
                ((Number) c.get("year")).intValue(),
                str(c.get("criteriaSet")),
                str(c.get("group")),
                str(c.get("previous")),
                ComparisonRule.valueOf(str(c.get("comparison"))),
                How.valueOf(str(c.get("how")).toUpperCase(java.util.Locale.ROOT)),
                new Decision(str(d.get("number")), date(d.get("date")), str(d.get("url"))),
                b.isEmpty() ? null : new Baseline(str(b.get("evidence")), decimal(ratio.get(0)), decimal(ratio.get(1))),
                "dossier-stats".equals(str(c.get("dossier_source"))),
                results,
                fields,
                units,
                maps(c.get("published")),
                c);
    }

    private static UnitInputs inputs(Map<String, Object> u) {
        return new UnitInputs(
                "YenBai2021".equals(str(u.get("inputs"))),
                values(map(u.get("self"))),
                values(map(u.get("appraisal"))),
                decimals(map(u.get("survey"))),
                decimal(u.get("sipas")),
                values(map(u.get("dossier"))),
                decimal(u.get("expect")));
    }

    /** The campaign's contest window, or null when it goes straight from approval to its final ranking. */
    public static ContestWindow contestWindow(Campaign c) {
        Map<String, Object> w = map(c.raw().get("contest_window"));
        if (w.isEmpty()) {
            return null;
        }
        Map<String, Object> p = map(w.get("preliminary"));
        Map<String, Object> x = map(w.get("contest"));
        return new ContestWindow(
                new Decision(str(p.get("number")), date(p.get("date")), null),
                OffsetDateTime.parse(str(w.get("deadline"))),
                new Contest(
                        str(x.get("unit")),
                        str(x.get("criterion")),
                        str(x.get("filed_by")),
                        str(x.get("reason")),
                        str(x.get("evidence")),
                        str(x.get("decided_by")),
                        ContestDto.Outcome.valueOf(str(x.get("outcome"))),
                        decimal(x.get("corrected_points")),
                        str(x.get("decision_reason"))));
    }

    /** The campaign of {@code code}, or an exception naming it. */
    public Campaign campaign(String code) {
        return campaigns.stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo campaign " + code));
    }

    private static Map<String, Value> values(Map<String, Object> raw) {
        Map<String, Value> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, Value.of(v)));
        return out;
    }

    private static Map<String, BigDecimal> decimals(Map<String, Object> raw) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, decimal(v)));
        return out;
    }

    static BigDecimal decimal(Object raw) {
        return raw == null ? null : new BigDecimal(String.valueOf(raw));
    }

    private static LocalDate date(Object raw) {
        if (raw instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return raw == null ? null : LocalDate.parse(String.valueOf(raw));
    }

    private static String str(Object raw) {
        return raw == null ? null : String.valueOf(raw);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object raw) {
        return raw instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object raw) {
        return raw instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static List<Map<String, Object>> maps(Object raw) {
        return list(raw).stream().map(DemoData::map).toList();
    }
}
