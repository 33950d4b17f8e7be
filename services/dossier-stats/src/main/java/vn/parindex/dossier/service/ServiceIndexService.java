package vn.parindex.dossier.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.VietnamTime;
import vn.parindex.dossier.client.UnitDirectory;
import vn.parindex.dossier.domain.Fraction;
import vn.parindex.dossier.domain.Indicator;
import vn.parindex.dossier.domain.ServiceIndexCalculator;
import vn.parindex.dossier.domain.ServiceIndexCalculator.UnitResult;
import vn.parindex.dossier.domain.ServiceIndexDefinition;
import vn.parindex.dossier.store.NamedSql;

/**
 * Orchestrates the service index: which units (the registry), what they counted (one set-based statement per fact
 * table, grouped by unit, every indicator of that table a filtered count), then the plain-Java rules of {@link
 * ServiceIndexCalculator}. Also the drill-down lists behind each numerator and denominator, with the same conditions
 * ({@link Indicator}), so that they add up.
 */
@ApplicationScoped
public class ServiceIndexService {

    /** A unit's index for a month and the year to that month's end, each ranked among its peers. */
    public record UnitIndex(
            String unitCode,
            YearMonth month,
            String definition,
            List<String> peers,
            UnitResult monthIndex,
            UnitResult yearToDate) {}

    /** One record behind an indicator. */
    public record Item(
            String sourceSystem, String id, String unitCode, LocalDate day, boolean inNumerator, String detail) {}

    public record ItemPage(long total, int page, int size, List<Item> items) {}

    private final ServiceIndexDefinition definition = ServiceIndexDefinition.shipped();
    private final AgroalDataSource dataSource;
    private final UnitDirectory units;

    public ServiceIndexService(AgroalDataSource dataSource, UnitDirectory units) {
        this.dataSource = dataSource;
        this.units = units;
    }

    public ServiceIndexDefinition definition() {
        return definition;
    }

    /** The published formula of an indicator, as the definition names it. */
    public String formula(Indicator indicator) {
        return definition.indicators().stream()
                .filter(i -> i.code().equals(indicator.name()))
                .map(i -> i.formula() + " (" + definition.id() + ")")
                .findFirst()
                .orElse(indicator.name());
    }

    public void requireKnownUnit(String field, String code) {
        units.requireKnown(field, code);
    }

    /** The units compared with {@code unit}: every unit below its parent on {@code day} (itself alone at the top). */
    public List<String> peers(String unit, LocalDate day) {
        return units.parentOn(unit, day)
                .map(p -> units.selfAndDescendants(p, day).stream()
                        .filter(c -> !c.equals(p))
                        .toList())
                .filter(l -> l.contains(unit))
                .orElse(List.of(unit));
    }

    /**
     * The units of a province (every unit below it on {@code day}); {@code field} names the parameter in the 400 for
     * a code that is not a province then (a commune or a department has a parent: its "province" would rank
     * nothing), the 404 for a code the registry never knew.
     */
    public List<String> unitsOfProvince(String field, String province, LocalDate day) {
        units.requireKnown(field, province);
        units.parentOn(province, day).ifPresent(parent -> {
            throw vn.parindex.common.api.ApiException.invalidParameter(
                    field, "is not a province on " + day + " (it is a unit of " + parent + ")", province);
        });
        return units.selfAndDescendants(province, day).stream()
                .filter(c -> !c.equals(province))
                .toList();
    }

    /** Every unit's index over [from, to], ranked. */
    public List<UnitResult> ranked(List<String> codes, LocalDate from, LocalDate to) {
        Map<String, Map<Indicator, Fraction>> counted = counts(codes, from, to);
        List<UnitResult> results = new ArrayList<>();
        for (String code : codes) {
            results.add(ServiceIndexCalculator.compute(definition, code, counted.getOrDefault(code, Map.of())));
        }
        return ServiceIndexCalculator.rank(results);
    }

    public UnitIndex unitIndex(String unit, YearMonth month) {
        List<String> peers = peers(unit, month.atEndOfMonth());
        UnitResult m = find(ranked(peers, month.atDay(1), month.atEndOfMonth()), unit);
        UnitResult ytd = find(ranked(peers, month.atDay(1).withDayOfYear(1), month.atEndOfMonth()), unit);
        return new UnitIndex(unit, month, definition.id(), peers, m, ytd);
    }

