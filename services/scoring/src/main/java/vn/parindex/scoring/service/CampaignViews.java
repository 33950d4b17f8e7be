package vn.parindex.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.parindex.scoring.api.CampaignDto;
import vn.parindex.scoring.store.Campaign;

/** Campaigns and members as the API shows them. */
@ApplicationScoped
public class CampaignViews {

    private final CampaignService campaigns;

    public CampaignViews(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    public static CampaignDto.Member member(CampaignService.Member m) {
        return new CampaignDto.Member(
                m.unitCode(), m.unitName(), m.unitType(), m.unitLevel(), m.selfStatus(), m.excluded());
    }

    /** The campaign as clients see it; one campaign's view lists its members. */
    public CampaignDto.Response of(Campaign c, boolean withMembers) {
        // Listings and stage changes need the count only; one campaign's view lists its members.
        List<CampaignService.Member> list = withMembers ? campaigns.members(c.code) : null;
        return new CampaignDto.Response(
                c.code,
                c.name,
                c.year,
                c.criteriaSetCode,
                c.criteriaSetEtag,
                c.unitGroupCode,
                c.unitGroupAsOf,
                c.unitGroupVersion,
                c.unitLevel,
                c.previousCampaignCode,
                c.comparisonRule,
                c.appraisalRequired,
                c.selfAssessmentDeadline,
                c.status,
                CampaignService.selfAssessmentOpen(c),
                c.resultsImported,
                c.contestDeadline,
                withMembers ? list.size() : campaigns.memberCount(c.code),
                withMembers ? list.stream().map(CampaignViews::member).toList() : null,
                c.createdAt,
                c.createdBy);
    }
}
