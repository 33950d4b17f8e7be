package vn.parindex.scoring.service;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.parindex.common.api.ApiException;
import vn.parindex.scoring.domain.RankingDocument;
import vn.parindex.scoring.domain.UnitResult;

/**
 * Results and rankings as CSV or XLSX tables. A row holds every part's and field's points, maximum and index;
 * the parts' points add up to {@code totalPoints} (parts include bonus/penalty adjustments).
 */
public final class ResultTables {

    private ResultTables() {}

    /** The format asked for by {@code format} or {@code Accept}: json, csv or xlsx (400 otherwise). */
    public static String format(String format, String accept) {
        String f = format != null
                ? format.toLowerCase(Locale.ROOT)
                : accept != null && accept.contains("text/csv")
                        ? "csv"
                        : accept != null && accept.contains(TableExport.XLSX) ? "xlsx" : "json";
        if (!f.equals("json") && !f.equals("csv") && !f.equals("xlsx")) {
            throw ApiException.invalidParameter("format", "must be json, csv or xlsx", format);
        }
        return f;
    }

    /** The ranking lines as a table file when asked for, else empty. */
    public static Optional<Response> ranking(
            String name, List<RankingDocument.Item> items, String format, String accept) {
        String f = format(format, accept);
        if (f.equals("json")) {
            return Optional.empty();
        }
        List<String> header = new ArrayList<>(List.of(
                "rank", "rankOutOf", "unitCode", "unitName", "totalPoints", "indexPercent", "band", "percentile"));
        RankingDocument.Item first = items.isEmpty() ? null : items.getFirst();
        List<UnitResult.Subtotal> parts = first == null || first.parts() == null ? List.of() : first.parts();
        List<UnitResult.Subtotal> fields = first == null || first.fields() == null ? List.of() : first.fields();
        for (UnitResult.Subtotal s : parts) {
            header.addAll(List.of(s.code() + " points", s.code() + " max", s.code() + " index"));
        }
        for (UnitResult.Subtotal s : fields) {
            header.addAll(List.of(s.code() + " points", s.code() + " max", s.code() + " index"));
        }
        header.addAll(List.of(
                "previousIndexPercent",
                "pointsChange",
                "previousRank",
                "previousRankOutOf",
                "rankChange",
                "percentileChange",
                "comparison",
                "comparedWith",
                "excluded",
                "imported"));
        List<List<Object>> rows = new ArrayList<>();
        for (RankingDocument.Item r : items) {
            List<Object> row = new ArrayList<>();
            row.add(r.rank());
            row.add(r.rankOutOf());
            row.add(r.unitCode());
            row.add(r.unitName());
            row.add(r.totalPoints());
            row.add(r.indexPercent());
            row.add(r.band());
            row.add(r.percentile());
            subtotals(row, parts, r.parts());
            subtotals(row, fields, r.fields());
            row.add(r.previousIndexPercent());
            row.add(r.pointsChange());
            row.add(r.previousRank());
            row.add(r.previousRankOutOf());
            row.add(r.rankChange());
            row.add(r.percentileChange());
            row.add(r.comparison() == null ? null : r.comparison().rule());
            row.add(
                    r.comparison() == null
                            ? null
                            : String.join(" ", r.comparison().comparedWith()));
            row.add(r.excluded() == null ? null : r.excluded().reason());
            row.add(r.imported() ? "true" : "false");
            rows.add(row);
        }
        return Optional.of(file(name, f, header, rows));
    }

    /** A table file response. */
    public static Response file(String name, String format, List<String> header, List<List<Object>> rows) {
        return format.equals("csv")
                ? Response.ok(TableExport.csv(header, rows), "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                        .build()
                : Response.ok(TableExport.xlsx(name, header, rows), TableExport.XLSX)
                        .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"")
                        .build();
    }

    /** The unit's sub-totals in the columns' order (by code: a unit may lack a node that does not apply). */
    private static void subtotals(List<Object> row, List<UnitResult.Subtotal> columns, List<UnitResult.Subtotal> own) {
        for (UnitResult.Subtotal c : columns) {
            UnitResult.Subtotal s = own == null
                    ? null
                    : own.stream()
                            .filter(x -> x.code().equals(c.code()))
                            .findFirst()
                            .orElse(null);
            row.add(s == null ? null : s.points());
            row.add(s == null ? null : s.maxPoints());
            row.add(s == null ? null : s.indexPercent());
        }
    }
}
