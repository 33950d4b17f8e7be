package vn.parindex.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.parindex.common.api.ApiException;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.PublicationDto;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.domain.RankingDocument;
import vn.parindex.scoring.domain.ResultCalculator;
import vn.parindex.scoring.domain.UnitResult;
import vn.parindex.scoring.store.Campaign;
import vn.parindex.scoring.store.ScoreStore;

/**
 * Approval and publication by decision: the approved results become version 1 of an immutable ranking and the
 * campaign is closed to edits; neither step accepts a unit with missing scores unless it is excluded. A correction
 * changes final scores with a reason and publishes the next version; earlier versions stay readable. A year known
 * only from its published table is imported as that table.
 */
@ApplicationScoped
public class PublicationService {

    /** Stages of a published version. */
    public static final String STAGE_PRELIMINARY = "PRELIMINARY";

    public static final String STAGE_FINAL = "FINAL";

    private final CampaignService campaigns;
    private final ResultsService results;
    private final AssessmentService assessments;
    private final PublishedRankings store;
    private final ScoreStore scores;
    private final ObjectMapper json;
    private final ContestService contests;

    public PublicationService(
            CampaignService campaigns,
            ResultsService results,
            AssessmentService assessments,
            PublishedRankings store,
            ScoreStore scores,
            ObjectMapper json,
            ContestService contests) {
        this.campaigns = campaigns;
        this.results = results;
        this.assessments = assessments;
        this.store = store;
        this.scores = scores;
        this.json = json;
        this.contests = contests;
    }

