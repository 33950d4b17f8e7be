package vn.parindex.dossier.domain;

/** How a dossier was submitted. */
public enum Channel {
    DIRECT,
    POSTAL,
    ONLINE
}
