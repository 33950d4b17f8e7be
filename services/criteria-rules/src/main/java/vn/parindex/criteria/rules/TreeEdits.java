package vn.parindex.criteria.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Edits of a criteria tree that return a new tree (the input is never changed). */
public final class TreeEdits {

    private TreeEdits() {}

    public static Optional<CriteriaNode> find(List<CriteriaNode> nodes, String code) {
        for (CriteriaNode n : nodes) {
            if (n.code().equals(code)) {
                return Optional.of(n);
            }
            Optional<CriteriaNode> below = find(n.children(), code);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    /** Replaces the node with {@code code} (and its subtree) by {@code replacement}. */
    public static List<CriteriaNode> replace(List<CriteriaNode> nodes, String code, CriteriaNode replacement) {
        List<CriteriaNode> out = new ArrayList<>(nodes.size());
        for (CriteriaNode n : nodes) {
            out.add(n.code().equals(code) ? replacement : n.withChildren(replace(n.children(), code, replacement)));
        }
        return out;
    }

    /** Adds {@code node} as the last child of {@code parentCode}, or at the top level when it is {@code null}. */
    public static List<CriteriaNode> add(List<CriteriaNode> nodes, String parentCode, CriteriaNode node) {
        if (parentCode == null) {
            List<CriteriaNode> out = new ArrayList<>(nodes);
            out.add(node);
            return out;
        }
        List<CriteriaNode> out = new ArrayList<>(nodes.size());
        for (CriteriaNode n : nodes) {
            if (n.code().equals(parentCode)) {
                List<CriteriaNode> children = new ArrayList<>(n.children());
                children.add(node);
                out.add(n.withChildren(children));
            } else {
                out.add(n.withChildren(add(n.children(), parentCode, node)));
            }
        }
        return out;
    }

    public static List<CriteriaNode> remove(List<CriteriaNode> nodes, String code) {
        List<CriteriaNode> out = new ArrayList<>(nodes.size());
        for (CriteriaNode n : nodes) {
            if (!n.code().equals(code)) {
                out.add(n.withChildren(remove(n.children(), code)));
            }
        }
        return out;
    }

    public static int count(List<CriteriaNode> nodes) {
        int total = 0;
        for (CriteriaNode n : nodes) {
            total += 1 + count(n.children());
        }
        return total;
    }
}
