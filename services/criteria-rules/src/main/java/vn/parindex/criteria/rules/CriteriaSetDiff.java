package vn.parindex.criteria.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two criteria sets, node by node (matched by code). */
public final class CriteriaSetDiff {

    /** A node present in one set only, with its parent. */
    public record NodeRef(String code, String parentCode, String nameVi, java.math.BigDecimal maxPoints) {}

    /** A node in both sets whose attributes differ; {@code changes} maps attribute → [before, after]. */
    public record Changed(String code, Map<String, List<Object>> changes) {}

    public record Result(String from, String to, List<NodeRef> added, List<NodeRef> removed, List<Changed> changed) {}

    private CriteriaSetDiff() {}

    public static Result diff(CriteriaSet from, CriteriaSet to) {
        Map<String, Placed> before = index(from.nodes());
        Map<String, Placed> after = index(to.nodes());
        List<NodeRef> added = new ArrayList<>();
        List<NodeRef> removed = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        after.forEach((code, p) -> {
            if (!before.containsKey(code)) {
                added.add(p.ref());
            }
        });
        before.forEach((code, p) -> {
            Placed q = after.get(code);
            if (q == null) {
                removed.add(p.ref());
                return;
            }
            Map<String, List<Object>> changes = new LinkedHashMap<>();
            compare(changes, "parentCode", p.parent, q.parent);
            compare(changes, "nameVi", p.node.nameVi(), q.node.nameVi());
            compare(changes, "nameEn", p.node.nameEn(), q.node.nameEn());
            compare(changes, "kind", p.node.kind(), q.node.kind());
            compare(changes, "maxPoints", strip(p.node.maxPoints()), strip(q.node.maxPoints()));
            compare(changes, "scoreSource", p.node.scoreSource(), q.node.scoreSource());
            compare(changes, "rule", p.node.rule(), q.node.rule());
            compare(changes, "appliesTo", p.node.appliesTo(), q.node.appliesTo());
            if (!changes.isEmpty()) {
                changed.add(new Changed(code, changes));
            }
        });
        return new Result(from.code(), to.code(), added, removed, changed);
    }

    private record Placed(CriteriaNode node, String parent) {
        NodeRef ref() {
            return new NodeRef(node.code(), parent, node.nameVi(), node.maxPoints());
        }
    }

    private static Map<String, Placed> index(List<CriteriaNode> nodes) {
        Map<String, Placed> map = new LinkedHashMap<>();
        walk(nodes, null, map);
        return map;
    }

    private static void walk(List<CriteriaNode> nodes, String parent, Map<String, Placed> into) {
        for (CriteriaNode n : nodes) {
            into.put(n.code(), new Placed(n, parent));
            walk(n.children(), n.code(), into);
        }
    }

    private static void compare(Map<String, List<Object>> changes, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            List<Object> pair = new ArrayList<>();
            pair.add(a);
            pair.add(b);
            changes.put(name, pair);
        }
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros();
    }
}
