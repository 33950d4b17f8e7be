package vn.parindex.scoring.index;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.FieldError;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.domain.Ranking;

/** Stores external index values (set-based replace) and ranks them with the campaign ranking rule. */
@ApplicationScoped
public class IndexService {

    private final AgroalDataSource dataSource;

    public IndexService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public void replaceValues(String indexCode, int year, List<IndexResource.Value> values) {
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i).unitCode())) {
                errors.add(FieldError.of(
                        "values[" + i + "].unitCode",
                        "appears twice",
                        values.get(i).unitCode()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ScoringError.INVALID_IMPORT, "Duplicate unit codes; nothing was stored", errors);
        }
        try (Connection con = dataSource.getConnection()) {
            try (PreparedStatement d =
                    con.prepareStatement("DELETE FROM external_index_value WHERE index_code = ? AND year = ?")) {
                d.setString(1, indexCode);
                d.setInt(2, year);
                d.executeUpdate();
            }
            try (PreparedStatement s = con.prepareStatement("INSERT INTO external_index_value (index_code, year,"
                    + " unit_code, unit_name, value) SELECT ?, ?, u.code, u.name, u.value"
                    + " FROM unnest(?::varchar[], ?::varchar[], ?::numeric[]) AS u(code, name, value)")) {
                s.setString(1, indexCode);
                s.setInt(2, year);
                s.setArray(
                        3,
                        con.createArrayOf(
                                "varchar",
                                values.stream()
                                        .map(IndexResource.Value::unitCode)
                                        .toArray()));
                s.setArray(
                        4,
                        con.createArrayOf(
                                "varchar",
                                values.stream()
                                        .map(IndexResource.Value::unitName)
                                        .toArray()));
                s.setArray(
                        5,
                        con.createArrayOf(
                                "numeric",
                                values.stream().map(IndexResource.Value::value).toArray()));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store index " + indexCode, e);
        }
    }

    public IndexResource.Ranking ranking(String indexCode, int year) {
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
                PreparedStatement s = con.prepareStatement("SELECT unit_code, unit_name, value FROM"
                        + " external_index_value WHERE index_code = ? AND year = ? ORDER BY value DESC, unit_code")) {
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
        List<Integer> ranks = Ranking.ranks(values);
        int n = Ranking.rankedCount(values);
        List<IndexResource.Ranked> items = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            items.add(new IndexResource.Ranked(
                    codes.get(i), names.get(i), values.get(i), ranks.get(i), n, ranks.get(i) + "/" + n));
        }
        return new IndexResource.Ranking(indexCode, year, n, items);
    }
}
