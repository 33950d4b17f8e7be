package vn.parindex.scoring.store;

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

    /** Every column of a score row but the campaign's, in the order {@link #row} reads them. */
    private static final String ROW_COLUMNS = "unit_code, criterion_code, self_points, self_level, self_numerator,"
            + " self_denominator, self_not_applicable, self_explanation, evidence, appraisal1_points,"
            + " appraisal1_level, appraisal1_numerator, appraisal1_denominator, appraisal1_reason, unit_explanation,"
            + " appraisal2_points, appraisal2_level, appraisal2_numerator, appraisal2_denominator, appraisal2_reason,"
            + " survey_points, survey_value, auto_value, auto_numerator, auto_denominator, auto_fetched_at,"
            + " updated_at";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ScoreStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Upserts a stage's values and records history; bumps the campaign's revision. A column missing from a
     * write's values keeps what is stored (an explanation or evidence not sent is not erased).
     */
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
                    Map<String, Object> old = before.get(w.unitCode() + "/" + w.criterionCode());
                    for (int i = 0; i < stage.columns.size(); i++) {
                        String col = stage.columns.get(i);
                        // A column the write does not name keeps its stored value (partial updates).
                        Object v = w.values().containsKey(col)
                                ? w.values().get(col)
                                : old == null ? null : old.get(camel(col));
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
            bumpUnitRevisions(con, campaignCode, writes);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store scores of " + campaignCode, e);
        }
    }

    /** Records an event of one unit's criterion with its before and after (JSON), e.g. a contest's steps. */
    public void event(
            String campaignCode,
            String unitCode,
            String criterionCode,
            String action,
            Object before,
            Object after,
            String reason,
            String actor) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("INSERT INTO score_history (campaign_code, unit_code,"
                        + " criterion_code, action, before, after, reason, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, campaignCode);
            s.setString(2, unitCode);
            s.setString(3, criterionCode);
            s.setString(4, action);
            s.setString(5, before == null ? null : json.writeValueAsString(before));
            s.setString(6, after == null ? null : json.writeValueAsString(after));
            s.setString(7, reason);
            s.setString(8, actor);
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot record " + action, e);
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

    /**
     * Every stored survey result of a campaign with its sample size or stated standard error: unit code →
     * criterion code → result (for rank intervals).
     */
    public Map<String, Map<String, vn.parindex.scoring.domain.UncertaintyInputs.SurveySample>> surveySamples(
            String campaignCode) {
        Map<String, Map<String, vn.parindex.scoring.domain.UncertaintyInputs.SurveySample>> out = new HashMap<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT unit_code, criterion_code, survey_points,"
                        + " survey_value, survey_sample_size, survey_standard_error FROM score WHERE campaign_code = ?"
                        + " AND (survey_points IS NOT NULL OR survey_value IS NOT NULL)")) {
            s.setString(1, campaignCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(
                                    rs.getString(2),
                                    new vn.parindex.scoring.domain.UncertaintyInputs.SurveySample(
                                            rs.getBigDecimal(3),
                                            rs.getBigDecimal(4),
                                            rs.getObject(5, Integer.class),
                                            rs.getBigDecimal(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the survey results of " + campaignCode, e);
        }
        return out;
    }

    /** Every unit's leaf scores: unit code → criterion code → scores. */
    public Map<String, Map<String, LeafScore>> leafScores(String campaignCode) {
        return leafScores(campaignCode, (List<String>) null);
    }

    /** The leaf scores of one unit, or of all when {@code unitCode} is {@code null}. */
    public Map<String, Map<String, LeafScore>> leafScores(String campaignCode, String unitCode) {
        return leafScores(campaignCode, unitCode == null ? null : List.of(unitCode));
    }

    /** The columns the rules read, in the order {@link #leafScore(ResultSet)} reads them. */
    private static final String LEAF_COLUMNS = "unit_code, criterion_code, self_points, self_level, self_numerator,"
            + " self_denominator, self_not_applicable, appraisal1_points, appraisal1_level, appraisal1_numerator,"
            + " appraisal1_denominator, appraisal2_points, appraisal2_level, appraisal2_numerator,"
            + " appraisal2_denominator, survey_points, survey_value, auto_value, auto_numerator, auto_denominator";

    /**
     * The leaf scores of the given units, or of all when {@code unitCodes} is {@code null}: only the columns the
     * rules read (a campaign of every commune holds 330,000 rows; explanations and evidence stay in the database).
     */
    public Map<String, Map<String, LeafScore>> leafScores(String campaignCode, List<String> unitCodes) {
        Map<String, Map<String, LeafScore>> byUnit = new HashMap<>();
        if (unitCodes != null && unitCodes.isEmpty()) {
            return byUnit;
        }
        String sql = "SELECT " + LEAF_COLUMNS + " FROM score WHERE campaign_code = ?"
                + (unitCodes == null ? "" : " AND unit_code = ANY (?::varchar[])");
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement(sql)) {
            s.setString(1, campaignCode);
            if (unitCodes != null) {
                s.setArray(2, con.createArrayOf("varchar", unitCodes.toArray()));
            }
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                String lastUnit = null;
                Map<String, LeafScore> leaves = null;
                while (rs.next()) {
                    String unit = rs.getString(1);
                    if (!unit.equals(lastUnit)) {
                        leaves = byUnit.computeIfAbsent(unit, k -> new HashMap<>());
                        lastUnit = unit;
                    }
                    leaves.put(rs.getString(2), leafScore(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the scores of " + campaignCode, e);
        }
        return byUnit;
    }

    private static LeafScore leafScore(ResultSet rs) throws SQLException {
        return new LeafScore(
                given(rs.getBigDecimal(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6)),
                rs.getBoolean(7),
                given(rs.getBigDecimal(8), rs.getString(9), rs.getBigDecimal(10), rs.getBigDecimal(11)),
                given(rs.getBigDecimal(12), rs.getString(13), rs.getBigDecimal(14), rs.getBigDecimal(15)),
                rs.getBigDecimal(16),
                rs.getBigDecimal(17),
                rs.getBigDecimal(18),
                rs.getBigDecimal(19),
                rs.getBigDecimal(20));
    }

    /** A stage's entry; the shared empty one when the stage gave nothing (most rows have no appraisal). */
    private static LeafScore.Given given(
            BigDecimal points, String level, BigDecimal numerator, BigDecimal denominator) {
        return points == null && level == null && numerator == null && denominator == null
                ? LeafScore.Given.NONE
                : new LeafScore.Given(points, level, numerator, denominator);
    }

    /** Every stored row of a unit, by criterion code. */
    public List<ScoreRow> rows(String campaignCode, String unitCode) {
        List<ScoreRow> rows = new ArrayList<>();
        query(campaignCode, unitCode, (unit, row) -> rows.add(row));
        rows.sort(java.util.Comparator.comparing(ScoreRow::criterionCode));
        return rows;
    }

    private void query(String campaignCode, String unitCode, java.util.function.BiConsumer<String, ScoreRow> consumer) {
        String sql = "SELECT " + ROW_COLUMNS + " FROM score WHERE campaign_code = ?"
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
                    consumer.accept(rs.getString(1), row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the scores of " + campaignCode, e);
        }
    }

    private static ScoreRow row(ResultSet rs) throws SQLException {
        return new ScoreRow(
                rs.getString(2),
                new LeafScore.Given(rs.getBigDecimal(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6)),
                rs.getBoolean(7),
                rs.getString(8),
                rs.getString(9),
                new LeafScore.Given(rs.getBigDecimal(10), rs.getString(11), rs.getBigDecimal(12), rs.getBigDecimal(13)),
                rs.getString(14),
                rs.getString(15),
                new LeafScore.Given(rs.getBigDecimal(16), rs.getString(17), rs.getBigDecimal(18), rs.getBigDecimal(19)),
                rs.getString(20),
                rs.getBigDecimal(21),
                rs.getBigDecimal(22),
                rs.getBigDecimal(23),
                rs.getBigDecimal(24),
                rs.getBigDecimal(25),
                rs.getObject(26, OffsetDateTime.class),
                rs.getObject(27, OffsetDateTime.class));
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

    /** The written units' own revisions: their results are evaluated again, the others' are reused. */
    private static void bumpUnitRevisions(Connection con, String campaignCode, List<Write> writes) throws SQLException {
        try (PreparedStatement s = con.prepareStatement("UPDATE campaign_unit SET revision = revision + 1"
                + " WHERE campaign_code = ? AND unit_code = ANY (?::varchar[])")) {
            s.setString(1, campaignCode);
            s.setArray(
                    2,
                    con.createArrayOf(
                            "varchar",
                            writes.stream().map(Write::unitCode).distinct().toArray()));
            s.executeUpdate();
        }
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
