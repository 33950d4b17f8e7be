package vn.parindex.dossier.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Demo payments, digitisation, ratings and feedback for the demo dossiers of a source system, so the demo shows a
 * monthly service index for the communes of Lào Cai. Derived set-based from the stored demo dossiers, deterministic
 * (a hash of the dossier id): a third of the procedures free of charge; fees paid online for most online dossiers;
 * finished dossiers digitised (70 % every component), 60 % of results electronic, 30 % reusing data; 40 % of
 * finished dossiers rated (70 % very satisfied, 22 % satisfied, 8 % not); one dossier in 50 brings feedback, most
 * answered within its 10-day deadline. Records that exist are left alone, so a second run adds nothing.
 */
final class DemoFacts {

    static final String RECORDED_BY = "demo-loader";

    private DemoFacts() {}

    /** Stores the facts of {@code sourceSystem}'s dossiers that are not stored yet; the number of rows added. */
    static long store(Connection c, String sourceSystem) throws SQLException {
        String h = "abs(hashtext(d.dossier_id)::bigint)";
        String[] statements = {
            "INSERT INTO dossier_payment (source_system, dossier_id, unit_code, procedure_code, fee, paid_online,"
                    + " paid_at, paid_date, recorded_by)"
                    + " SELECT d.source_system, d.dossier_id, d.unit_code, d.procedure_code,"
                    + " CASE WHEN abs(hashtext(d.procedure_code)::bigint) % 3 = 0 THEN 0 ELSE 50000 END,"
                    + " abs(hashtext(d.procedure_code)::bigint) % 3 <> 0 AND (CASE WHEN d.channel = 'ONLINE'"
                    + " THEN " + h + " % 10 < 8 ELSE " + h + " % 10 < 2 END),"
                    + " d.received_at, d.received_date, ? FROM dossier d WHERE d.source_system = ?"
                    + " ON CONFLICT DO NOTHING",
            "INSERT INTO dossier_digitisation (source_system, dossier_id, unit_code, procedure_code, components_total,"
                    + " components_digitised, result_electronic, reused_digitised, digitised_at, digitised_date,"
                    + " recorded_by)"
                    + " SELECT d.source_system, d.dossier_id, d.unit_code, d.procedure_code, 1 + " + h + " % 4,"
                    + " CASE WHEN " + h + " % 10 < 7 THEN 1 + " + h + " % 4 ELSE " + h + " % 4 END,"
                    + " (" + h + " / 10) % 10 < 6, (" + h + " / 100) % 10 < 3, d.finished_at, d.finished_date, ?"
                    + " FROM dossier d WHERE d.source_system = ? AND d.finish_class IS NOT NULL"
                    + " ON CONFLICT DO NOTHING",
            "INSERT INTO dossier_rating (source_system, dossier_id, unit_code, procedure_code, channel, level,"
                    + " rated_at, rated_date, recorded_by)"
                    + " SELECT d.source_system, d.dossier_id, d.unit_code, d.procedure_code,"
                    + " (ARRAY['DEVICE', 'ONLINE', 'SMS'])[1 + (" + h + " / 1000) % 3],"
                    + " CASE WHEN (" + h + " / 10000) % 100 < 70 THEN 'VERY_SATISFIED'"
                    + " WHEN (" + h + " / 10000) % 100 < 92 THEN 'SATISFIED' ELSE 'NOT_SATISFIED' END,"
                    + " d.finished_at, d.finished_date, ?"
                    + " FROM dossier d WHERE d.source_system = ? AND d.finish_class IS NOT NULL"
                    + " AND (" + h + " / 100) % 10 < 4 ON CONFLICT DO NOTHING",
            "INSERT INTO feedback (source_system, feedback_id, unit_code, procedure_code, kind, received_at,"
                    + " received_date, deadline, answered_at, answered_date, outcome, recorded_by)"
                    + " SELECT source_system, 'FB-' || dossier_id, unit_code, procedure_code, kind, received_at,"
                    + " (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, deadline,"
                    + " CASE WHEN answered_at <= now() THEN answered_at END,"
                    + " CASE WHEN answered_at <= now() THEN (answered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END,"
                    + " CASE WHEN answered_at <= now() THEN 'RESOLVED' END, ? FROM ("
                    + " SELECT d.source_system, d.dossier_id, d.unit_code, d.procedure_code,"
                    + " CASE WHEN " + h + " % 7 = 0 THEN 'COMPLAINT' ELSE 'FEEDBACK' END AS kind,"
                    + " d.received_at + interval '1 day' AS received_at, d.received_date + 11 AS deadline,"
                    + " d.received_at + interval '1 day' + ((" + h + " / 50) % 13) * interval '1 day' AS answered_at"
                    + " FROM dossier d WHERE d.source_system = ? AND " + h + " % 50 = 0) f"
                    + " ON CONFLICT DO NOTHING"
        };
        long added = 0;
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (String sql : statements) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, RECORDED_BY);
                    s.setString(2, sourceSystem);
                    added += s.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return added;
    }
}
