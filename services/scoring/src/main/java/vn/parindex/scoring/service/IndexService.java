package vn.parindex.scoring.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.IndexDto;
import vn.parindex.scoring.client.RegistryClient;
import vn.parindex.scoring.domain.IndexKind;
import vn.parindex.scoring.domain.Ranking;

/**
 * External index values: checked against the registry (units of 31 December of the year, named as the registry
 * names them), stored set-based, and ranked with the campaign ranking rule, lower first when the index says so.
 */
@ApplicationScoped
public class IndexService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AgroalDataSource dataSource;
    private final RegistryClient registry;

    public IndexService(AgroalDataSource dataSource, RegistryClient registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /** Checks every value (the registry first, outside any transaction), then replaces the year's values. */
    public void replaceValues(String indexCode, int year, IndexDto.Values body, String actor) {
        List<IndexDto.Value> values = body.values();
        Description stored = description(indexCode);
        IndexKind kind = body.kind() != null ? body.kind() : stored == null ? IndexKind.SCORE : stored.kind();
        boolean lowerIsBetter =
                body.lowerIsBetter() != null ? body.lowerIsBetter() : stored != null && stored.lowerIsBetter();
        String name = body.name() != null ? body.name() : stored == null ? null : stored.name();
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            IndexDto.Value v = values.get(i);
            if (!seen.add(v.unitCode())) {
                errors.add(FieldError.of("values[" + i + "].unitCode", "appears twice", v.unitCode()));
            }
            if (kind == IndexKind.PERCENT
                    && (v.value().signum() < 0 || v.value().compareTo(HUNDRED) > 0)) {
                errors.add(FieldError.of(
                        "values[" + i + "].value",
                        "is a percentage: must be between 0 and 100",
                        v.value().toPlainString()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    ScoringError.INVALID_IMPORT, errors.size() + " bad value(s); nothing was stored", errors);
        }
        RegistryClient.Units units =
                registry.unitsOn(values.stream().map(IndexDto.Value::unitCode).toList(), LocalDate.of(year, 12, 31));
        for (int i = 0; i < values.size(); i++) {
            if (!units.found().containsKey(values.get(i).unitCode())) {
                errors.add(FieldError.of(
                        "values[" + i + "].unitCode",
                        "is not a unit of the registry on " + year + "-12-31",
                        values.get(i).unitCode()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    ScoringError.UNKNOWN_UNITS,
                    errors.size() + " unit code(s) unknown on " + year + "-12-31; nothing was stored",
                    errors.stream().limit(200).toList());
        }
        QuarkusTransaction.requiringNew()
                .run(() -> store(indexCode, year, values, units, kind, lowerIsBetter, name, actor));
    }

    private void store(
            String indexCode,
            int year,
            List<IndexDto.Value> values,
            RegistryClient.Units units,
            IndexKind kind,
            boolean lowerIsBetter,
            String name,
            String actor) {
        try (Connection con = dataSource.getConnection()) {
            try (PreparedStatement s = con.prepareStatement("INSERT INTO external_index (code, name, kind,"
                    + " lower_is_better, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET"
                    + " name = EXCLUDED.name, kind = EXCLUDED.kind, lower_is_better = EXCLUDED.lower_is_better,"
                    + " updated_at = now(), updated_by = EXCLUDED.updated_by")) {
                s.setString(1, indexCode);
                s.setString(2, name);
                s.setString(3, kind.name());
                s.setBoolean(4, lowerIsBetter);
                s.setString(5, actor);
                s.executeUpdate();
            }
            try (PreparedStatement d =
                    con.prepareStatement("DELETE FROM external_index_value WHERE index_code = ? AND year = ?")) {
                d.setString(1, indexCode);
                d.setInt(2, year);
                d.executeUpdate();
            }
            try (PreparedStatement s = con.prepareStatement("INSERT INTO external_index_value (index_code, year,"
                    + " unit_code, unit_name, value, updated_by) SELECT ?, ?, u.code, u.name, u.value, ?"
                    + " FROM unnest(?::varchar[], ?::varchar[], ?::numeric[]) AS u(code, name, value)")) {
                s.setString(1, indexCode);
                s.setInt(2, year);
                s.setString(3, actor);
                s.setArray(
                        4,
                        con.createArrayOf(
                                "varchar",
                                values.stream().map(IndexDto.Value::unitCode).toArray()));
                s.setArray(
                        5,
                        con.createArrayOf(
                                "varchar",
                                values.stream()
                                        .map(v ->
                                                units.found().get(v.unitCode()).name())
                                        .toArray()));
                s.setArray(
                        6,
                        con.createArrayOf(
                                "numeric",
                                values.stream().map(IndexDto.Value::value).toArray()));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store index " + indexCode, e);
        }
    }

    private record Description(String name, IndexKind kind, boolean lowerIsBetter) {}

    private Description description(String indexCode) {
        try (Connection con = dataSource.getConnection();
                PreparedStatement s =
                        con.prepareStatement("SELECT name, kind, lower_is_better FROM external_index WHERE code = ?")) {
            s.setString(1, indexCode);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? new Description(rs.getString(1), IndexKind.valueOf(rs.getString(2)), rs.getBoolean(3))
                        : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read index " + indexCode, e);
        }
    }

    public IndexDto.Ranking ranking(String indexCode, int year) {
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        Description d = description(indexCode);
        boolean lowerIsBetter = d != null && d.lowerIsBetter();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT unit_code, unit_name, value FROM"
                        + " external_index_value WHERE index_code = ? AND year = ? ORDER BY value "
                        + (lowerIsBetter ? "ASC" : "DESC") + ", unit_code")) {
            s.setString(1, indexCode);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                    names.add(rs.getString(2));
                    values.add(rs.getBigDecimal(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read index " + indexCode, e);
        }
        if (codes.isEmpty()) {
            throw new ApiException(ScoringError.INDEX_NOT_FOUND, "No values of " + indexCode + " for " + year);
        }
        List<Integer> ranks = Ranking.ranks(values, lowerIsBetter);
        int n = Ranking.rankedCount(values);
        List<IndexDto.Ranked> items = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            items.add(new IndexDto.Ranked(
                    codes.get(i), names.get(i), values.get(i), ranks.get(i), n, ranks.get(i) + "/" + n));
        }
        return new IndexDto.Ranking(
                indexCode,
                d == null ? null : d.name(),
                d == null ? IndexKind.SCORE : d.kind(),
                lowerIsBetter,
                year,
                n,
                items);
    }
}
