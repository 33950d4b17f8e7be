package vn.parindex.scoring.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.parindex.common.api.ApiException;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.assessment.AssessmentService;
import vn.parindex.scoring.assessment.ScoreStore;
import vn.parindex.scoring.campaign.Campaign;
import vn.parindex.scoring.campaign.CampaignService;
import vn.parindex.scoring.domain.LeafScore;
import vn.parindex.scoring.domain.ResultCalculator;
import vn.parindex.scoring.domain.UnitResult;
import vn.parindex.scoring.domain.YearOverYear;
import vn.parindex.scoring.publication.PublicationStore;

/**
 * Results of a campaign: every member's stored scores (one query) evaluated by the criteria rules, ranked and
 * compared with the previous campaign (its latest published ranking, or its live results if it was never
 * published). Cached per campaign revision, so a read after any score change recomputes.
 */
@ApplicationScoped
public class ResultsService {

    /** All results of a campaign at one revision. */
    public record CampaignResults(
            String campaignCode, String status, long revision, OffsetDateTime computedAt, List<UnitResult> items) {}

    /** A leaf of one unit: the score at each stage and the points lost against the applicable maximum. */
    public record CriterionDetail(
            String code,
            String name,
            String parentCode,
            BigDecimal maxPoints,
            boolean applicable,
            BigDecimal selfPoints,
            BigDecimal appraisedPoints,
            BigDecimal finalPoints,
            BigDecimal pointsLost,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String basis) {}

    /** One unit's result with its criteria, and its largest losses first ("what lost you points"). */
    public record UnitDetail(UnitResult result, List<CriterionDetail> criteria, List<CriterionDetail> largestLosses) {}

    private record Cached(String key, CampaignResults results) {}

    private final CampaignService campaigns;
    private final ScoreStore scores;
    private final PublicationStore publications;
    private final ObjectMapper json;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ResultsService(
            CampaignService campaigns, ScoreStore scores, PublicationStore publications, ObjectMapper json) {
        this.campaigns = campaigns;
        this.scores = scores;
        this.publications = publications;
        this.json = json;
    }

    public CampaignResults rankCampaign(String code) {
        Campaign c = campaigns.campaign(code);
        long revision = scores.revision(code);
        // Year-over-year values come from the previous campaign: its changes and corrections change the key too.
        String key = revision + "/" + c.status + "/"
                + (c.previousCampaignCode == null
                        ? ""
                        : scores.revision(c.previousCampaignCode) + ":"
                                + publications.latestVersion(c.previousCampaignCode));
        Cached hit = cache.get(code);
        if (hit != null && hit.key().equals(key)) {
            return hit.results();
        }
        ResultCalculator.Context context = context(c);
        List<ResultCalculator.UnitScores> units = unitScores(c, null);
        List<UnitResult> items = ResultCalculator.compute(context, units);
        CampaignResults results =
                new CampaignResults(code, c.status.name(), revision, OffsetDateTime.now(), List.copyOf(items));
        if (!io.quarkus.narayana.jta.QuarkusTransaction.isActive()) {
            // Results computed inside a transaction may see writes that are later rolled back: never cache them.
            cache.put(code, new Cached(key, results));
        }
        return results;
    }

    public UnitDetail unitDetail(String code, String unitCode) {
        CampaignResults all = rankCampaign(code);
        UnitResult result = all.items().stream()
                .filter(r -> r.unitCode().equals(unitCode))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ScoringError.UNIT_NOT_IN_CAMPAIGN, unitCode + " is not a member of campaign " + code));
        Campaign c = campaigns.campaign(code);
        CriteriaSet set = campaigns.criteriaSet(c);
        ResultCalculator.UnitScores unit = unitScores(c, unitCode).getFirst();
        List<CriteriaNode> leaves = ResultCalculator.leaves(set.nodes(), new ArrayList<>());
        Evaluation.Result fin = ResultCalculator.evaluate(context(c), leaves, unit);
        Evaluation.Result self = AssessmentService.selfEvaluation(set, unit.unitType(), unit.leaves());
        Map<String, Evaluation.NodeResult> selfByCode = new HashMap<>();
        self.nodes().forEach(n -> selfByCode.put(n.code(), n));
        Map<String, String> names = new HashMap<>();
        leaves.forEach(l -> names.put(l.code(), l.nameVi()));
        List<CriterionDetail> criteria = new ArrayList<>();
        for (Evaluation.NodeResult n : fin.nodes()) {
            if (!names.containsKey(n.code())) {
                continue;
            }
            LeafScore s = unit.leaves().get(n.code());
            Evaluation.NodeResult sn = selfByCode.get(n.code());
            BigDecimal lost =
                    n.applicable() && n.maxPoints() != null && n.maxPoints().signum() > 0
                            ? n.maxPoints().subtract(n.points())
                            : BigDecimal.ZERO;
            criteria.add(new CriterionDetail(
                    n.code(),
                    names.get(n.code()),
                    n.parentCode(),
                    n.maxPoints(),
                    n.applicable(),
                    s != null && s.hasSelf() && sn != null ? sn.points() : null,
                    s == null ? null : s.appraised(),
                    n.points(),
                    lost,
                    n.value(),
                    n.numerator(),
                    n.denominator(),
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
                        m.unitCode(), m.unitName(), m.unitType(), stored.getOrDefault(m.unitCode(), Map.of())))
                .toList();
    }

    /** The previous campaign's points and ranks: its latest published ranking, else its live results. */
    private Map<String, YearOverYear.Previous> previousResults(Campaign c) {
        Map<String, YearOverYear.Previous> previous = new HashMap<>();
        if (c.previousCampaignCode == null) {
            return previous;
        }
        var published = publications.latest(c.previousCampaignCode);
        if (published.isPresent()) {
            try {
                RankingDocument doc = json.readValue(published.get().document(), RankingDocument.class);
                doc.items()
                        .forEach(i -> previous.put(i.unitCode(), new YearOverYear.Previous(i.totalPoints(), i.rank())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable publication of " + c.previousCampaignCode, e);
            }
            return previous;
        }
        rankCampaign(c.previousCampaignCode)
                .items()
                .forEach(r -> previous.put(r.unitCode(), new YearOverYear.Previous(r.totalPoints(), r.rank())));
        return previous;
    }
}
