package vn.parindex.dossier.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.parindex.dossier.domain.Counts;
import vn.parindex.dossier.domain.Rates;

/** Any statistics view as CSV: one line per row and the total, counts then each rate's value, numerator, denominator. */
final class StatsCsv {

    private StatsCsv() {}

    static String write(StatsDto.Report report) {
        StringBuilder sb = new StringBuilder(
                "key,received,carried_over,resolved,early,on_time,late,pending_within_time,overdue,excluded,"
                        + "online,full_online,level34,postal,on_time_rate_resolved,on_time_resolved_numerator,on_time_resolved_denominator,"
                        + "on_time_rate_workload,on_time_workload_numerator,on_time_workload_denominator,online_share,full_online_share,"
                        + "level34_share,postal_share,average_processing_working_days\n");
        List<StatsDto.Item> rows = new ArrayList<>(report.items());
        if (!report.groupBy().equals("none")) {
            rows.add(report.total());
        }
        for (StatsDto.Item item : rows) {
            Counts c = item.counts();
            Rates.All r = item.rates();
            sb.append(cell(item.key()))
                    .append(',')
                    .append(c.received())
                    .append(',')
                    .append(c.carriedOver())
                    .append(',')
                    .append(c.resolved())
                    .append(',')
                    .append(c.early())
                    .append(',')
                    .append(c.onTime())
                    .append(',')
                    .append(c.late())
                    .append(',')
                    .append(c.pendingWithinTime())
                    .append(',')
                    .append(c.overdue())
                    .append(',')
                    .append(c.excluded())
                    .append(',')
                    .append(c.online())
                    .append(',')
                    .append(c.fullOnline())
                    .append(',')
                    .append(c.level34())
                    .append(',')
                    .append(c.postal())
                    .append(',')
                    .append(value(r.onTimeRateResolved().value()))
                    .append(',')
                    .append(r.onTimeRateResolved().numerator())
                    .append(',')
                    .append(r.onTimeRateResolved().denominator())
                    .append(',')
                    .append(value(r.onTimeRateWorkload().value()))
                    .append(',')
                    .append(r.onTimeRateWorkload().numerator())
                    .append(',')
                    .append(r.onTimeRateWorkload().denominator())
                    .append(',')
                    .append(value(r.onlineShare().value()))
                    .append(',')
                    .append(value(r.fullOnlineShare().value()))
                    .append(',')
                    .append(value(r.level34Share().value()))
                    .append(',')
                    .append(value(r.postalShare().value()))
                    .append(',')
                    .append(value(r.averageProcessingWorkingDays()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String value(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
