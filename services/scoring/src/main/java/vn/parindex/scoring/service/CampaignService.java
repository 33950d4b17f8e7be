package vn.parindex.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.StrictJson;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.SetStatus;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.CampaignDto;
import vn.parindex.scoring.client.CatalogueClient;
import vn.parindex.scoring.client.RegistryClient;
import vn.parindex.scoring.domain.CampaignFit;
import vn.parindex.scoring.domain.CampaignStatus;
import vn.parindex.scoring.domain.ComparisonRule;
import vn.parindex.scoring.domain.UnitResult;
import vn.parindex.scoring.store.Campaign;

/**
 * Campaign use cases: create one from a published criteria set and a peer group (both snapshotted, with the
 * group's lineage since the previous campaign), read it, and move it through its stages. Everything fetched from
 * other services is fetched before the one transaction that stores the campaign, so a dependency that fails
 * leaves nothing behind, and the same request sent again (a retry after a timeout) answers the stored campaign.
 */
@ApplicationScoped
public class CampaignService {

    /**
     * A campaign member, with its exclusion from the ranking if an administrator made one, and the revision of its
     * own scores.
     */
    public record Member(
            String unitCode,
            String unitName,
            String unitType,
            String unitLevel,
            String selfStatus,
            UnitResult.Exclusion excluded,
            long revision) {}

    /** A campaign and whether this request created it (false: an identical earlier request did). */
    public record Created(Campaign campaign, boolean created) {}

    private final CatalogueClient catalogue;
    private final RegistryClient registry;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final AgroalDataSource dataSource;
    private final Map<String, CriteriaSet> snapshots = new ConcurrentHashMap<>();

    public CampaignService(
            CatalogueClient catalogue, RegistryClient registry, ObjectMapper json, AgroalDataSource dataSource) {
        this.catalogue = catalogue;
        this.registry = registry;
        this.json = json;
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.dataSource = dataSource;
    }