    /**
     * APPROVED → PRELIMINARY: publishes the approved results as a preliminary ranking (a version of stage
     * PRELIMINARY) that units may contest until {@code contestDeadline}; the final ranking follows.
     */
    @Transactional
    public PublishedRankings.Version publishPreliminary(String code, PublicationDto.Preliminary request, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        if (c.status == CampaignStatus.PUBLISHED) {
            throw new ApiException(ScoringError.CAMPAIGN_PUBLISHED, "Campaign " + code + " is published");
        }
        if (c.status != CampaignStatus.APPROVED) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "Only approved results can be published as preliminary; " + code + " is " + c.status);
        }
        if (!request.contestDeadline().isAfter(OffsetDateTime.now())) {
            throw ApiException.invalidParameter(
                    "contestDeadline",
                    "must be in the future",
                    request.contestDeadline().toString());
        }
        results.requireComplete(code);
        c.status = CampaignStatus.PRELIMINARY;
        c.contestDeadline = request.contestDeadline();
        c.updatedAt = OffsetDateTime.now();
        PublishedRankings.Version v = store(
                c,
                store.latestVersion(code) + 1,
                request.decisionNumber(),
                request.decisionDate(),
                null,
                actor,
                results.rankCampaign(c.code).items(),
                null,
                STAGE_PRELIMINARY);
        scores.event(
                code,
                "",
                "PUBLISH_PRELIMINARY",
                request.decisionNumber() + "; contests until " + request.contestDeadline(),
                actor);
        return v;
    }

    /** APPRAISAL → APPROVED, once every unit that is not excluded has all its scores. */
    @Transactional
    public Campaign approve(String code) {
        Campaign c = campaigns.campaignForUpdate(code);
        CampaignService.requireStatus(c, CampaignStatus.APPRAISAL, CampaignStatus.APPROVED);
        results.requireComplete(code);
        c.status = CampaignStatus.APPROVED;
        c.updatedAt = OffsetDateTime.now();
        return c;
    }

    @Transactional
    public PublishedRankings.Version publishRanking(String code, PublicationDto.Publish request, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        if (c.status == CampaignStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.CAMPAIGN_PUBLISHED, "Campaign " + code + " is published; publish a correction");
        }
        if (c.status != CampaignStatus.APPROVED && c.status != CampaignStatus.PRELIMINARY) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "Only approved results can be published; " + code + " is " + c.status);
        }
        if (c.status == CampaignStatus.PRELIMINARY) {
            // 409 CONTESTS_OPEN while a contest is undecided before the deadline; after it they lapse.
            contests.closeWindow(c, actor);
        }
        // Exclusions may have been lifted since approval.
        results.requireComplete(code);
        boolean afterPreliminary = c.status == CampaignStatus.PRELIMINARY;
        PublishedRankings.Version v = store(
                c,
                store.latestVersion(code) + 1,
                request.decisionNumber(),
                request.decisionDate(),
                null,
                actor,
                results.rankCampaign(c.code).items(),
                null,
                STAGE_FINAL);
        c.status = CampaignStatus.PUBLISHED;
        c.updatedAt = OffsetDateTime.now();
        if (afterPreliminary) {
            scores.event(code, "", "PUBLISH_FINAL", request.decisionNumber(), actor);
        }
        return v;
    }

    @Transactional
    public PublishedRankings.Version publishCorrection(String code, PublicationDto.Correction request, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        if (c.status != CampaignStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "Only a published campaign takes corrections; " + code + " is " + c.status);
        }
        if (c.resultsImported) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "The results of " + code + " were imported from a published table; import the corrected table");
        }
        assessments.correct(code, request.scores(), actor);
        return store(
                c,
                store.latestVersion(code) + 1,
                request.decisionNumber(),
                request.decisionDate(),
                request.reason(),
                actor,
                results.rankCampaign(c.code).items(),
                null,
                STAGE_FINAL);
    }

    /**
     * Stores a published table as the campaign's results: version 1 of its ranking, marked imported, the campaign
     * PUBLISHED. All lines are checked before anything is stored.
     */
    @Transactional
    public PublishedRankings.Version importPublished(
            String code, PublicationDto.PublishedResults request, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        if (c.status == CampaignStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.CAMPAIGN_PUBLISHED, "Campaign " + code + " is published; its results are final");
        }
        List<UnitResult> items = PublishedTable.results(
                campaigns.criteriaSet(c),
                campaigns.members(code).stream()
                        .map(m -> new PublishedTable.Member(m.unitCode(), m.unitName(), m.excluded()))
                        .toList(),
                request.results());
        PublishedRankings.Version v = store(
                c,
                1,
                request.decisionNumber(),
                request.decisionDate(),
                request.note(),
                actor,
                items,
                request.sourceUrl() == null ? "" : request.sourceUrl(),
                STAGE_FINAL);
        c.status = CampaignStatus.PUBLISHED;
        c.resultsImported = true;
        c.updatedAt = OffsetDateTime.now();
        scores.event(code, "", "IMPORT_PUBLISHED", request.decisionNumber() + " " + request.sourceUrl(), actor);
        return v;
    }

    /** {@code sourceUrl} non-null marks an imported table. */
    private PublishedRankings.Version store(
            Campaign c,
            int version,
            String decisionNumber,
            LocalDate decisionDate,
            String reason,
            String actor,
            List<UnitResult> items,
            String sourceUrl,
            String stage) {
        boolean imported = sourceUrl != null;
        String url = imported && !sourceUrl.isBlank() ? sourceUrl : null;
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        RankingDocument doc = new RankingDocument(
                c.code,
                c.name,
                c.year,
                c.criteriaSetCode,
                c.unitGroupCode,
                c.previousCampaignCode,
                c.comparisonRule.name(),
                version,
                decisionNumber,
                decisionDate,
                reason,
                now,
                actor,
                imported,
                url,
                ResultCalculator.subtotalNodes(campaigns.criteriaSet(c)),
                items.stream().map(RankingDocument.Item::of).toList(),
                stage,
                STAGE_PRELIMINARY.equals(stage) ? c.contestDeadline : null,
                null);
        String document;
        try {
            document = json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        PublishedRankings.Version v = new PublishedRankings.Version(
                c.code,
                version,
                decisionNumber,
                decisionDate,
                reason,
                now,
                actor,
                document,
                "\"" + c.code + "-v" + version + "\"",
                imported,
                url,
                stage);
        store.insert(v);
        return v;
    }
}
