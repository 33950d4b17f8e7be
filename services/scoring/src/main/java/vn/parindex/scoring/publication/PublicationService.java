package vn.parindex.scoring.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import vn.parindex.common.api.ApiException;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.assessment.AssessmentService;
import vn.parindex.scoring.campaign.Campaign;
import vn.parindex.scoring.campaign.CampaignService;
import vn.parindex.scoring.campaign.CampaignStatus;
import vn.parindex.scoring.result.RankingDocument;
import vn.parindex.scoring.result.ResultsService;

/**
 * Publication by decision: the approved results become version 1 of an immutable ranking and the campaign is
 * closed to edits. A correction changes final points with a reason and publishes the next version; earlier
 * versions stay readable.
 */
@ApplicationScoped
public class PublicationService {

    private final CampaignService campaigns;
    private final ResultsService results;
    private final AssessmentService assessments;
    private final PublicationStore store;
    private final ObjectMapper json;

    public PublicationService(
            CampaignService campaigns,
            ResultsService results,
            AssessmentService assessments,
            PublicationStore store,
            ObjectMapper json) {
        this.campaigns = campaigns;
        this.results = results;
        this.assessments = assessments;
        this.store = store;
        this.json = json;
    }

    @Transactional
    public PublicationStore.Version publishRanking(String code, PublicationDto.Publish request, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        if (c.status == CampaignStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.CAMPAIGN_PUBLISHED, "Campaign " + code + " is published; publish a correction");
        }
        if (c.status != CampaignStatus.APPROVED) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "Only approved results can be published; " + code + " is " + c.status);
        }
        PublicationStore.Version v = store(c, 1, request.decisionNumber(), request.decisionDate(), null, actor);
        c.status = CampaignStatus.PUBLISHED;
        c.updatedAt = OffsetDateTime.now();
        return v;
    }

    @Transactional
    public PublicationStore.Version publishCorrection(String code, PublicationDto.Correction request, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        if (c.status != CampaignStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "Only a published campaign takes corrections; " + code + " is " + c.status);
        }
        assessments.correct(code, request.scores(), actor);
        return store(
                c,
                store.latestVersion(code) + 1,
                request.decisionNumber(),
                request.decisionDate(),
                request.reason(),
                actor);
    }

    private PublicationStore.Version store(
            Campaign c, int version, String decisionNumber, LocalDate decisionDate, String reason, String actor) {
        ResultsService.CampaignResults r = results.rankCampaign(c.code);
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        RankingDocument doc = new RankingDocument(
                c.code,
                c.name,
                c.year,
                c.criteriaSetCode,
                c.unitGroupCode,
                version,
                decisionNumber,
                decisionDate,
                reason,
                now,
                actor,
                r.items().stream().map(RankingDocument.Item::of).toList());
        String document;
        try {
            document = json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        PublicationStore.Version v = new PublicationStore.Version(
                c.code,
                version,
                decisionNumber,
                decisionDate,
                reason,
                now,
                actor,
                document,
                "\"" + c.code + "-v" + version + "\"");
        store.insert(v);
        return v;
    }
}
