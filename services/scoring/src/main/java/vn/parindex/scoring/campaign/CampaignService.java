package vn.parindex.scoring.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.SetStatus;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.client.CatalogueClient;
import vn.parindex.scoring.client.RegistryClient;
import vn.parindex.scoring.domain.ComparisonRule;

/**
 * Campaign use cases: create one from a published criteria set and a peer group (both snapshotted), read it, and
 * move it through its stages. Everything fetched from other services is fetched before anything is stored.
 */
@ApplicationScoped
public class CampaignService {

    /** A campaign member. */
    public record Member(String unitCode, String unitName, String unitType, String selfStatus) {}

    private final CatalogueClient catalogue;
    private final RegistryClient registry;
    private final ObjectMapper json;
    private final AgroalDataSource dataSource;
    private final Map<String, CriteriaSet> snapshots = new ConcurrentHashMap<>();

    public CampaignService(
            CatalogueClient catalogue, RegistryClient registry, ObjectMapper json, AgroalDataSource dataSource) {
        this.catalogue = catalogue;
        this.registry = registry;
        this.json = json;
        this.dataSource = dataSource;
    }

    @Transactional
    public Campaign createCampaign(CampaignDto.Create request, String actor) {
        if (Campaign.findById(request.code()) != null) {
            throw new ApiException(ScoringError.CAMPAIGN_EXISTS, "Campaign " + request.code() + " exists");
        }
        Campaign previous = null;
        if (request.previousCampaignCode() != null) {
            previous = Campaign.findById(request.previousCampaignCode());
            if (previous == null) {
                throw new ApiException(
                        vn.parindex.common.api.CommonError.VALIDATION_FAILED,
                        "No previous campaign " + request.previousCampaignCode(),
                        List.of(FieldError.of(
                                "previousCampaignCode", "no such campaign", request.previousCampaignCode())));
            }
        }
        CatalogueClient.SetDocument doc = catalogue
                .criteriaSet(request.criteriaSetCode())
                .orElseThrow(() -> new ApiException(
                        ScoringError.CRITERIA_SET_NOT_FOUND,
                        "The criteria catalogue has no set " + request.criteriaSetCode(),
                        List.of(FieldError.of("criteriaSetCode", "no such criteria set", request.criteriaSetCode()))));
        CriteriaSet set = parse(doc.json());
        if (set.status() != SetStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.CRITERIA_SET_NOT_PUBLISHED,
                    "Criteria set " + set.code() + " is " + set.status() + "; publish it first",
                    List.of(FieldError.of("criteriaSetCode", "is not published", request.criteriaSetCode())));
        }
        RegistryClient.Group group = registry.group(request.unitGroupCode())
                .orElseThrow(() -> new ApiException(
                        ScoringError.GROUP_NOT_FOUND,
                        "The unit registry has no group " + request.unitGroupCode(),
                        List.of(FieldError.of("unitGroupCode", "no such peer group", request.unitGroupCode()))));
        ComparisonRule rule = request.comparisonRule() == null ? ComparisonRule.NONE : request.comparisonRule();
        String lineage = null;
        if (previous != null && rule == ComparisonRule.MEAN_OF_PREDECESSORS) {
            List<RegistryClient.Link> links = registry.changes(
                    LocalDate.of(Math.min(previous.year, request.year()), 1, 1),
                    LocalDate.of(Math.max(previous.year, request.year()), 12, 31));
            lineage = write(
                    links.stream().map(l -> List.of(l.oldCode(), l.newCode())).toList());
        }

