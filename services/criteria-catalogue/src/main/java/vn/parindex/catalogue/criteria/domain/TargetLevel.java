package vn.parindex.catalogue.criteria.domain;

/** The peer level a criteria set scores. */
public enum TargetLevel {
    PROVINCE,
    AGENCY,
    DISTRICT,
    COMMUNE
}
