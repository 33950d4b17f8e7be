package vn.parindex.scoring.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.parindex.common.api.ApiException;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.CampaignDto;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.store.Campaign;

/**
 * Who takes part in a campaign besides its units: exclusions of units from the ranking (with a reason, before
 * publication) and the appraisal council an administrator assigns. Every change is recorded with its actor.
 */
@ApplicationScoped
public class CampaignMembers {

    private final CampaignService campaigns;
    private final AgroalDataSource dataSource;

    public CampaignMembers(CampaignService campaigns, AgroalDataSource dataSource) {
        this.campaigns = campaigns;
        this.dataSource = dataSource;
    }

    /** Leaves a unit out of the ranking ({@code reason}) or takes it back ({@code reason == null}). */
    @Transactional
    public CampaignService.Member exclude(String code, String unitCode, String reason, String actor) {
        Campaign c = campaigns.campaignForUpdate(code);
        if (c.status == CampaignStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.CAMPAIGN_PUBLISHED, "Campaign " + code + " is published; publish a correction");
        }
        if (c.status == CampaignStatus.PRELIMINARY) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "Campaign " + code + " has a preliminary ranking; units change only through contests");
        }
        campaigns.requireMember(code, unitCode);
        update(
                "UPDATE campaign_unit SET excluded_reason = ?, excluded_by = ?, excluded_at = "
                        + (reason == null ? "NULL" : "now()") + " WHERE campaign_code = ? AND unit_code = ?",
                reason,
                reason == null ? null : actor,
                code,
                unitCode);
        update(
                "INSERT INTO score_history (campaign_code, unit_code, action, reason, actor) VALUES (?, ?, ?, ?, ?)",
                code,
                unitCode,
                reason == null ? "INCLUDE" : "EXCLUDE",
                reason,
                actor);
        update("UPDATE campaign SET revision = revision + 1, updated_at = now() WHERE code = ?", code);
        return campaigns.requireMember(code, unitCode);
    }

    /** Replaces the campaign's appraisal council. */
    @Transactional
    public List<CampaignDto.CouncilMember> assignCouncil(String code, List<String> appraisers, String actor) {
        campaigns.campaignForUpdate(code);
        Set<String> names = new LinkedHashSet<>();
        appraisers.forEach(a -> names.add(a.strip()));
        update("DELETE FROM campaign_appraiser WHERE campaign_code = ?", code);
        try (Connection con = dataSource.getConnection();
                PreparedStatement s =
                        con.prepareStatement("INSERT INTO campaign_appraiser (campaign_code, appraiser, assigned_by)"
                                + " SELECT ?, a, ? FROM unnest(?::varchar[]) AS a")) {
            s.setString(1, code);
            s.setString(2, actor);
            s.setArray(3, con.createArrayOf("varchar", names.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the council of " + code, e);
        }
        update(
                "INSERT INTO score_history (campaign_code, unit_code, action, reason, actor) VALUES (?, '', ?, ?, ?)",
                code,
                "COUNCIL",
                String.join(", ", names),
                actor);
        return council(code);
    }

    public List<CampaignDto.CouncilMember> council(String code) {
        List<CampaignDto.CouncilMember> out = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT appraiser, assigned_by, assigned_at FROM"
                        + " campaign_appraiser WHERE campaign_code = ? ORDER BY appraiser")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new CampaignDto.CouncilMember(
                            rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the council of " + code, e);
        }
        return out;
    }

    /** Whether one of {@code names} (user name, subject) sits on the campaign's council. */
    public boolean onCouncil(String code, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT 1 FROM campaign_appraiser WHERE campaign_code = ?"
                        + " AND appraiser = ANY (?::varchar[])")) {
            s.setString(1, code);
            s.setArray(2, con.createArrayOf("varchar", names.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the council of " + code, e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update campaign data", e);
        }
    }
}
