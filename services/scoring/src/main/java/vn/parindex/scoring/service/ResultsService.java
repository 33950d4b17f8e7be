package vn.parindex.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.criteria.rules.Metric;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.domain.LeafScore;
import vn.parindex.scoring.domain.RankingDocument;
import vn.parindex.scoring.domain.ResultCalculator;
import vn.parindex.scoring.domain.UnitResult;
import vn.parindex.scoring.domain.YearOverYear;
import vn.parindex.scoring.store.Campaign;
import vn.parindex.scoring.store.ScoreStore;

/**
 * Results of a campaign: every member's stored scores (one query) evaluated by the criteria rules, ranked and
 * compared with the previous campaign (its latest published ranking, or its live results if it was never
 * published). A campaign whose results were imported from a published table serves that table. Cached per
 * campaign revision, so a read after any score change recomputes.
 */
@ApplicationScoped
public class ResultsService {

    /** All results of a campaign at one revision. */
    @Schema(name = "CampaignResults")
    public record CampaignResults(
            String campaignCode,
            String status,
            long revision,
            OffsetDateTime computedAt,
            String previousCampaignCode,
            String comparisonRule,

            @Schema(description = "True when the results were imported from a published table")
            boolean imported,

            @Schema(description = "The parts and fields the items' sub-totals refer to: names, kinds, maxima")
            List<UnitResult.SubtotalNode> subtotals,

            List<UnitResult> items) {}

    /** A leaf of one unit: the score at each stage and the points lost against the applicable maximum. */
    @Schema(name = "CriterionResult")
    public record CriterionDetail(
            String code,
            String name,
            String parentCode,
            BigDecimal maxPoints,
            boolean applicable,
            BigDecimal selfPoints,

            @Schema(description = "Points the last appraisal round gave (from its points, level or ratio)")
            BigDecimal appraisedPoints,

            BigDecimal finalPoints,
            BigDecimal pointsLost,

            @Schema(description = "The ratio's percentage that gave the final points, unrounded")
            BigDecimal value,

            @Schema(description = "The percentage as published (the metric's decimals)", examples = "98.6")
            BigDecimal valueDisplay,

            BigDecimal numerator,
            BigDecimal denominator,
            String basis) {}

    /** One unit's result with its criteria, and its largest losses first ("what lost you points"). */
    @Schema(name = "UnitResultDetail")
    public record UnitDetail(UnitResult result, List<CriterionDetail> criteria, List<CriterionDetail> largestLosses) {}

    private record Cached(String key, CampaignResults results) {}

    /** One unit's evaluation at the revision of its scores it was computed from. */
    private record UnitEvaluation(long revision, ResultCalculator.Evaluated evaluated) {}

    private final CampaignService campaigns;
    private final ScoreStore scores;
    private final PublishedRankings published;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Map<String, UnitEvaluation>> evaluations = new ConcurrentHashMap<>();
    private final Map<String, ResultCalculator.Prepared> prepared = new ConcurrentHashMap<>();

    public ResultsService(CampaignService campaigns, ScoreStore scores, PublishedRankings published) {
        this.campaigns = campaigns;
        this.scores = scores;
        this.published = published;
    }

    public CampaignResults rankCampaign(String code) {
        Campaign c = campaigns.campaign(code);
        long revision = scores.revision(code);
        // Year-over-year values come from the previous campaign: its changes and corrections change the key too.
        String key = revision + "/" + c.status + "/" + published.latestVersion(code) + "/"
                + (c.previousCampaignCode == null
                        ? ""
                        : scores.revision(c.previousCampaignCode) + ":"
                                + published.latestVersion(c.previousCampaignCode));
        Cached hit = cache.get(code);
        if (hit != null && hit.key().equals(key)) {
            return hit.results();
        }
        List<UnitResult> items = c.resultsImported ? importedItems(c) : computed(c);
        CampaignResults results = new CampaignResults(
                code,
                c.status.name(),
                revision,
                OffsetDateTime.now(),
                c.previousCampaignCode,
                c.comparisonRule.name(),
                c.resultsImported,
                ResultCalculator.subtotalNodes(campaigns.criteriaSet(c)),
                List.copyOf(items));
        if (!io.quarkus.narayana.jta.QuarkusTransaction.isActive()) {
            // Results computed inside a transaction may see writes that are later rolled back: never cache them.
            cache.put(code, new Cached(key, results));
        }
        return results;
    }

