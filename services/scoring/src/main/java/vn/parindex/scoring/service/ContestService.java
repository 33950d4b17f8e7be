package vn.parindex.scoring.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.AssessmentDto;
import vn.parindex.scoring.api.ContestDto;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.store.Campaign;
import vn.parindex.scoring.store.ScoreStore;

/**
 * The contest window between a preliminary and the final ranking. A unit's officer contests one criterion of its
 * own unit while the campaign is PRELIMINARY and before its contest deadline; the appraisal council accepts (the
 * criterion's final points corrected, results recomputed) or rejects, with a reason; undecided contests lapse at
 * the deadline. Every step is in the unit's history with who, when, before and after.
 */
@ApplicationScoped
public class ContestService {

    /** Who lapses undecided contests: the deadline, not a person. */
    static final String DEADLINE_ACTOR = "contest-deadline";

    private static final String COLUMNS = "id, campaign_code, unit_code, criterion_code, reason, evidence, status,"
            + " points_before, points_after, decision_reason, filed_by, filed_at, decided_by, decided_at";

    private final CampaignService campaigns;
    private final ResultsService results;
    private final AssessmentService assessments;
    private final ScoreStore scores;
    private final AgroalDataSource dataSource;

    public ContestService(
            CampaignService campaigns,
            ResultsService results,
            AssessmentService assessments,
            ScoreStore scores,
            AgroalDataSource dataSource) {
        this.campaigns = campaigns;
        this.results = results;
        this.assessments = assessments;
        this.scores = scores;
        this.dataSource = dataSource;
    }

    /** Files a contest (the caller's right to act for the unit is checked before). */
    @Transactional
    public ContestDto.View file(String code, ContestDto.File request, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        requireWindowOpen(c);
        campaigns.requireMember(code, request.unitCode());
        Map<String, vn.parindex.criteria.rules.CriteriaNode> leaves = LeafChecks.leaves(campaigns.criteriaSet(c));
        if (!leaves.containsKey(request.criterionCode())) {
            throw new ApiException(
                    ScoringError.CRITERION_NOT_FOUND,
                    request.criterionCode() + " is not a criterion of " + c.criteriaSetCode,
                    List.of(FieldError.of("criterionCode", "is not a leaf criterion", request.criterionCode())));
        }
        BigDecimal before = finalPoints(code, request.unitCode(), request.criterionCode());
        long id;
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(
                        "INSERT INTO contest (campaign_code, unit_code, criterion_code, reason, evidence, status,"
                                + " points_before, filed_by) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, code);
            s.setString(2, request.unitCode());
            s.setString(3, request.criterionCode());
            s.setString(4, request.reason());
            s.setString(5, request.evidence());
            s.setBigDecimal(6, before);
            s.setString(7, actor);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the contest", e);
        }
        scores.event(
                code,
                request.unitCode(),
                request.criterionCode(),
                "CONTEST_FILED",
                null,
                values(before, request.reason()),
                "contest #" + id + (request.evidence() == null ? "" : "; evidence: " + request.evidence()),
                actor);
        return require(code, id);
    }

