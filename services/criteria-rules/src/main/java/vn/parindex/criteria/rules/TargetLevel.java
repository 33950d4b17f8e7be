package vn.parindex.criteria.rules;

/** The peer level a criteria set scores. */
public enum TargetLevel {
    PROVINCE,
    AGENCY,
    DISTRICT,
    COMMUNE
}
