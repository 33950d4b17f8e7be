package vn.parindex.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.common.api.FieldError;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.Evaluation.LeafInput;
import vn.parindex.criteria.rules.ScoreSource;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.AssessmentDto;
import vn.parindex.scoring.client.DossierStatsClient;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.domain.ResultCalculator;
import vn.parindex.scoring.store.Campaign;
import vn.parindex.scoring.store.ScoreStore;
import vn.parindex.scoring.store.Stage;

/**
 * Scores that arrive in bulk: survey imports (good rows stored, bad rows reported by line) and the values of
 * dossier-fed criteria fetched from dossier statistics (all fetched before anything is stored).
 */
@ApplicationScoped
public class ScoreImportService {

    private final CampaignService campaigns;
    private final ScoreStore store;
    private final DossierStatsClient dossierStats;

    public ScoreImportService(CampaignService campaigns, ScoreStore store, DossierStatsClient dossierStats) {
        this.campaigns = campaigns;
        this.store = store;
        this.dossierStats = dossierStats;
    }

    /**
     * One row of a survey import: its line (in a CSV file, 1 = the header; in a JSON array, 1 = the first item), the
     * score read from it, or why it could not be read.
     */
    public record SurveyLine(int line, AssessmentDto.SurveyScore score, AssessmentDto.ImportError unreadable) {}