    /**
     * Creates a campaign: fetches the set, the group and (for MEAN_OF_PREDECESSORS) the lineage of exactly the
     * group's members, checks they fit together, then stores everything in one transaction.
     */
    public Created createCampaign(CampaignDto.Create request, String actor) {
        String fingerprint = fingerprint(request);
        Optional<Campaign> existing = find(request.code());
        if (existing.isPresent()) {
            return sameRequest(existing.get(), fingerprint);
        }
        Campaign previous = request.previousCampaignCode() == null ? null : previous(request);
        CatalogueClient.SetDocument doc = catalogue
                .criteriaSet(request.criteriaSetCode())
                .orElseThrow(() -> new ApiException(
                        ScoringError.UNKNOWN_CRITERIA_SET,
                        "The criteria catalogue has no set " + request.criteriaSetCode(),
                        List.of(FieldError.of("criteriaSetCode", "no such criteria set", request.criteriaSetCode()))));
        CriteriaSet set = parse(doc.json());
        if (set.status() != SetStatus.PUBLISHED) {
            throw new ApiException(
                    ScoringError.CRITERIA_SET_NOT_PUBLISHED,
                    "Criteria set " + set.code() + " is " + set.status() + "; publish it first",
                    List.of(FieldError.of("criteriaSetCode", "is not published", request.criteriaSetCode())));
        }
        // The version in force in the campaign's year; a year before the group's first version falls back to the
        // group as it stands, so the year check below names the mismatch.
        RegistryClient.Group group = registry.group(request.unitGroupCode(), request.year())
                .or(() -> registry.group(request.unitGroupCode()))
                .orElseThrow(() -> new ApiException(
                        ScoringError.UNKNOWN_GROUP,
                        "The unit registry has no group " + request.unitGroupCode(),
                        List.of(FieldError.of("unitGroupCode", "no such peer group", request.unitGroupCode()))));
        String level = CampaignFit.check(new CampaignFit.Facts(
                request.year(),
                set.code(),
                set.year(),
                set.targetLevel(),
                group.code(),
                group.year(),
                group.members().stream().map(RegistryClient.Member::level).toList(),
                request.previousCampaignCode(),
                previous == null ? null : previous.year));
        ComparisonRule rule = request.comparisonRule() == null ? ComparisonRule.NONE : request.comparisonRule();
        LocalDate asOf = group.asOf() != null ? group.asOf() : LocalDate.of(group.year(), 12, 31);
        String lineage = null;
        if (previous != null && rule == ComparisonRule.MEAN_OF_PREDECESSORS) {
            LocalDate from =
                    previous.unitGroupAsOf != null ? previous.unitGroupAsOf : LocalDate.of(previous.year, 12, 31);
            List<List<String>> links = new ArrayList<>();
            if (from.isBefore(asOf)) {
                registry.predecessorsOn(
                                group.members().stream()
                                        .map(RegistryClient.Member::code)
                                        .toList(),
                                from,
                                asOf)
                        .forEach((now, old) -> old.forEach(o -> links.add(List.of(o, now))));
            }
            lineage = write(links);
        }

        Campaign c = new Campaign();
        c.code = request.code();
        c.name = request.name() == null ? group.name() + " " + request.year() : request.name();
        c.year = request.year();
        c.criteriaSetCode = set.code();
        c.criteriaSetEtag = doc.etag();
        c.criteriaSnapshot = doc.json();
        c.unitGroupCode = group.code();
        c.unitGroupAsOf = asOf;
        c.unitGroupVersion = group.version();
        c.unitLevel = level;
        c.previousCampaignCode = request.previousCampaignCode();
        c.comparisonRule = rule;
        c.lineageSnapshot = lineage;
        c.appraisalRequired = request.appraisalRequired() == null || request.appraisalRequired();
        c.selfAssessmentDeadline = request.selfAssessmentDeadline();
        c.status = CampaignStatus.OPEN;
        c.createdAt = OffsetDateTime.now();
        c.updatedAt = c.createdAt;
        c.createdBy = actor;
        c.requestFingerprint = fingerprint;
        Campaign stored;
        try {
            // Short: everything remote was fetched above. The code may have been taken while we fetched.
            stored = QuarkusTransaction.requiringNew().call(() -> {
                Campaign taken = Campaign.findById(c.code);
                if (taken != null) {
                    return taken;
                }
                c.persist();
                Campaign.getEntityManager().flush();
                insertMembers(c.code, group.members());
                return c;
            });
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // Another request stored the code between our check and our insert (a concurrent retry).
            return sameRequest(find(request.code()).orElseThrow(() -> e), fingerprint);
        }
        return stored == c ? new Created(c, true) : sameRequest(stored, fingerprint);
    }

    private Created sameRequest(Campaign existing, String fingerprint) {
        if (fingerprint.equals(existing.requestFingerprint)) {
            return new Created(existing, false);
        }
        throw new ApiException(
                ScoringError.CAMPAIGN_EXISTS,
                "Campaign " + existing.code + " exists, created by a different request",
                List.of(FieldError.of("code", "already used", existing.code)));
    }

    private Campaign previous(CampaignDto.Create request) {
        return find(request.previousCampaignCode())
                .orElseThrow(() -> new ApiException(
                        CommonError.VALIDATION_FAILED,
                        "No previous campaign " + request.previousCampaignCode(),
                        List.of(FieldError.of(
                                "previousCampaignCode", "no such campaign", request.previousCampaignCode()))));
    }