    private static UnitResult find(List<UnitResult> ranked, String unit) {
        return ranked.stream()
                .filter(r -> r.unitCode().equals(unit))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The indicators of citizen-side facts (not the dossier rates scoring already reads), as metrics for scoring:
     * what each counted, summed over {@code codes} (a unit and its descendants).
     */
    public Map<Indicator, Fraction> factMetrics(List<String> codes, LocalDate from, LocalDate to) {
        Map<Indicator, Fraction> sum = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            if (!i.source().table().equals("dossier")) {
                sum.put(i, Fraction.NONE);
            }
        }
        List<Indicator.Source> sources = java.util.Arrays.stream(Indicator.Source.values())
                .filter(s -> !s.table().equals("dossier"))
                .toList();
        counts(codes, from, to, sources).values().forEach(m -> m.forEach((k, v) -> sum.merge(k, v, Fraction::plus)));
        return sum;
    }

    /** Per unit, what each indicator counted over [from, to]: one statement per source. */
    public Map<String, Map<Indicator, Fraction>> counts(List<String> codes, LocalDate from, LocalDate to) {
        return counts(codes, from, to, List.of(Indicator.Source.values()));
    }

    private Map<String, Map<Indicator, Fraction>> counts(
            List<String> codes, LocalDate from, LocalDate to, List<Indicator.Source> sources) {
        // Whole months (every period the index ranks) are summed from the monthly roll-ups — a few rows per unit and
        // month instead of every record: one unit's year ranked among a province's communes otherwise reads over a
        // million index entries, and a dossier finished in the period may have been received any time before.
        boolean wholeMonths =
                from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
        return counts(codes, from, to, sources, wholeMonths);
    }

