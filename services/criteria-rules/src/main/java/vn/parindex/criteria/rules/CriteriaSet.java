package vn.parindex.criteria.rules;

import java.math.BigDecimal;
import java.util.List;

/** A versioned criteria set (bộ tiêu chí): the tree of nodes, its total and its classification bands. */
public record CriteriaSet(
        String code,
        String name,
        int year,
        TargetLevel targetLevel,
        String legalBasis,
        BigDecimal totalPoints,
        SetStatus status,
        boolean proposal,
        String description,
        List<ClassificationBand> bands,
        List<CriteriaNode> nodes) {

    public CriteriaSet {
        bands = bands == null ? List.of() : List.copyOf(bands);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    public CriteriaSet withStatus(SetStatus newStatus) {
        return new CriteriaSet(
                code, name, year, targetLevel, legalBasis, totalPoints, newStatus, proposal, description, bands, nodes);
    }

    public CriteriaSet withNodes(List<CriteriaNode> newNodes) {
        return new CriteriaSet(
                code, name, year, targetLevel, legalBasis, totalPoints, status, proposal, description, bands, newNodes);
    }

    public CriteriaSet asDraft(String newCode, int newYear) {
        return new CriteriaSet(
                newCode,
                name,
                newYear,
                targetLevel,
                legalBasis,
                totalPoints,
                SetStatus.DRAFT,
                proposal,
                description,
                bands,
                nodes);
    }
}