    private static Optional<Campaign> find(String code) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(Campaign.findById(code)));
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

    /** The campaign's lineage snapshot: a unit code → the codes of the previous campaign's date it came from. */
    public Map<String, List<String>> oldCodesByNew(Campaign c) {
        Map<String, List<String>> map = new HashMap<>();
        if (c.lineageSnapshot == null) {
            return map;
        }
        try {
            List<List<String>> links = StrictJson.stored(json)
                    .forType(new TypeReference<List<List<String>>>() {})
                    .readValue(c.lineageSnapshot);
            for (List<String> l : links) {
                if (l.get(0) == null || l.get(1) == null) {
                    continue; // snapshots of wave 1 held CREATE links without an old code
                }
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

    /** One member, or 404 {@code UNIT_NOT_IN_CAMPAIGN}. */
    public Member requireMember(String campaignCode, String unitCode) {
        return member(campaignCode, unitCode)
                .orElseThrow(() -> new ApiException(
                        ScoringError.UNIT_NOT_IN_CAMPAIGN, unitCode + " is not a member of campaign " + campaignCode));
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
                PreparedStatement s = con.prepareStatement(
                        "SELECT unit_code, unit_name, unit_type, unit_level, self_status, excluded_reason,"
                                + " excluded_by, excluded_at, revision FROM campaign_unit WHERE campaign_code = ?"
                                + (unitCode == null ? "" : " AND unit_code = ?") + " ORDER BY position")) {
            s.setString(1, campaignCode);
            if (unitCode != null) {
                s.setString(2, unitCode);
            }
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UnitResult.Exclusion excluded = rs.getString(6) == null
                            ? null
                            : new UnitResult.Exclusion(
                                    rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
                    members.add(new Member(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            excluded,
                            rs.getLong(9)));
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
        requireStatus(c, from, to);
        c.status = to;
        c.updatedAt = OffsetDateTime.now();
        return c;
    }

    /** 409 unless the campaign is in {@code from} (and not published). */
    public static void requireStatus(Campaign c, CampaignStatus from, CampaignStatus to) {
        if (c.status == CampaignStatus.PUBLISHED) {
            throw new ApiException(ScoringError.CAMPAIGN_PUBLISHED, "Campaign " + c.code + " is published");
        }
        if (c.status != from) {
            throw new ApiException(
                    ScoringError.INVALID_TRANSITION,
                    "Campaign " + c.code + " is " + c.status + "; " + to + " needs " + from,
                    List.of(),
                    Map.of("status", c.status.name(), "requiredStatus", from.name()));
        }
    }

    /** Whether units may still change their self-assessment. */
    public static boolean selfAssessmentOpen(Campaign c) {
        return c.status == CampaignStatus.OPEN && OffsetDateTime.now().isBefore(c.selfAssessmentDeadline);
    }

    private void insertMembers(String campaignCode, List<RegistryClient.Member> members) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(
                        "INSERT INTO campaign_unit (campaign_code, unit_code, unit_name, unit_type, unit_level,"
                                + " position) SELECT ?, u.code, u.name, u.type, u.level, u.ord"
                                + " FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])"
                                + " WITH ORDINALITY AS u(code, name, type, level, ord)")) {
            s.setString(1, campaignCode);
            s.setArray(2, con.createArrayOf("varchar", column(members, RegistryClient.Member::code)));
            s.setArray(3, con.createArrayOf("varchar", column(members, RegistryClient.Member::name)));
            s.setArray(4, con.createArrayOf("varchar", column(members, RegistryClient.Member::type)));
            s.setArray(5, con.createArrayOf("varchar", column(members, RegistryClient.Member::level)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the members of " + campaignCode, e);
        }
    }

    private static Object[] column(
            List<RegistryClient.Member> members, java.util.function.Function<RegistryClient.Member, String> get) {
        return members.stream().map(get).toArray();
    }

    private CriteriaSet parse(String document) {
        try {
            return StrictJson.stored(json).forType(CriteriaSet.class).readValue(document);
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

    /** SHA-256 of the request as canonical JSON (sorted keys): equal requests, equal fingerprints. */
    private String fingerprint(CampaignDto.Create request) {
        try {
            Map<String, Object> fields = canonical.convertValue(request, new TypeReference<>() {});
            fields.values().removeIf(java.util.Objects::isNull);
            byte[] bytes = canonical
                    .writeValueAsString(new java.util.TreeMap<>(fields))
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