    /** The council's decision (the caller's right to decide is checked before). */
    @Transactional
    public ContestDto.View decide(String code, long id, ContestDto.Decision request, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        ContestDto.View contest = require(code, id);
        if (!contest.status().equals("OPEN")) {
            throw new ApiException(
                    ScoringError.CONTEST_DECIDED, "Contest #" + id + " is " + contest.status() + "; nothing changed");
        }
        if (c.contestDeadline != null && !OffsetDateTime.now().isBefore(c.contestDeadline)) {
            // It lapsed at the deadline (stored as LAPSED when the final ranking is published).
            throw new ApiException(
                    ScoringError.CONTEST_DECIDED,
                    "Contest #" + id + " lapsed: the contest deadline " + c.contestDeadline + " has passed");
        }
        if (c.status != CampaignStatus.PRELIMINARY) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION, "Campaign " + code + " is " + c.status + ", not PRELIMINARY");
        }
        BigDecimal after = contest.pointsBefore();
        if (request.outcome() == ContestDto.Outcome.ACCEPTED) {
            if (request.correctedPoints() == null) {
                throw ApiException.invalidParameter(
                        "correctedPoints", "is required when the contest is ACCEPTED", null);
            }
            // Checked against the criterion's maximum and step, recorded as a correction (before/after points).
            try {
                assessments.correct(
                        code,
                        List.of(new AssessmentDto.CorrectionScore(
                                contest.unitCode(),
                                new AssessmentDto.AppraisalScore(
                                        contest.criterionCode(),
                                        request.correctedPoints(),
                                        null,
                                        null,
                                        null,
                                        "contest #" + id + " accepted: " + request.reason()))),
                        actor);
            } catch (ApiException e) {
                // The correction's checks name its own body's fields: name the decision's.
                throw new ApiException(
                        e.errorCode(),
                        e.getMessage(),
                        e.errors().stream()
                                .map(f -> FieldError.of("correctedPoints", f.message(), f.rejectedValue()))
                                .toList(),
                        e.context());
            }
            after = request.correctedPoints();
        }
        update(
                "UPDATE contest SET status = ?, points_after = ?, decision_reason = ?, decided_by = ?,"
                        + " decided_at = now() WHERE id = ?",
                request.outcome().name(),
                request.outcome() == ContestDto.Outcome.ACCEPTED ? after : null,
                request.reason(),
                actor,
                id);
        scores.event(
                code,
                contest.unitCode(),
                contest.criterionCode(),
                "CONTEST_" + request.outcome().name(),
                values(contest.pointsBefore(), contest.reason()),
                values(after, request.reason()),
                "contest #" + id + ": " + request.reason(),
                actor);
        return require(code, id);
    }

    /**
     * Before the final publication of a PRELIMINARY campaign: 409 CONTESTS_OPEN (naming them) while a contest is
     * undecided and the deadline has not passed; after the deadline, undecided contests lapse.
     */
    public void closeWindow(Campaign c, String actor) {
        lapseIfDue(c);
        List<ContestDto.View> open =
                list(c.code).stream().filter(x -> x.status().equals("OPEN")).toList();
        if (!open.isEmpty()) {
            throw new ApiException(
                    ScoringError.CONTESTS_OPEN,
                    open.size() + " contest(s) of " + c.code + " are undecided and the contest deadline "
                            + c.contestDeadline + " has not passed",
                    open.stream()
                            .map(x -> FieldError.of(
                                    "contests." + x.id(),
                                    "undecided contest of " + x.unitCode() + " on " + x.criterionCode(),
                                    String.valueOf(x.id())))
                            .toList(),
                    Map.of("openContests", open.size(), "contestDeadline", String.valueOf(c.contestDeadline)));
        }
    }

    /** Contests of a campaign, oldest first. */
    public List<ContestDto.View> list(String code) {
        List<ContestDto.View> out = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(
                        "SELECT " + COLUMNS + " FROM contest WHERE campaign_code = ? ORDER BY id")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the contests of " + code, e);
        }
        return out;
    }

    public ContestDto.View require(String code, long id) {
        return list(code).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ScoringError.CONTEST_NOT_FOUND, "Campaign " + code + " has no contest #" + id));
    }

    /** The unit a contest is about (404 when there is no such contest). */
    public String unitOf(String code, long id) {
        return require(code, id).unitCode();
    }

    /** 409 CONTEST_WINDOW_CLOSED unless the campaign is PRELIMINARY and its deadline has not passed. */
    private static void requireWindowOpen(Campaign c) {
        if (c.status != CampaignStatus.PRELIMINARY) {
            throw new ApiException(
                    ScoringError.CONTEST_WINDOW_CLOSED,
                    "Campaign " + c.code + " is " + c.status + "; contests are taken on a preliminary ranking only",
                    List.of(),
                    Map.of("status", c.status.name()));
        }
        if (!OffsetDateTime.now().isBefore(c.contestDeadline)) {
            throw new ApiException(
                    ScoringError.CONTEST_WINDOW_CLOSED,
                    "The contest deadline of " + c.code + " passed at " + c.contestDeadline,
                    List.of(),
                    Map.of("contestDeadline", c.contestDeadline.toString()));
        }
    }

    /** Once the deadline has passed, every undecided contest of the campaign lapses (recorded in the history). */
    private void lapseIfDue(Campaign c) {
        if (c.contestDeadline == null || OffsetDateTime.now().isBefore(c.contestDeadline)) {
            return;
        }
        for (ContestDto.View x : list(c.code)) {
            if (!x.status().equals("OPEN")) {
                continue;
            }
            update(
                    "UPDATE contest SET status = 'LAPSED', decided_by = ?, decided_at = now() WHERE id = ?",
                    DEADLINE_ACTOR,
                    x.id());
            scores.event(
                    c.code,
                    x.unitCode(),
                    x.criterionCode(),
                    "CONTEST_LAPSED",
                    values(x.pointsBefore(), x.reason()),
                    values(x.pointsBefore(), "undecided at the contest deadline " + c.contestDeadline),
                    "contest #" + x.id() + " lapsed: undecided at the deadline",
                    DEADLINE_ACTOR);
        }
    }

    private BigDecimal finalPoints(String code, String unitCode, String criterionCode) {
        return results.unitDetail(code, unitCode).criteria().stream()
                .filter(d -> d.code().equals(criterionCode))
                .map(ResultsService.CriterionDetail::finalPoints)
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> values(BigDecimal points, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", points);
        m.put("reason", reason);
        return m;
    }

    private void update(String sql, Object... args) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the contests", e);
        }
    }

    private static ContestDto.View view(ResultSet rs) throws SQLException {
        return new ContestDto.View(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                strip(rs.getBigDecimal(8)),
                strip(rs.getBigDecimal(9)),
                rs.getString(10),
                rs.getString(11),
                rs.getObject(12, OffsetDateTime.class),
                rs.getString(13),
                rs.getObject(14, OffsetDateTime.class));
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }
}
