package vn.parindex.registry.domain;

/** What happened to a unit on a change event's effective date. */
public enum ChangeKind {
    CREATE,
    RENAME,
    RETYPE,
    REPARENT,
    MERGE,
    SPLIT,
    DISSOLVE
}
