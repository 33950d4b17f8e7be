package vn.parindex.scoring.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.parindex.scoring.domain.LeafScore;

/**
 * The {@code score} and {@code score_history} tables. A write of one stage upserts its columns for many
 * (unit, criterion) keys in one batch and records one history row per key with the stage's values before and
 * after. Callers run it inside their transaction.
 */
@ApplicationScoped
public class ScoreStore {

    /** One key's new values of a stage (column → value) and the reason given. */
    public record Write(String unitCode, String criterionCode, Map<String, Object> values, String reason) {}

    /** One history entry. */
    public record HistoryEntry(
            long id,
            OffsetDateTime at,
            String actor,
            String criterionCode,
            String action,
            String before,
            String after,
            String reason) {}

    private static final String LEAF_COLUMNS = "unit_code, criterion_code, self_points, self_level, self_numerator,"
            + " self_denominator, self_not_applicable, appraisal1_points, appraisal2_points, survey_points,"
            + " survey_value, auto_value, auto_numerator, auto_denominator";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ScoreStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Upserts a stage's values and records history; bumps the campaign's revision. */
    public void write(String campaignCode, Stage stage, List<Write> writes, String actor) {
        if (writes.isEmpty()) {
            return;
        }
        String cols = String.join(", ", stage.columns);
        String marks = stage.columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        String updates = stage.columns.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        try (Connection con = dataSource.getConnection()) {
            Map<String, Map<String, Object>> before = current(con, campaignCode, stage, writes);
            try (PreparedStatement up = con.prepareStatement("INSERT INTO score (campaign_code, unit_code,"
                            + " criterion_code, " + cols + ") VALUES (?, ?, ?, " + marks + ")"
                            + " ON CONFLICT (campaign_code, unit_code, criterion_code) DO UPDATE SET " + updates
                            + ", updated_at = now()");
                    PreparedStatement history = con.prepareStatement("INSERT INTO score_history (campaign_code,"
                            + " unit_code, criterion_code, action, before, after, reason, actor)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Write w : writes) {
                    up.setString(1, campaignCode);
                    up.setString(2, w.unitCode());
                    up.setString(3, w.criterionCode());
                    Map<String, Object> after = new LinkedHashMap<>();
                    for (int i = 0; i < stage.columns.size(); i++) {
                        String col = stage.columns.get(i);
                        Object v = w.values().get(col);
                        if (col.equals("self_not_applicable") && v == null) {
                            v = false;
                        }
                        up.setObject(4 + i, v);
                        after.put(camel(col), v);
                    }
                    up.addBatch();
                    history.setString(1, campaignCode);
                    history.setString(2, w.unitCode());
                    history.setString(3, w.criterionCode());
                    history.setString(4, stage.action);
                    Map<String, Object> old = before.get(w.unitCode() + "/" + w.criterionCode());
                    history.setString(5, old == null ? null : write(old));
                    history.setString(6, write(after));
                    history.setString(7, w.reason());
                    history.setString(8, actor);
                    history.addBatch();
                }
                up.executeBatch();
                history.executeBatch();
            }
            bumpRevision(con, campaignCode);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store scores of " + campaignCode, e);
        }
    }