    /**
     * 409 {@code RESULTS_INCOMPLETE} when a unit that is not excluded has applicable criteria without a score:
     * such a unit would be ranked on 0 points. Run inside the transaction that approves or publishes.
     */
    public void requireComplete(String code) {
        List<UnitResult> incomplete = rankCampaign(code).items().stream()
                .filter(r ->
                        r.excluded() == null && !r.imported() && !r.missing().isEmpty())
                .toList();
        if (incomplete.isEmpty()) {
            return;
        }
        List<FieldError> errors = incomplete.stream()
                .limit(100)
                .map(r -> FieldError.of(
                        "units." + r.unitCode(),
                        r.missing().size() + " criteria without a score: "
                                + String.join(
                                        ", ", r.missing().stream().limit(10).toList())
                                + (r.missing().size() > 10 ? ", …" : "")
                                + "; score them or exclude the unit with a reason",
                        r.unitCode()))
                .toList();
        throw new ApiException(
                ScoringError.RESULTS_INCOMPLETE,
                incomplete.size() + " unit(s) of " + code + " have missing scores, e.g. "
                        + incomplete.getFirst().unitCode() + "; nothing was changed",
                errors,
                Map.of("incompleteUnits", incomplete.size()));
    }

    public UnitDetail unitDetail(String code, String unitCode) {
        CampaignResults all = rankCampaign(code);
        UnitResult result = all.items().stream()
                .filter(r -> r.unitCode().equals(unitCode))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ScoringError.UNIT_NOT_IN_CAMPAIGN, unitCode + " is not a member of campaign " + code));
        Campaign c = campaigns.campaign(code);
        if (c.resultsImported) {
            return new UnitDetail(result, List.of(), List.of());
        }
        CriteriaSet set = campaigns.criteriaSet(c);
        ResultCalculator.UnitScores unit = unitScores(c, unitCode).getFirst();
        List<CriteriaNode> leaves = ResultCalculator.leaves(set.nodes(), new ArrayList<>());
        Evaluation.Result fin = ResultCalculator.evaluate(context(c), leaves, unit);
        Evaluation.Result self = ResultCalculator.evaluateSelf(set, unit.unitType(), unit.leaves());
        Map<String, Evaluation.NodeResult> selfByCode = new HashMap<>();
        self.nodes().forEach(n -> selfByCode.put(n.code(), n));
        Map<String, CriteriaNode> byCode = new HashMap<>();
        leaves.forEach(l -> byCode.put(l.code(), l));
        Map<String, Evaluation.NodeResult> appraisedByCode = appraisedPoints(set, unit);
        List<CriterionDetail> criteria = new ArrayList<>();
        for (Evaluation.NodeResult n : fin.nodes()) {
            CriteriaNode leaf = byCode.get(n.code());
            if (leaf == null) {
                continue;
            }
            LeafScore s = unit.leaves().get(n.code());
            Evaluation.NodeResult sn = selfByCode.get(n.code());
            Evaluation.NodeResult an = appraisedByCode.get(n.code());
            BigDecimal lost =
                    n.applicable() && n.maxPoints() != null && n.maxPoints().signum() > 0
                            ? n.maxPoints().subtract(n.points())
                            : BigDecimal.ZERO;
            BigDecimal exact = n.numerator() != null ? Metric.percent(n.numerator(), n.denominator()) : n.value();
            criteria.add(new CriterionDetail(
                    n.code(),
                    leaf.nameVi(),
                    n.parentCode(),
                    n.maxPoints(),
                    n.applicable(),
                    s != null && s.hasSelf() && sn != null ? sn.points() : null,
                    an == null ? null : an.points(),
                    n.points(),
                    lost,
                    exact,
                    Metric.display(leaf.rule().metric(), exact),
                    n.numerator() == null ? null : n.numerator().stripTrailingZeros(),
                    n.denominator() == null ? null : n.denominator().stripTrailingZeros(),
                    n.basis()));
        }
        List<CriterionDetail> losses = criteria.stream()
                .filter(d -> d.pointsLost().signum() > 0)
                .sorted(Comparator.comparing(CriterionDetail::pointsLost)
                        .reversed()
                        .thenComparing(CriterionDetail::code))
                .toList();
        return new UnitDetail(result, criteria, losses);
    }

    /** The points each leaf's last appraisal round gives, by leaf code. */
    private static Map<String, Evaluation.NodeResult> appraisedPoints(CriteriaSet set, ResultCalculator.UnitScores u) {
        Map<String, Evaluation.LeafInput> inputs = new HashMap<>();
        u.leaves().forEach((k, v) -> {
            LeafScore.Given a = v.appraised();
            if (a != null) {
                inputs.put(k, a.input());
            }
        });
        Map<String, Evaluation.NodeResult> byCode = new HashMap<>();
        if (!inputs.isEmpty()) {
            vn.parindex.criteria.rules.Evaluator.evaluate(set, new Evaluation.Input(u.unitType(), Map.of(), inputs))
                    .nodes()
                    .stream()
                    .filter(n -> inputs.containsKey(n.code()))
                    .forEach(n -> byCode.put(n.code(), n));
        }
        return byCode;
    }

    /**
     * Every member evaluated and ranked. A unit whose own scores did not change since the last computation (its
     * revision) keeps its evaluation; only the others' scores are read and evaluated again. So a read after one
     * score change evaluates one unit, then ranks and compares them all.
     */
    private List<UnitResult> computed(Campaign c) {
        List<CampaignService.Member> members = campaigns.members(c.code);
        Map<String, UnitEvaluation> known = evaluations.getOrDefault(c.code, Map.of());
        List<String> stale = members.stream()
                .filter(m -> {
                    UnitEvaluation e = known.get(m.unitCode());
                    return e == null || e.revision() != m.revision();
                })
                .map(CampaignService.Member::unitCode)
                .toList();
        List<String> toRead = stale.size() * 2 > members.size() ? null : stale; // many: one scan of the campaign
        Map<String, Map<String, LeafScore>> stored = stale.isEmpty() ? Map.of() : scores.leafScores(c.code, toRead);
        ResultCalculator.Context context = context(c);
        ResultCalculator.Prepared prepared =
                this.prepared.computeIfAbsent(c.code, k -> ResultCalculator.Prepared.of(context.criteriaSet()));
        Map<String, UnitEvaluation> now = new HashMap<>(members.size() * 2);
        List<ResultCalculator.Evaluated> evaluated = new ArrayList<>(members.size());
        Map<String, UnitResult.Exclusion> excluded = new HashMap<>();
        for (CampaignService.Member m : members) {
            UnitEvaluation e = known.get(m.unitCode());
            if (e == null || e.revision() != m.revision()) {
                e = new UnitEvaluation(
                        m.revision(),
                        ResultCalculator.evaluateUnit(
                                context,
                                prepared,
                                new ResultCalculator.UnitScores(
                                        m.unitCode(),
                                        m.unitName(),
                                        m.unitType(),
                                        stored.getOrDefault(m.unitCode(), Map.of()),
                                        m.excluded())));
            }
            now.put(m.unitCode(), e);
            evaluated.add(e.evaluated());
            if (m.excluded() != null) {
                excluded.put(m.unitCode(), m.excluded());
            }
        }
        if (!io.quarkus.narayana.jta.QuarkusTransaction.isActive()) {
            // Revisions read inside a transaction may be rolled back and reused: keep only committed ones.
            evaluations.put(c.code, now);
        }
        return ResultCalculator.rank(context, evaluated, excluded);
    }

    private List<UnitResult> importedItems(Campaign c) {
        return published
                .latestDocument(c.code)
                .map(doc ->
                        doc.items().stream().map(RankingDocument.Item::asResult).toList())
                .orElse(List.of());
    }

    private ResultCalculator.Context context(Campaign c) {
        return new ResultCalculator.Context(
                campaigns.criteriaSet(c),
                c.appraisalRequired,
                previousResults(c),
                campaigns.oldCodesByNew(c),
                c.comparisonRule);
    }

    private List<ResultCalculator.UnitScores> unitScores(Campaign c, String onlyUnit) {
        Map<String, Map<String, LeafScore>> stored = scores.leafScores(c.code, onlyUnit);
        return campaigns.members(c.code).stream()
                .filter(m -> onlyUnit == null || m.unitCode().equals(onlyUnit))
                .map(m -> new ResultCalculator.UnitScores(
                        m.unitCode(),
                        m.unitName(),
                        m.unitType(),
                        stored.getOrDefault(m.unitCode(), Map.of()),
                        m.excluded()))
                .toList();
    }

    /** The previous campaign's results: its latest published ranking (or imported table), else its live results. */
    private Map<String, YearOverYear.Previous> previousResults(Campaign c) {
        Map<String, YearOverYear.Previous> previous = new HashMap<>();
        if (c.previousCampaignCode == null) {
            return previous;
        }
        Optional<RankingDocument> doc = published.latestDocument(c.previousCampaignCode);
        if (doc.isPresent()) {
            doc.get()
                    .items()
                    .forEach(i -> previous.put(
                            i.unitCode(),
                            new YearOverYear.Previous(
                                    i.totalPoints(),
                                    i.comparableIndex(),
                                    i.rank(),
                                    i.rankOutOf(),
                                    doc.get().imported() || i.imported())));
            return previous;
        }
        rankCampaign(c.previousCampaignCode)
                .items()
                .forEach(r -> previous.put(
                        r.unitCode(),
                        new YearOverYear.Previous(
                                r.totalPoints(), r.indexPercentExact(), r.rank(), r.rankOutOf(), r.imported())));
        return previous;
    }
}
