package vn.parindex.registry.unit.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.parindex.common.api.PageRequest;
import vn.parindex.registry.unit.domain.Level;
import vn.parindex.registry.unit.domain.NameFolding;

/** Reads of unit versions: lookups by code and date, listings, search and the hierarchy of one day. */
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

    public Listing search(UnitFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.asOf() != null) {
            where.append(" AND ").append(VALID_ON.formatted("v"));
            params.put("d", filter.asOf());
        }
        if (filter.level() != null) {
            where.append(" AND v.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.parentCode() != null) {
            where.append(" AND v.parent_code = :parent");
            params.put("parent", filter.parentCode());
        }
        if (filter.type() != null) {
            // Types are compared folded, so "phuong" and "phường" both select phường.
            String folded = NameFolding.fold(filter.type());
            List<String> types = distinctTypes().stream()
                    .filter(t -> NameFolding.fold(t).equals(folded))
                    .toList();
            where.append(types.isEmpty() ? " AND false" : " AND v.type IN (:types)");
            if (!types.isEmpty()) {
                params.put("types", types);
            }
        }
        String order = "v.code, v.valid_from NULLS FIRST";
        if (filter.query() != null && !NameFolding.fold(filter.query()).isEmpty()) {
            String folded = NameFolding.fold(filter.query());
            params.put("fq", folded);
            if (folded.matches("\\d+")) {
                where.append(" AND v.code LIKE :fq || '%'");
                order = "(v.code = :fq) DESC, v.code, v.valid_from NULLS FIRST";
            } else {
                where.append(" AND v.search_name LIKE '%' || :fq || '%'");
                String marked = "false";
                if (NameFolding.hasMarks(filter.query())) {
                    params.put("tk", NameFolding.toneKey(filter.query()));
                    marked = "(v.tone_key = :tk OR v.tone_key LIKE '% ' || :tk)";
                }
                order = "CASE WHEN " + marked + " THEN 0"
                        + " WHEN v.search_bare = :fq OR v.search_name = :fq THEN 1"
                        + " WHEN v.search_bare LIKE :fq || '%' THEN 2"
                        + " WHEN v.search_name LIKE '% ' || :fq || '%' THEN 3 ELSE 4 END,"
                        + " (v.valid_to IS NULL) DESC, " + LEVEL_ORDER + ", length(v.name), v.code,"
                        + " v.valid_from NULLS FIRST";
            }
        }
        return page("SELECT v.* FROM unit_version v" + where, "ORDER BY " + order, params, page);
    }

    public Listing children(String code, LocalDate day, Level level, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("d", day);
        String sql = "SELECT v.* FROM unit_version v WHERE v.parent_code = :code AND " + VALID_ON.formatted("v");
        if (level != null) {
            sql += " AND v.level = :level";
            params.put("level", level.name());
        }
        return page(sql, "ORDER BY " + LEVEL_ORDER + ", v.code", params, page);
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

    /** Parent first, up to the root; stops at a missing parent or a cycle. */
    public List<UnitVersion> ancestors(UnitVersion unit, LocalDate day) {
        List<UnitVersion> result = new ArrayList<>();
        List<String> seen = new ArrayList<>(List.of(unit.code));
        String parent = unit.parentCode;
        while (parent != null && !seen.contains(parent)) {
            Optional<UnitVersion> p = findAsOf(parent, day);
            if (p.isEmpty()) {
                break;
            }
            result.add(p.get());
            seen.add(parent);
            parent = p.get().parentCode;
        }
        return result;
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

    /** Number of units per level valid on {@code day}. */
    public Map<Level, Long> countByLevel(LocalDate day) {
        Map<Level, Long> counts = new LinkedHashMap<>();
        for (Level l : Level.values()) {
            counts.put(l, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT v.level, count(*) FROM unit_version v WHERE "
                        + VALID_ON.formatted("v") + " GROUP BY v.level")
                .setParameter("d", day)
                .getResultList();
        for (Object[] row : rows) {
            counts.put(Level.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The unit types in use (a few dozen). */
    public List<String> distinctTypes() {
        return em.createQuery("select distinct v.type from UnitVersion v", String.class)
                .getResultList();
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
