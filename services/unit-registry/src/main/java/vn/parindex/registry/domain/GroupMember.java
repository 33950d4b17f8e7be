package vn.parindex.registry.domain;

/** A unit as a version of a peer group holds it: as the unit was on the version's date. */
public record GroupMember(String code, String name, String type, Level level, String parentCode) {}
