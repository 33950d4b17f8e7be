package vn.parindex.registry.lineage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.parindex.registry.lineage.LineageWalker.Link;
import vn.parindex.registry.lineage.LineageWalker.Relative;
import vn.parindex.registry.lineage.LineageWalker.VersionRef;
import vn.parindex.registry.unit.domain.ChangeKind;
import vn.parindex.registry.unit.domain.Part;
import vn.parindex.registry.unit.readmodel.UnitReadModel;
import vn.parindex.registry.unit.readmodel.UnitView;
import vn.parindex.registry.unit.service.UnitQueryService;

/** Predecessors and successors of a unit version, followed transitively. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LineageService {

    /** A relative with the version it points at. */
    public record Entry(UnitView unit, Relative relative) {}

    public record Lineage(UnitView unit, List<Entry> predecessors, List<Entry> successors) {}

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