        Campaign c = new Campaign();
        c.code = request.code();
        c.name = request.name() == null ? group.name() + " " + request.year() : request.name();
        c.year = request.year();
        c.criteriaSetCode = set.code();
        c.criteriaSetEtag = doc.etag();
        c.criteriaSnapshot = doc.json();
        c.unitGroupCode = group.code();
        c.previousCampaignCode = request.previousCampaignCode();
        c.comparisonRule = rule;
        c.lineageSnapshot = lineage;
        c.appraisalRequired = request.appraisalRequired() == null || request.appraisalRequired();
        c.selfAssessmentDeadline = request.selfAssessmentDeadline();
        c.status = CampaignStatus.OPEN;
        c.createdAt = OffsetDateTime.now();
        c.updatedAt = c.createdAt;
        c.createdBy = actor;
        c.persist();
        Campaign.getEntityManager().flush();
        insertMembers(c.code, group.members());
        return c;
    }

    public Campaign campaign(String code) {
        Campaign c = Campaign.findById(code);
        if (c == null) {
            throw new ApiException(ScoringError.CAMPAIGN_NOT_FOUND, "No campaign " + code);
        }
        return c;
    }

    /** The campaign, its row locked until the transaction ends: stage changes and score writes serialise. */
    public Campaign campaignForUpdate(String code) {
        Campaign c = Campaign.findById(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new ApiException(ScoringError.CAMPAIGN_NOT_FOUND, "No campaign " + code);
        }
        return c;
    }

    public List<Campaign> campaigns(Integer year) {
        return year == null
                ? Campaign.list("order by year desc, code")
                : Campaign.list("year = ?1 order by code", year);
    }

    /** The campaign's criteria set as snapshotted (parsed once per campaign). */
    public CriteriaSet criteriaSet(Campaign c) {
        return snapshots.computeIfAbsent(c.code, k -> parse(c.criteriaSnapshot));
    }

    /** One-step lineage of the campaign's snapshot: a new code → the codes it came from. */
    public Map<String, List<String>> oldCodesByNew(Campaign c) {
        Map<String, List<String>> map = new HashMap<>();
        if (c.lineageSnapshot == null) {
            return map;
        }
        try {
            List<List<String>> links = json.readValue(c.lineageSnapshot, new TypeReference<>() {});
            for (List<String> l : links) {
                // Self links (15 → 15) are kept: they say the unit is its own predecessor in a merger.
                map.computeIfAbsent(l.get(1), k -> new ArrayList<>()).add(l.get(0));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable lineage snapshot of " + c.code, e);
        }
        return map;
    }

    public List<Member> members(String campaignCode) {
        return queryMembers(campaignCode, null);
    }

    /** One member, read by its key (every score write asks; a campaign may have thousands of members). */
    public Optional<Member> member(String campaignCode, String unitCode) {
        return queryMembers(campaignCode, unitCode).stream().findFirst();
    }

    public int memberCount(String campaignCode) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s =
                        con.prepareStatement("SELECT count(*) FROM campaign_unit WHERE campaign_code = ?")) {
            s.setString(1, campaignCode);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the members of " + campaignCode, e);
        }
    }

    private List<Member> queryMembers(String campaignCode, String unitCode) {
        List<Member> members = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT unit_code, unit_name, unit_type, self_status"
                        + " FROM campaign_unit WHERE campaign_code = ?"
                        + (unitCode == null ? "" : " AND unit_code = ?") + " ORDER BY position")) {
            s.setString(1, campaignCode);
            if (unitCode != null) {
                s.setString(2, unitCode);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the members of " + campaignCode, e);
        }
        return members;
    }

    /** Moves the campaign from {@code from} to {@code to}, or 409 {@code INVALID_TRANSITION}. */
    @Transactional
    public Campaign transition(String code, CampaignStatus from, CampaignStatus to) {
        Campaign c = campaignForUpdate(code);
        if (c.status == CampaignStatus.PUBLISHED) {
            throw new ApiException(ScoringError.CAMPAIGN_PUBLISHED, "Campaign " + code + " is published");
        }
        if (c.status != from) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "Campaign " + code + " is " + c.status + "; " + to + " needs " + from,
                    List.of(),
                    Map.of("status", c.status.name(), "requiredStatus", from.name()));
        }
        c.status = to;
        c.updatedAt = OffsetDateTime.now();
        return c;
    }

    /** Whether units may still change their self-assessment. */
    public static boolean selfAssessmentOpen(Campaign c) {
        return c.status == CampaignStatus.OPEN && OffsetDateTime.now().isBefore(c.selfAssessmentDeadline);
    }

    private void insertMembers(String campaignCode, List<RegistryClient.Member> members) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(
                        "INSERT INTO campaign_unit (campaign_code, unit_code, unit_name, unit_type, position)"
                                + " SELECT ?, u.code, u.name, u.type, u.ord"
                                + " FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) WITH ORDINALITY"
                                + " AS u(code, name, type, ord)")) {
            s.setString(1, campaignCode);
            s.setArray(
                    2,
                    con.createArrayOf(
                            "varchar",
                            members.stream().map(RegistryClient.Member::code).toArray()));
            s.setArray(
                    3,
                    con.createArrayOf(
                            "varchar",
                            members.stream().map(RegistryClient.Member::name).toArray()));
            s.setArray(
                    4,
                    con.createArrayOf(
                            "varchar",
                            members.stream().map(RegistryClient.Member::type).toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the members of " + campaignCode, e);
        }
    }

    private CriteriaSet parse(String document) {
        try {
            return json.readValue(document, CriteriaSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable criteria set document", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
