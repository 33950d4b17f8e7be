package vn.parindex.criteria.rules;

/** Kinds of node in a criteria tree: parts and fields group criteria; adjustments add or deduct after the sums. */
public enum NodeKind {
    PART,
    FIELD,
    CRITERION,
    SUB_CRITERION,
    ADJUSTMENT
}
