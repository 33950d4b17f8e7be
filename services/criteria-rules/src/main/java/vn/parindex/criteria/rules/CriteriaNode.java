package vn.parindex.criteria.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * One node of a criteria tree. Leaves carry a rule; inner nodes sum their children. {@code appliesTo} lists the
 * unit types the node applies to (empty: all); for other units it drops out of the maximum.
 */
public record CriteriaNode(
        String code,
        String nameVi,
        String nameEn,
        NodeKind kind,
        BigDecimal maxPoints,
        Integer order,
        ScoreSource scoreSource,
        Rule rule,
        List<String> appliesTo,
        String note,
        List<CriteriaNode> children) {

    public CriteriaNode {
        appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
        children = children == null ? List.of() : List.copyOf(children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    public boolean appliesTo(String unitType) {
        return appliesTo.isEmpty() || unitType == null || appliesTo.contains(unitType);
    }

    public CriteriaNode withChildren(List<CriteriaNode> newChildren) {
        return new CriteriaNode(
                code, nameVi, nameEn, kind, maxPoints, order, scoreSource, rule, appliesTo, note, newChildren);
    }
}