    /** Records an event without score values (submit, withdraw, publication ...). */
    public void event(String campaignCode, String unitCode, String action, String reason, String actor) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("INSERT INTO score_history (campaign_code, unit_code,"
                        + " action, reason, actor) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, campaignCode);
            s.setString(2, unitCode);
            s.setString(3, action);
            s.setString(4, reason);
            s.setString(5, actor);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + action, e);
        }
    }

    /** Every unit's leaf scores: unit code → criterion code → scores. */
    public Map<String, Map<String, LeafScore>> leafScores(String campaignCode) {
        return leafScores(campaignCode, null);
    }

    /** The leaf scores of one unit, or of all when {@code unitCode} is {@code null}. */
    public Map<String, Map<String, LeafScore>> leafScores(String campaignCode, String unitCode) {
        Map<String, Map<String, LeafScore>> byUnit = new HashMap<>();
        String sql = "SELECT " + LEAF_COLUMNS + " FROM score WHERE campaign_code = ?"
                + (unitCode == null ? "" : " AND unit_code = ?");
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(sql)) {
            s.setString(1, campaignCode);
            if (unitCode != null) {
                s.setString(2, unitCode);
            }
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    LeafScore score = new LeafScore(
                            rs.getBigDecimal(3),
                            rs.getString(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6),
                            rs.getBoolean(7),
                            rs.getBigDecimal(8),
                            rs.getBigDecimal(9),
                            rs.getBigDecimal(10),
                            rs.getBigDecimal(11),
                            rs.getBigDecimal(12),
                            rs.getBigDecimal(13),
                            rs.getBigDecimal(14));
                    byUnit.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), score);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the scores of " + campaignCode, e);
        }
        return byUnit;
    }

    /** The leaf scores of a row read by {@link #rows}. */
    public static LeafScore leafScore(Map<String, Object> row) {
        return new LeafScore(
                (BigDecimal) row.get("self_points"),
                (String) row.get("self_level"),
                (BigDecimal) row.get("self_numerator"),
                (BigDecimal) row.get("self_denominator"),
                Boolean.TRUE.equals(row.get("self_not_applicable")),
                (BigDecimal) row.get("appraisal1_points"),
                (BigDecimal) row.get("appraisal2_points"),
                (BigDecimal) row.get("survey_points"),
                (BigDecimal) row.get("survey_value"),
                (BigDecimal) row.get("auto_value"),
                (BigDecimal) row.get("auto_numerator"),
                (BigDecimal) row.get("auto_denominator"));
    }

    /** Every stored column of a unit's rows (for the assessment view): criterion → column → value. */
    public Map<String, Map<String, Object>> rows(String campaignCode, String unitCode) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(
                        "SELECT * FROM score WHERE campaign_code = ? AND unit_code = ? ORDER BY criterion_code")) {
            s.setString(1, campaignCode);
            s.setString(2, unitCode);
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    rows.put(rs.getString("criterion_code"), row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the scores of " + unitCode, e);
        }
        return rows;
    }

    public List<HistoryEntry> history(String campaignCode, String unitCode) {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT id, at, actor, criterion_code, action, before,"
                        + " after, reason FROM score_history WHERE campaign_code = ? AND unit_code = ? ORDER BY id")) {
            s.setString(1, campaignCode);
            s.setString(2, unitCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(
                            rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the history of " + unitCode, e);
        }
        return entries;
    }

    /** The campaign's score revision (bumped by every write): the results cache key. */
    public long revision(String campaignCode) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT revision FROM campaign WHERE code = ?")) {
            s.setString(1, campaignCode);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the revision of " + campaignCode, e);
        }
    }

    /** Sets a unit's self-assessment status. */
    public void selfStatus(String campaignCode, String unitCode, String status, String actor) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("UPDATE campaign_unit SET self_status = ?,"
                        + " submitted_at = CASE WHEN ? = 'SUBMITTED' THEN now() END,"
                        + " submitted_by = CASE WHEN ? = 'SUBMITTED' THEN ? END"
                        + " WHERE campaign_code = ? AND unit_code = ?")) {
            s.setString(1, status);
            s.setString(2, status);
            s.setString(3, status);
            s.setString(4, actor);
            s.setString(5, campaignCode);
            s.setString(6, unitCode);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the self-assessment of " + unitCode, e);
        }
    }

    private Map<String, Map<String, Object>> current(
            Connection con, String campaignCode, Stage stage, List<Write> writes) throws SQLException {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        try (PreparedStatement s = con.prepareStatement("SELECT s.unit_code, s.criterion_code, "
                + stage.columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "))
                + " FROM score s JOIN unnest(?::varchar[], ?::varchar[]) AS k(unit_code, criterion_code)"
                + " USING (unit_code, criterion_code) WHERE s.campaign_code = ?")) {
            s.setArray(
                    1,
                    con.createArrayOf(
                            "varchar", writes.stream().map(Write::unitCode).toArray()));
            s.setArray(
                    2,
                    con.createArrayOf(
                            "varchar", writes.stream().map(Write::criterionCode).toArray()));
            s.setString(3, campaignCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < stage.columns.size(); i++) {
                        Object v = rs.getObject(3 + i);
                        values.put(camel(stage.columns.get(i)), v instanceof BigDecimal b ? b.stripTrailingZeros() : v);
                    }
                    rows.put(rs.getString(1) + "/" + rs.getString(2), values);
                }
            }
        }
        return rows;
    }

    private static void bumpRevision(Connection con, String campaignCode) throws SQLException {
        try (PreparedStatement s = con.prepareStatement(
                "UPDATE campaign SET revision = revision + 1, updated_at = now() WHERE code = ?")) {
            s.setString(1, campaignCode);
            s.executeUpdate();
        }
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String camel(String column) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.toString();
    }
}