    /**
     * Per unit, what each indicator of {@code sources} counted over [from, to]: with {@code rolledUp} (the period must
     * be whole months), one statement per monthly roll-up table, the others (and feedback) one statement per source
     * over the records themselves.
     */
    Map<String, Map<Indicator, Fraction>> counts(
            List<String> codes, LocalDate from, LocalDate to, List<Indicator.Source> sources, boolean rolledUp) {
        Map<String, Map<Indicator, Fraction>> out = new HashMap<>();
        Map<String, Object> params = params(codes, from, to);
        Map<String, List<Indicator>> byRollup = new LinkedHashMap<>();
        Map<Indicator.Source, List<Indicator>> raw = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            if (!sources.contains(i.source())) {
                continue;
            }
            if (rolledUp && i.rollup() != null) {
                byRollup.computeIfAbsent(i.source().monthly(), t -> new ArrayList<>())
                        .add(i);
            } else {
                raw.computeIfAbsent(i.source(), s -> new ArrayList<>()).add(i);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            if (codes.size() > 1) {
                StatsService.planForManyUnits(c); // peers or a province: parallel index scans, custom plans
            }
            for (Map.Entry<String, List<Indicator>> table : byRollup.entrySet()) {
                StringBuilder select = new StringBuilder("SELECT unit_code");
                for (Indicator i : table.getValue()) {
                    select.append(", ").append(i.rollup()[0]).append(", ").append(i.rollup()[1]);
                }
                read(
                        c,
                        NamedSql.of(select + " FROM " + table.getKey() + " WHERE unit_code = ANY(:units)"
                                + " AND month BETWEEN :from AND :to GROUP BY unit_code"),
                        params,
                        table.getValue(),
                        out);
            }
            for (Map.Entry<Indicator.Source, List<Indicator>> source : raw.entrySet()) {
                StringBuilder select = new StringBuilder("SELECT unit_code");
                for (Indicator i : source.getValue()) {
                    select.append(", count(*) FILTER (WHERE ")
                            .append(i.denominator())
                            .append(")");
                    select.append(", count(*) FILTER (WHERE ")
                            .append(i.numerator())
                            .append(")");
                }
                read(
                        c,
                        NamedSql.of(select + " FROM " + source.getKey().table() + " WHERE "
                                + source.getKey().where() + " GROUP BY unit_code"),
                        params,
                        source.getValue(),
                        out);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compute the service index", e);
        }
        return out;
    }

    /** Runs a statement giving unit_code, then each indicator's denominator and numerator; adds them to {@code out}. */
    private static void read(
            Connection c,
            NamedSql sql,
            Map<String, Object> params,
            List<Indicator> indicators,
            Map<String, Map<Indicator, Fraction>> out)
            throws SQLException {
        try (PreparedStatement s = sql.prepare(c)) {
            sql.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<Indicator, Fraction> unit =
                            out.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(Indicator.class));
                    int col = 2;
                    for (Indicator i : indicators) {
                        long den = rs.getLong(col++);
                        long num = rs.getLong(col++);
                        unit.put(i, new Fraction(num, den));
                    }
                }
            }
        }
    }

    private static Map<String, Object> params(List<String> codes, LocalDate from, LocalDate to) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("units", codes);
        params.put("from", from);
        params.put("to", to);
        params.put("asOf", VietnamTime.today());
        return params;
    }

    /** The records behind an indicator's numerator or denominator for a unit and period, a page at a time. */
    public ItemPage items(
            String unit, LocalDate from, LocalDate to, Indicator indicator, boolean numerator, int page, int size) {
        List<Item> items = new ArrayList<>();
        long total;
        Indicator.Source src = indicator.source();
        String where = " FROM " + src.table() + " WHERE " + src.where() + " AND "
                + (numerator ? indicator.numerator() : indicator.denominator());
        Map<String, Object> params = params(List.of(unit), from, to);
        try (Connection c = dataSource.getConnection()) {
            NamedSql count = NamedSql.of("SELECT count(*)" + where);
            try (PreparedStatement s = count.prepare(c)) {
                count.bind(s, params);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            forEachItem(c, indicator, where, params, " LIMIT " + size + " OFFSET " + ((long) page * size), items::add);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the records of " + indicator, e);
        }
        return new ItemPage(total, page, size, items);
    }

    /** Every record behind an indicator's part, in order, handed to {@code sink} (for CSV export). */
    public void allItems(
            String unit,
            LocalDate from,
            LocalDate to,
            Indicator indicator,
            boolean numerator,
            java.util.function.Consumer<Item> sink) {
        Indicator.Source src = indicator.source();
        String where = " FROM " + src.table() + " WHERE " + src.where() + " AND "
                + (numerator ? indicator.numerator() : indicator.denominator());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: rows are fetched in batches, not all held
            forEachItem(c, indicator, where, params(List.of(unit), from, to), "", sink);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the records of " + indicator, e);
        }
    }

    /** One fact of the weekly feed: its kind (payment, digitisation, rating, feedback) and what it says. */
    public record Fact(String kind, String sourceSystem, String id, String unitCode, LocalDate day, String detail) {}

    /** Every payment, digitisation, rating and feedback record of {@code codes} over [from, to], by kind, unit, day. */
    public List<Fact> facts(List<String> codes, LocalDate from, LocalDate to) {
        List<Fact> out = new ArrayList<>();
        Map<String, Object> params = params(codes, from, to);
        try (Connection c = dataSource.getConnection()) {
            for (Indicator.Source src : Indicator.Source.values()) {
                if (src.table().equals("dossier")) {
                    continue;
                }
                NamedSql sql = NamedSql.of("SELECT source_system, " + src.idColumn() + ", unit_code, "
                        + src.dayColumn() + ", " + src.detail() + " FROM " + src.table() + " WHERE " + src.where()
                        + " ORDER BY unit_code, " + src.dayColumn() + ", source_system, " + src.idColumn());
                try (PreparedStatement s = sql.prepare(c)) {
                    sql.bind(s, params);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Fact(
                                    src.name().toLowerCase(java.util.Locale.ROOT),
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getObject(4, LocalDate.class),
                                    rs.getString(5)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the week's facts", e);
        }
        return out;
    }

    private static void forEachItem(
            Connection c,
            Indicator indicator,
            String where,
            Map<String, Object> params,
            String limit,
            java.util.function.Consumer<Item> sink)
            throws SQLException {
        Indicator.Source src = indicator.source();
        NamedSql list = NamedSql.of("SELECT source_system, " + src.idColumn() + ", unit_code, " + src.dayColumn()
                + ", coalesce(" + indicator.numerator() + ", false), " + src.detail() + where + " ORDER BY "
                + src.dayColumn() + ", source_system, " + src.idColumn() + limit);
        try (PreparedStatement s = list.prepare(c)) {
            s.setFetchSize(1_000);
            list.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new Item(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getObject(4, LocalDate.class),
                            rs.getBoolean(5),
                            rs.getString(6)));
                }
            }
        }
    }
}
