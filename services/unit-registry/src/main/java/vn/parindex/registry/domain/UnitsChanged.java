package vn.parindex.registry.domain;

/** Fired inside a transaction that changed units; the read model reloads once it has committed. */
public record UnitsChanged(String what) {}
