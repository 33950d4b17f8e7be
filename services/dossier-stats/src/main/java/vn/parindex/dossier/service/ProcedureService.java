package vn.parindex.dossier.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.dossier.domain.Procedure;
import vn.parindex.dossier.domain.ServiceLevel;

/** The procedure catalogue: bulk upsert, reads, and the in-memory lookup ingestion validates against. */
@ApplicationScoped
public class ProcedureService {

    /** What ingestion needs of a procedure. */
    public record Terms(int deadlineWorkingDays, ServiceLevel serviceLevel) {}

    public record UpsertResult(int inserted, int updated, int rejected, List<FieldError> errors) {}

    private final AgroalDataSource dataSource;
    private volatile Map<String, Terms> terms;

    public ProcedureService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Validates every procedure; stores the good ones in one statement batch; reports the others by index. */
    public UpsertResult upsertProcedures(List<Procedure> procedures) {
        List<FieldError> errors = new ArrayList<>();
        List<Procedure> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < procedures.size(); i++) {
            Procedure p = procedures.get(i);
            String path = "[" + i + "]";
            int before = errors.size();
            if (p == null || p.code() == null || !p.code().matches("[A-Za-z0-9._-]{1,64}")) {
                errors.add(FieldError.of(
                        path + ".code", "must be 1–64 letters, digits, '.', '-' or '_'", p == null ? null : p.code()));
            } else if (!seen.add(p.code())) {
                errors.add(FieldError.of(path + ".code", "is listed twice", p.code()));
            }
            if (p != null && (p.name() == null || p.name().isBlank())) {
                errors.add(FieldError.of(path + ".name", "is required", null));
            }
            if (p != null
                    && (p.deadlineWorkingDays() == null
                            || p.deadlineWorkingDays() < 0
                            || p.deadlineWorkingDays() > 3650)) {
                errors.add(FieldError.of(
                        path + ".deadlineWorkingDays", "must be 0 to 3650", String.valueOf(p.deadlineWorkingDays())));
            }
            if (p != null && p.serviceLevel() == null) {
                errors.add(FieldError.of(
                        path + ".serviceLevel", "is required: FULL, PARTIAL, NONE, LEVEL_2, LEVEL_3 or LEVEL_4", null));
            }
            if (errors.size() == before) {
                good.add(p);
            }
        }
        int inserted = 0;
        // One statement for the whole list: the arrays are unnested row by row inside PostgreSQL.
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("INSERT INTO procedure AS p (code, name, field, authority_level,"
                                + " deadline_working_days, service_level) SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[],"
                                + " ?::varchar[], ?::int[], ?::varchar[]) ON CONFLICT (code) DO UPDATE SET"
                                + " name = EXCLUDED.name, field = EXCLUDED.field, authority_level = EXCLUDED.authority_level,"
                                + " deadline_working_days = EXCLUDED.deadline_working_days, service_level = EXCLUDED.service_level,"
                                + " updated_at = now() RETURNING (xmax = 0)")) {
            s.setArray(
                    1,
                    c.createArrayOf(
                            "varchar", good.stream().map(Procedure::code).toArray()));
            s.setArray(
                    2,
                    c.createArrayOf(
                            "varchar", good.stream().map(Procedure::name).toArray()));
            s.setArray(
                    3,
                    c.createArrayOf(
                            "varchar", good.stream().map(Procedure::field).toArray()));
            s.setArray(
                    4,
                    c.createArrayOf(
                            "varchar",
                            good.stream().map(Procedure::authorityLevel).toArray()));
            s.setArray(
                    5,
                    c.createArrayOf(
                            "int4",
                            good.stream().map(Procedure::deadlineWorkingDays).toArray()));
            s.setArray(
                    6,
                    c.createArrayOf(
                            "varchar",
                            good.stream().map(p -> p.serviceLevel().name()).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted += rs.getBoolean(1) ? 1 : 0;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store procedures", e);
        }
        terms = null;
        return new UpsertResult(inserted, good.size() - inserted, procedures.size() - good.size(), errors);
    }

    public Optional<Procedure> findProcedure(String code) {
        List<Procedure> found = query(
                "SELECT code, name, field, authority_level, deadline_working_days, service_level FROM procedure WHERE code = ?",
                code,
                1,
                0);
        return found.stream().findFirst();
    }

    public Page<Procedure> listProcedures(String field, PageRequest page) {
        String where = field == null ? "" : " WHERE field = ?";
        List<Procedure> items = query(
                "SELECT code, name, field, authority_level, deadline_working_days, service_level FROM procedure" + where
                        + " ORDER BY code LIMIT ? OFFSET ?",
                field,
                page.size(),
                page.offset());
        long total;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM procedure" + where)) {
            if (field != null) {
                s.setString(1, field);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count procedures", e);
        }
        return Page.of(items, page, total);
    }

    /** Deadline and level of every procedure, loaded once and again after each upsert. */
    public Map<String, Terms> terms() {
        Map<String, Terms> t = terms;
        if (t == null) {
            t = new HashMap<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s =
                            c.prepareStatement("SELECT code, deadline_working_days, service_level FROM procedure");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    t.put(rs.getString(1), new Terms(rs.getInt(2), ServiceLevel.valueOf(rs.getString(3))));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read procedures", e);
            }
            terms = t;
        }
        return t;
    }

    private List<Procedure> query(String sql, String param, long limit, long offset) {
        List<Procedure> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (param != null) {
                s.setString(i++, param);
            }
            if (sql.contains("LIMIT")) {
                s.setLong(i++, limit);
                s.setLong(i, offset);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Procedure(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            ServiceLevel.valueOf(rs.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read procedures", e);
        }
        return out;
    }
}
