package vn.parindex.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.parindex.common.api.StrictJson;
import vn.parindex.scoring.api.PublicationDto;
import vn.parindex.scoring.domain.RankingDocument;

/**
 * Published ranking versions. A version is never updated: documents are cached in memory by (campaign,
 * version); only "which version is the latest" is asked of the database on each read.
 */
@ApplicationScoped
public class PublishedRankings {

    /** One stored version. */
    public record Version(
            String campaignCode,
            int version,
            String decisionNumber,
            LocalDate decisionDate,
            String reason,
            OffsetDateTime publishedAt,
            String publishedBy,
            String document,
            String etag,
            boolean imported,
            String sourceUrl,
            String stage) {}

    private final AgroalDataSource dataSource;
    private final Map<String, Version> documents = new ConcurrentHashMap<>();

    private final Map<String, RankingDocument> parsed = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public PublishedRankings(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The latest published (or imported) ranking of a campaign, parsed; empty when never published. */
    public Optional<RankingDocument> latestDocument(String campaignCode) {
        return latest(campaignCode).map(this::document);
    }

    /** A version's document, parsed once. */
    public RankingDocument document(Version v) {
        return parsed.computeIfAbsent(v.campaignCode() + "/" + v.version(), k -> {
            try {
                return StrictJson.stored(json).forType(RankingDocument.class).readValue(v.document());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable ranking " + k, e);
            }
        });
    }

    public void insert(Version v) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("INSERT INTO publication (campaign_code, version,"
                        + " decision_number, decision_date, reason, published_at, published_by, document, etag,"
                        + " imported, source_url, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, v.campaignCode());
            s.setInt(2, v.version());
            s.setString(3, v.decisionNumber());
            s.setDate(4, Date.valueOf(v.decisionDate()));
            s.setString(5, v.reason());
            s.setObject(6, v.publishedAt());
            s.setString(7, v.publishedBy());
            s.setString(8, v.document());
            s.setString(9, v.etag());
            s.setBoolean(10, v.imported());
            s.setString(11, v.sourceUrl());
            s.setString(12, v.stage());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the publication of " + v.campaignCode(), e);
        }
    }

    /** The latest version number, 0 when never published. */
    public int latestVersion(String campaignCode) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(
                        "SELECT coalesce(max(version), 0) FROM publication WHERE campaign_code = ?")) {
            s.setString(1, campaignCode);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the publications of " + campaignCode, e);
        }
    }

    /** The latest version of a stage (PRELIMINARY or FINAL), 0 when none. */
    public int latestVersion(String campaignCode, String stage) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT coalesce(max(version), 0) FROM publication"
                        + " WHERE campaign_code = ? AND stage = ?")) {
            s.setString(1, campaignCode);
            s.setString(2, stage);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the publications of " + campaignCode, e);
        }
    }

    public Optional<Version> latest(String campaignCode) {
        int v = latestVersion(campaignCode);
        return v == 0 ? Optional.empty() : version(campaignCode, v);
    }

    public Optional<Version> version(String campaignCode, int version) {
        String key = campaignCode + "/" + version;
        Version hit = documents.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        List<Version> found = query(campaignCode, version);
        found.forEach(v -> documents.put(key, v));
        return found.stream().findFirst();
    }

    /**
     * Every campaign with a published ranking and its latest version (one query), newest year first; optionally of
     * one year and/or one unit level.
     */
    public List<PublicationDto.PublishedCampaign> campaigns(Integer year, String unitLevel) {
        String sql = "SELECT c.code, c.name, c.year, c.unit_level, c.unit_group_code, c.status, l.version,"
                + " k.versions, l.published_at, k.first_published_at, l.decision_number, l.decision_date, l.imported"
                + " FROM campaign c"
                + " JOIN (SELECT DISTINCT ON (campaign_code) campaign_code, version, published_at, decision_number,"
                + " decision_date, imported FROM publication ORDER BY campaign_code, version DESC) l"
                + " ON l.campaign_code = c.code"
                + " JOIN (SELECT campaign_code, count(*) AS versions, min(published_at) AS first_published_at"
                + " FROM publication GROUP BY campaign_code) k ON k.campaign_code = c.code"
                + " WHERE (CAST(? AS integer) IS NULL OR c.year = ?)"
                + " AND (CAST(? AS varchar) IS NULL OR c.unit_level = ?)"
                + " ORDER BY c.year DESC, c.code";
        List<PublicationDto.PublishedCampaign> out = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(sql)) {
            s.setObject(1, year, java.sql.Types.INTEGER);
            s.setObject(2, year, java.sql.Types.INTEGER);
            s.setString(3, unitLevel);
            s.setString(4, unitLevel);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new PublicationDto.PublishedCampaign(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getInt(7),
                            rs.getInt(8),
                            rs.getObject(9, OffsetDateTime.class),
                            rs.getObject(10, OffsetDateTime.class),
                            rs.getString(11),
                            rs.getObject(12, LocalDate.class),
                            rs.getBoolean(13)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the published campaigns", e);
        }
        return out;
    }

    /** Every version, without documents. */
    public List<Version> versions(String campaignCode) {
        return query(campaignCode, null).stream()
                .map(v -> new Version(
                        v.campaignCode(),
                        v.version(),
                        v.decisionNumber(),
                        v.decisionDate(),
                        v.reason(),
                        v.publishedAt(),
                        v.publishedBy(),
                        null,
                        v.etag(),
                        v.imported(),
                        v.sourceUrl(),
                        v.stage()))
                .toList();
    }

    private List<Version> query(String campaignCode, Integer version) {
        List<Version> out = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT campaign_code, version, decision_number,"
                        + " decision_date, reason, published_at, published_by, "
                        + (version == null ? "NULL" : "document")
                        + ", etag, imported, source_url, stage FROM publication WHERE campaign_code = ?"
                        + (version == null ? "" : " AND version = ?") + " ORDER BY version")) {
            s.setString(1, campaignCode);
            if (version != null) {
                s.setInt(2, version);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getObject(4, LocalDate.class),
                            rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getBoolean(10),
                            rs.getString(11),
                            rs.getString(12)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the publications of " + campaignCode, e);
        }
        return out;
    }
}
