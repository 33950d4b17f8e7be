package vn.parindex.dossier.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.dossier.domain.ServiceIndexCalculator.IndicatorResult;
import vn.parindex.dossier.domain.ServiceIndexCalculator.UnitResult;
import vn.parindex.dossier.service.ServiceIndexService.Fact;
import vn.parindex.dossier.service.ServiceIndexService.Item;

/** The weekly feed and drill-down lists as CSV or NDJSON text, and the feed's ETag (a hash of its bytes). */
final class ServiceIndexFeed {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String CSV_HEADER =
            "type,unitCode,indicator,value,numerator,denominator,points,score,band,rank,rankedOf,sourceSystem,id,day,detail\n";

    private ServiceIndexFeed() {}

    static byte[] write(String week, List<UnitResult> ranked, List<Fact> facts, boolean csv) {
        StringBuilder sb = new StringBuilder(csv ? CSV_HEADER : "");
        for (UnitResult u : ranked) {
            for (IndicatorResult i : u.indicators()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("type", "indicator");
                row.put("week", week);
                row.put("unitCode", u.unitCode());
                row.put("indicator", i.code());
                row.put("value", i.value());
                row.put("numerator", i.numerator());
                row.put("denominator", i.denominator());
                row.put("points", i.points());
                line(sb, row, csv);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", "score");
            row.put("week", week);
            row.put("unitCode", u.unitCode());
            row.put("score", u.score());
            row.put("band", u.band());
            row.put("rank", u.rank());
            row.put("rankedOf", u.rankedOf());
            line(sb, row, csv);
        }
        for (Fact f : facts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", f.kind());
            row.put("week", week);
            row.put("unitCode", f.unitCode());
            row.put("sourceSystem", f.sourceSystem());
            row.put("id", f.id());
            row.put("day", f.day().toString());
            row.put("detail", f.detail());
            line(sb, row, csv);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String itemsCsvHeader() {
        return "sourceSystem,id,unitCode,day,inNumerator,detail\n";
    }

    static String itemCsv(Item i) {
        return cell(i.sourceSystem())
                + ','
                + cell(i.id())
                + ','
                + cell(i.unitCode())
                + ','
                + i.day()
                + ','
                + i.inNumerator()
                + ','
                + cell(i.detail())
                + '\n';
    }

    private static void line(StringBuilder sb, Map<String, Object> row, boolean csv) {
        if (!csv) {
            try {
                sb.append(JSON.writeValueAsString(row)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        String[] cols = {
            "type",
            "unitCode",
            "indicator",
            "value",
            "numerator",
            "denominator",
            "points",
            "score",
            "band",
            "rank",
            "rankedOf",
            "sourceSystem",
            "id",
            "day",
            "detail"
        };
        for (int k = 0; k < cols.length; k++) {
            Object v = row.get(cols[k]);
            sb.append(k == 0 ? "" : ",")
                    .append(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : cell(v.toString()));
        }
        sb.append('\n');
    }

    /** A CSV cell; a text a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    static String etag(byte[] body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
