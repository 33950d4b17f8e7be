package vn.parindex.registry.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.parindex.common.api.PageRequest;
import vn.parindex.registry.domain.Level;

/** Reads that write use cases validate against, inside their transaction (plain reads use the read model). */
@ApplicationScoped
public class UnitRepository {

    /** A version is valid on :d. */
    private static final String VALID_ON = "(%1$s.valid_from IS NULL OR %1$s.valid_from <= :d)"
            + " AND (%1$s.valid_to IS NULL OR %1$s.valid_to >= :d)";

    private static final String LEVEL_ORDER =
            "CASE v.level WHEN 'PROVINCE' THEN 0 WHEN 'DISTRICT' THEN 1 WHEN 'COMMUNE' THEN 2 ELSE 3 END";

    private final EntityManager em;

    public UnitRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<UnitVersion> findAsOf(String code, LocalDate day) {
        return em.createQuery(
                        "from UnitVersion v where v.code = :code"
                                + " and (v.validFrom is null or v.validFrom <= :d)"
                                + " and (v.validTo is null or v.validTo >= :d)",
                        UnitVersion.class)
                .setParameter("code", code)
                .setParameter("d", day)
                .getResultStream()
                .findFirst();
    }

    /** All versions of a code, oldest first. */
    public List<UnitVersion> versionsOf(String code) {
        return em.createQuery(
                        "from UnitVersion v where v.code = :code order by v.validFrom asc nulls first",
                        UnitVersion.class)
                .setParameter("code", code)
                .getResultList();
    }

    public boolean codeExists(String code) {
        return !em.createQuery("select 1 from UnitVersion v where v.code = :code")
                .setParameter("code", code)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public Listing descendants(String code, LocalDate day, Level level, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("d", day);
        String sql = "WITH RECURSIVE tree(id, code, depth) AS ("
                + " SELECT v.id, v.code, 1 FROM unit_version v WHERE v.parent_code = :code AND "
                + VALID_ON.formatted("v")
                + " UNION ALL SELECT c.id, c.code, t.depth + 1 FROM unit_version c JOIN tree t ON c.parent_code = t.code"
                + " WHERE t.depth < 16 AND " + VALID_ON.formatted("c")
                + ") SELECT v.* FROM unit_version v JOIN tree t ON t.id = v.id";
        if (level != null) {
            sql += " WHERE v.level = :level";
            params.put("level", level.name());
        }
        return page(sql, "ORDER BY " + LEVEL_ORDER + ", v.code", params, page);
    }

    /** Whether {@code candidate} is {@code code} itself or below it on {@code day}. */
    public boolean isSelfOrDescendant(String code, String candidate, LocalDate day) {
        if (code.equals(candidate)) {
            return true;
        }
        Object hit = em.createNativeQuery("WITH RECURSIVE tree(code, depth) AS ("
                        + " SELECT v.code, 1 FROM unit_version v WHERE v.parent_code = :code AND "
                        + VALID_ON.formatted("v")
                        + " UNION ALL SELECT c.code, t.depth + 1 FROM unit_version c JOIN tree t ON c.parent_code = t.code"
                        + " WHERE t.depth < 16 AND " + VALID_ON.formatted("c")
                        + ") SELECT count(*) FROM tree WHERE code = :candidate")
                .setParameter("code", code)
                .setParameter("d", day)
                .setParameter("candidate", candidate)
                .getSingleResult();
        return ((Number) hit).longValue() > 0;
    }

    /** Open children of {@code code} on {@code day}. */
    public List<UnitVersion> childrenOn(String code, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<UnitVersion> list = em.createNativeQuery(
                        "SELECT v.* FROM unit_version v WHERE v.parent_code = :code AND " + VALID_ON.formatted("v")
                                + " ORDER BY v.code",
                        UnitVersion.class)
                .setParameter("code", code)
                .setParameter("d", day)
                .getResultList();
        return list;
    }

    /** One page of a native listing and its total. */
    public record Listing(List<UnitVersion> items, long total) {}

    private Listing page(String select, String orderBy, Map<String, Object> params, PageRequest page) {
        Query count = em.createNativeQuery("SELECT count(*) FROM (" + select + ") x");
        Query rows = em.createNativeQuery(select + " " + orderBy + " LIMIT :limit OFFSET :offset", UnitVersion.class);
        params.forEach((k, v) -> {
            if (select.contains(":" + k)) {
                count.setParameter(k, v);
            }
            rows.setParameter(k, v);
        });
        rows.setParameter("limit", page.size());
        rows.setParameter("offset", page.offset());
        @SuppressWarnings("unchecked")
        List<UnitVersion> items = rows.getResultList();
        long total = items.size() < page.size() && page.page() == 0
                ? items.size()
                : ((Number) count.getSingleResult()).longValue();
        return new Listing(items, total);
    }
}
