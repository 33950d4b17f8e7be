package vn.parindex.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.registry.domain.ChangeKind;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.Part;

/**
 * The classification change list: one row per old code → new code link, like a statistics office publishes,
 * plus one row for each event without links (a unit created from nothing, or dissolved without successors).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeListService {

    /** One line of the change list. */
    public record ChangeRow(
            long eventId,
            LocalDate effectiveDate,
            ChangeKind kind,
            String oldCode,
            String oldName,
            Level oldLevel,
            String newCode,
            String newName,
            Level newLevel,
            Part part,
            boolean derived,
            String legalBasis) {}

    private static final String VERSION_ON = " AND (%1$s.valid_from IS NULL OR %1$s.valid_from <= %2$s)"
            + " AND (%1$s.valid_to IS NULL OR %1$s.valid_to >= %2$s)";

    private final EntityManager em;

    public ChangeListService(EntityManager em) {
        this.em = em;
    }

    public Page<ChangeRow> listChanges(
            LocalDate from, LocalDate to, String code, boolean includeDerived, PageRequest page) {
        String linked = "SELECT ev.id, ev.effective_date, ev.kind, e.predecessor_code AS old_code, pv.name AS old_name,"
                + " pv.level AS old_level, e.successor_code AS new_code, sv.name AS new_name, sv.level AS new_level,"
                + " e.part, e.derived, ev.legal_basis"
                + " FROM lineage_edge e JOIN unit_event ev ON ev.id = e.event_id"
                + " LEFT JOIN unit_version pv ON pv.code = e.predecessor_code"
                + VERSION_ON.formatted("pv", "ev.effective_date - 1")
                + " LEFT JOIN unit_version sv ON sv.code = e.successor_code"
                + VERSION_ON.formatted("sv", "ev.effective_date")
                + " WHERE ev.effective_date BETWEEN :from AND :to"
                + (includeDerived ? "" : " AND NOT e.derived");
        String unlinked =
                "SELECT ev.id, ev.effective_date, ev.kind, pv.code, pv.name, pv.level, sv.code, sv.name, sv.level,"
                        + " NULL, false, ev.legal_basis"
                        + " FROM unit_event ev"
                        + " LEFT JOIN unit_version pv ON pv.closed_by_event = ev.id"
                        + " LEFT JOIN unit_version sv ON sv.opened_by_event = ev.id"
                        + " WHERE ev.effective_date BETWEEN :from AND :to AND NOT EXISTS (SELECT 1 FROM lineage_edge x"
                        + " WHERE x.event_id = ev.id" + (includeDerived ? "" : " AND NOT x.derived") + ")";
        String all = "SELECT * FROM (" + linked + " UNION ALL " + unlinked + ") c"
                + (code == null ? "" : " WHERE c.old_code = :code OR c.new_code = :code");
        Query count = em.createNativeQuery("SELECT count(*) FROM (" + all + ") n");
        Query rows =
                em.createNativeQuery(all + " ORDER BY 2, 4 NULLS FIRST, 7 NULLS FIRST, 1 LIMIT :limit OFFSET :offset");
        for (Query q : List.of(count, rows)) {
            q.setParameter("from", from);
            q.setParameter("to", to);
            if (code != null) {
                q.setParameter("code", code);
            }
        }
        rows.setParameter("limit", page.size());
        rows.setParameter("offset", page.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        List<ChangeRow> items = result.stream().map(ChangeListService::row).toList();
        return Page.of(items, page, ((Number) count.getSingleResult()).longValue());
    }

    private static ChangeRow row(Object[] r) {
        return new ChangeRow(
                ((Number) r[0]).longValue(),
                date(r[1]),
                ChangeKind.valueOf((String) r[2]),
                (String) r[3],
                (String) r[4],
                r[5] == null ? null : Level.valueOf((String) r[5]),
                (String) r[6],
                (String) r[7],
                r[8] == null ? null : Level.valueOf((String) r[8]),
                r[9] == null ? null : Part.valueOf((String) r[9]),
                Boolean.TRUE.equals(r[10]),
                (String) r[11]);
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
