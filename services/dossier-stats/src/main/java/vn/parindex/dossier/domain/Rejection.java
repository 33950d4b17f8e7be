package vn.parindex.dossier.domain;

/** A rejected input row: its line, the field at fault, why, and the value (when safe to echo). */
public record Rejection(long line, String field, String reason, String value) {}
