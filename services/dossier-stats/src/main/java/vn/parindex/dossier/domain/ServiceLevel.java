package vn.parindex.dossier.domain;

/**
 * Online service level of a procedure: the Decree 42/2022 scale ({@code FULL} toàn trình, {@code PARTIAL} một
 * phần, {@code NONE}) or the older Decree 43/2011 scale ({@code LEVEL_2}..{@code LEVEL_4}).
 */
public enum ServiceLevel {
    FULL,
    PARTIAL,
    NONE,
    LEVEL_2,
    LEVEL_3,
    LEVEL_4;

    public boolean isLevel34() {
        return this == LEVEL_3 || this == LEVEL_4;
    }
}