    /** Stores the good rows of a survey import and reports the bad ones by their line. */
    @Transactional
    public AssessmentDto.ImportReport importSurvey(String code, List<SurveyLine> rows, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        LeafChecks.requireNotPublished(c);
        if (c.status == CampaignStatus.APPROVED || c.status == CampaignStatus.PRELIMINARY) {
            throw new ApiException(ScoringError.INVALID_TRANSITION, "Campaign " + code + " is " + c.status);
        }
        CriteriaSet set = campaigns.criteriaSet(c);
        Map<String, CriteriaNode> leaves = LeafChecks.leaves(set);
        Map<String, CampaignService.Member> members = new HashMap<>();
        campaigns.members(code).forEach(m -> members.put(m.unitCode(), m));
        List<AssessmentDto.ImportError> rejected = new ArrayList<>();
        Map<String, ScoreStore.Write> writes = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).unreadable() != null) {
                rejected.add(rows.get(i).unreadable());
                continue;
            }
            AssessmentDto.SurveyScore r = rows.get(i).score();
            int line = rows.get(i).line();
            CampaignService.Member m = r.unitCode() == null ? null : members.get(r.unitCode());
            CriteriaNode leaf = r.criterionCode() == null ? null : leaves.get(r.criterionCode());
            String problem = null;
            String field = null;
            String value = null;
            if (m == null) {
                field = "unitCode";
                problem = "is not a member of the campaign";
                value = r.unitCode();
            } else if (leaf == null || leaf.scoreSource() != ScoreSource.SURVEY) {
                field = "criterionCode";
                problem = "is not a survey criterion of " + set.code();
                value = r.criterionCode();
            } else if (r.value() != null && leaf.rule().metric() == null) {
                field = "value";
                problem = "this survey criterion takes points, not a percentage";
                value = r.value().toPlainString();
            } else if ((r.points() == null) == (r.value() == null)) {
                field = "points";
                problem = "give either points or value (a percentage)";
            } else if (r.value() != null
                    && (r.value().signum() < 0 || r.value().compareTo(BigDecimal.valueOf(100)) > 0)) {
                field = "value";
                problem = "must be between 0 and 100";
                value = r.value().toPlainString();
            } else if (r.sampleSize() != null && r.sampleSize() < 1) {
                field = "sampleSize";
                problem = "must be at least 1 respondent";
                value = String.valueOf(r.sampleSize());
            } else if (r.standardErrorPercent() != null
                    && (r.standardErrorPercent().signum() < 0
                            || r.standardErrorPercent().compareTo(BigDecimal.valueOf(50)) > 0)) {
                field = "standardErrorPercent";
                problem = "must be between 0 and 50 percentage points";
                value = r.standardErrorPercent().toPlainString();
            } else {
                List<FieldError> errors = new ArrayList<>();
                LeafChecks.check(
                        set,
                        m.unitType(),
                        leaf,
                        new LeafInput(r.points(), null, r.value(), null, null, null),
                        "points",
                        errors,
                        new ErrorCode[1]);
                if (!errors.isEmpty()) {
                    field = "points";
                    problem = errors.getFirst().message();
                    value = r.points() == null ? null : r.points().toPlainString();
                }
            }
            if (problem != null) {
                rejected.add(new AssessmentDto.ImportError(line, field, problem, value));
                continue;
            }
            Map<String, Object> values = new HashMap<>();
            values.put("survey_points", r.points());
            values.put("survey_value", r.value());
            values.put("survey_sample_size", r.sampleSize());
            values.put("survey_standard_error", r.standardErrorPercent());
            writes.put(r.unitCode() + "/" + leaf.code(), new ScoreStore.Write(r.unitCode(), leaf.code(), values, null));
        }
        store.write(code, Stage.SURVEY, List.copyOf(writes.values()), actor);
        return new AssessmentDto.ImportReport(rows.size(), writes.size(), rejected.size(), rejected);
    }

    /**
     * Fetches every member's (or one unit's) dossier metrics for the campaign year — outside any transaction, the
     * calls may take a while — then stores the values of the dossier-fed criteria in one transaction. Any
     * unanswered fetch is a 503 before anything is stored. A metric without data (no dossiers) is stored as no
     * value with the fetch time, so an older value never lingers.
     */
    public AssessmentDto.AutoReport fetchAutoScores(String code, String unitCode, String actor) {
        Campaign c = campaigns.campaign(code);
        checkAutoAllowed(c);
        List<CampaignService.Member> targets =
                unitCode == null ? campaigns.members(code) : List.of(campaigns.requireMember(code, unitCode));
        List<CriteriaNode> auto = ResultCalculator.leaves(
                        campaigns.criteriaSet(c).nodes(), new ArrayList<>())
                .stream()
                .filter(l -> l.scoreSource() == ScoreSource.AUTO && l.rule().metric() != null)
                .toList();
        OffsetDateTime fetchedAt = OffsetDateTime.now();
        Map<String, Map<String, DossierStatsClient.MetricValue>> fetched = new LinkedHashMap<>();
        if (!auto.isEmpty()) {
            for (CampaignService.Member m : targets) {
                fetched.put(m.unitCode(), dossierStats.metrics(m.unitCode(), c.year));
            }
        }
        List<ScoreStore.Write> writes = new ArrayList<>();
        List<AssessmentDto.AutoScore> items = new ArrayList<>();
        fetched.forEach((unit, metrics) -> {
            for (CriteriaNode leaf : auto) {
                DossierStatsClient.MetricValue v = metrics.get(leaf.rule().metric());
                boolean data = v != null && v.value() != null;
                Map<String, Object> values = new HashMap<>();
                values.put("auto_value", data ? v.value() : null);
                values.put("auto_numerator", data ? BigDecimal.valueOf(v.numerator()) : null);
                values.put("auto_denominator", data ? BigDecimal.valueOf(v.denominator()) : null);
                values.put("auto_fetched_at", fetchedAt);
                writes.add(new ScoreStore.Write(unit, leaf.code(), values, data ? null : "no dossier data"));
                items.add(new AssessmentDto.AutoScore(
                        unit,
                        leaf.code(),
                        leaf.rule().metric(),
                        data ? v.value() : null,
                        data ? BigDecimal.valueOf(v.numerator()) : null,
                        data ? BigDecimal.valueOf(v.denominator()) : null));
            }
        });
        storeAuto(code, writes, actor);
        long stored = items.stream().filter(x -> x.value() != null).count();
        return new AssessmentDto.AutoReport(fetched.size(), (int) stored, fetchedAt, items);
    }

    @Transactional
    void storeAuto(String code, List<ScoreStore.Write> writes, String actor) {
        checkAutoAllowed(campaigns.campaignForUpdate(code));
        store.write(code, Stage.AUTO, writes, actor);
    }

    private static void checkAutoAllowed(Campaign c) {
        LeafChecks.requireNotPublished(c);
        if (c.status == CampaignStatus.APPROVED || c.status == CampaignStatus.PRELIMINARY) {
            throw new ApiException(ScoringError.INVALID_TRANSITION, "Campaign " + c.code + " is " + c.status);
        }
    }
}
