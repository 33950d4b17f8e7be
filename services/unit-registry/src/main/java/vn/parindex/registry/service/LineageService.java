package vn.parindex.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.parindex.registry.domain.ChangeKind;
import vn.parindex.registry.domain.LineageWalker;
import vn.parindex.registry.domain.LineageWalker.Entry;
import vn.parindex.registry.domain.LineageWalker.Link;
import vn.parindex.registry.domain.LineageWalker.Relative;
import vn.parindex.registry.domain.LineageWalker.VersionRef;
import vn.parindex.registry.domain.Part;
import vn.parindex.registry.domain.UnitSnapshot;
import vn.parindex.registry.domain.UnitView;
import vn.parindex.registry.domain.WindowedLineage;
import vn.parindex.registry.store.UnitReadModel;

/** Predecessors and successors of a unit version, followed transitively. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LineageService {

    private static final Logger LOG = Logger.getLogger(LineageService.class);

    /** From this many start codes on, the window's edges are read whole instead of walked to in SQL. */
    static final int WHOLE_WINDOW_FROM = 256;

    /** A relative with the version it points at. */
    public record Lineage(UnitView unit, List<Entry> predecessors, List<Entry> successors) {}

    /** Lineage of many units over the window {@code (from, to]}. */
    public record WindowLineage(
            LocalDate from, LocalDate to, List<WindowedLineage.Answer> items, List<String> unknown) {}

    private final EntityManager em;
    private final UnitReadModel readModel;
    private final UnitQueryService queries;

    public LineageService(EntityManager em, UnitReadModel readModel, UnitQueryService queries) {
        this.em = em;
        this.readModel = readModel;
        this.queries = queries;
    }

    /**
     * Lineage of the version of {@code code} valid on {@code day}. Derived edges (a dissolved district → the new
     * communes of its communes) are followed forwards always, backwards only when asked, so that a commune's
     * predecessors are the communes the sources name.
     */
    public Lineage lineageOf(String code, LocalDate day, boolean includeDerived) {
        UnitView unit = queries.findUnitAsOf(code, day);
        VersionRef start = new VersionRef(unit.code(), unit.validFrom());
        List<Relative> preds = LineageWalker.walk(start, v -> step(v, true, includeDerived));
        List<Relative> succs = LineageWalker.walk(start, v -> step(v, false, true));
        return new Lineage(unit, resolve(preds), resolve(succs));
    }

    /**
     * Lineage of many units over the window {@code (from, to]} (see {@link WindowedLineage}): one SQL statement
     * reads the window's edges for all the codes at once, then the walks run in memory on the read model's versions
     * with the pure rules of {@link WindowedLineage} and {@link LineageWalker}. Codes must be well-formed (a
     * recursive read passes them joined with commas).
     */
    public WindowLineage lineageOfMany(List<String> codes, LocalDate from, LocalDate to, boolean includeDerived) {
        long started = System.nanoTime();
        UnitSnapshot snapshot = readModel.current();
        List<String> backwards = WindowedLineage.backwardStarts(snapshot, codes, to);
        List<String> forwards = WindowedLineage.forwardStarts(snapshot, codes, from);
        List<WindowedLineage.Edge> edges = backwards.isEmpty() && forwards.isEmpty()
                ? List.of()
                : reachableEdges(backwards, forwards, from, to, includeDerived);
        long loaded = System.nanoTime();
        WindowedLineage.Result result = new WindowedLineage(snapshot, from, to, includeDerived, edges).answer(codes);
        LOG.debugf(
                "Lineage of %d codes over (%s, %s]: %d edges read in %d ms, walked in %d ms",
                codes.size(),
                from,
                to,
                edges.size(),
                (loaded - started) / 1_000_000,
                (System.nanoTime() - loaded) / 1_000_000);
        return new WindowLineage(from, to, result.items(), result.unknown());
    }

    /**
     * The edges of events effective in {@code (from, to]} that the walks may follow, in one statement. For many
     * codes, every edge of the window: one indexed range read, cheaper than finding the few it leaves out. For a
     * few, those reachable backwards from {@code backwards} and forwards from {@code forwards} by code (a superset
     * of what the version-exact walk follows), in one recursive query.
     */
    private List<WindowedLineage.Edge> reachableEdges(
            List<String> backwards, List<String> forwards, LocalDate from, LocalDate to, boolean includeDerived) {
        String inWindow = " ev.effective_date > :wfrom AND ev.effective_date <= :wto";
        String columns = " e.predecessor_code, e.successor_code, ev.kind, ev.effective_date, e.part, e.derived";
        boolean wholeWindow = backwards.size() + forwards.size() > WHOLE_WINDOW_FROM;
        String sql;
        if (wholeWindow) {
            sql = "SELECT" + columns + " FROM unit_event ev JOIN lineage_edge e ON e.event_id = ev.id WHERE" + inWindow;
        } else {
            String backEdge = inWindow + (includeDerived ? "" : " AND NOT e.derived");
            sql = "WITH RECURSIVE back(code) AS ("
                    + " SELECT unnest(string_to_array(:back, ','))"
                    + " UNION SELECT e.predecessor_code FROM back b JOIN lineage_edge e ON e.successor_code = b.code"
                    + " JOIN unit_event ev ON ev.id = e.event_id WHERE" + backEdge
                    + "), fwd(code) AS ("
                    + " SELECT unnest(string_to_array(:fwd, ','))"
                    + " UNION SELECT e.successor_code FROM fwd f JOIN lineage_edge e ON e.predecessor_code = f.code"
                    + " JOIN unit_event ev ON ev.id = e.event_id WHERE" + inWindow
                    + ") SELECT" + columns + " FROM back b JOIN lineage_edge e ON e.successor_code = b.code"
                    + " JOIN unit_event ev ON ev.id = e.event_id WHERE" + backEdge
                    + " UNION SELECT" + columns + " FROM fwd f JOIN lineage_edge e ON e.predecessor_code = f.code"
                    + " JOIN unit_event ev ON ev.id = e.event_id WHERE" + inWindow;
        }
        var query = em.createNativeQuery(sql).setParameter("wfrom", from).setParameter("wto", to);
        if (!wholeWindow) {
            query.setParameter("back", String.join(",", backwards)).setParameter("fwd", String.join(",", forwards));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<WindowedLineage.Edge> edges = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            edges.add(new WindowedLineage.Edge(
                    (String) row[0],
                    (String) row[1],
                    ChangeKind.valueOf((String) row[2]),
                    toLocalDate(row[3]),
                    Part.valueOf((String) row[4]),
                    Boolean.TRUE.equals(row[5])));
        }
        return edges;
    }

    private List<Entry> resolve(List<Relative> relatives) {
        List<Entry> entries = new ArrayList<>();
        for (Relative r : relatives) {
            version(r.version()).ifPresent(v -> entries.add(new Entry(v, r)));
        }
        return entries;
    }

    private Optional<UnitView> version(VersionRef ref) {
        return readModel.current().versions(ref.code()).stream()
                .filter(v -> java.util.Objects.equals(v.validFrom(), ref.validFrom()))
                .findFirst();
    }

    private List<Link> step(VersionRef ref, boolean backwards, boolean includeDerived) {
        Optional<UnitView> found = version(ref);
        if (found.isEmpty()) {
            return List.of();
        }
        UnitView v = found.get();
        // Backwards: events that took effect during this version. Forwards: events effective the day after it.
        String dateExpr = backwards ? "ev.effective_date" : "(ev.effective_date - 1)";
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(backwards ? "e.predecessor_code" : "e.successor_code")
                .append(
                        ", ev.kind, ev.effective_date, e.part FROM lineage_edge e JOIN unit_event ev ON ev.id = e.event_id")
                .append(" WHERE ")
                .append(backwards ? "e.successor_code" : "e.predecessor_code")
                .append(" = :code");
        if (!includeDerived) {
            sql.append(" AND NOT e.derived");
        }
        if (v.validFrom() != null) {
            sql.append(" AND ").append(dateExpr).append(" >= :vf");
        }
        if (v.validTo() != null) {
            sql.append(" AND ").append(dateExpr).append(" <= :vt");
        }
        sql.append(" ORDER BY ev.effective_date, 1");
        var query = em.createNativeQuery(sql.toString()).setParameter("code", v.code());
        if (v.validFrom() != null) {
            query.setParameter("vf", v.validFrom());
        }
        if (v.validTo() != null) {
            query.setParameter("vt", v.validTo());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Link> links = new ArrayList<>();
        for (Object[] row : rows) {
            String other = (String) row[0];
            LocalDate effective = toLocalDate(row[2]);
            LocalDate versionDay = backwards ? effective.minusDays(1) : effective;
            readModel
                    .current()
                    .find(other, versionDay)
                    .ifPresent(o -> links.add(new Link(
                            new VersionRef(o.code(), o.validFrom()),
                            ChangeKind.valueOf((String) row[1]),
                            effective,
                            Part.valueOf((String) row[3]))));
        }
        return links;
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
