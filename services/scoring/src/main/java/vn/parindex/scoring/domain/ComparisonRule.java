package vn.parindex.scoring.domain;

/**
 * How a unit without a result in the previous campaign is compared year over year. {@code NONE}: it is not
 * compared. {@code MEAN_OF_PREDECESSORS}: against the unweighted mean of the total points of its predecessors
 * (from the registry's lineage) that have a previous result, as the 2024 digital-transformation index compared
 * the 34 new provinces with the 63 old ones. No previous rank is invented for such a unit.
 */
public enum ComparisonRule {
    NONE,
    MEAN_OF_PREDECESSORS
}
