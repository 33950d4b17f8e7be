package vn.parindex.dossier.domain;

import java.util.Arrays;
import java.util.List;

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

    /** Counted in the level-3/4 share (Decree 43/2011 scale). */
    public boolean isLevel34() {
        return this == LEVEL_3 || this == LEVEL_4;
    }

    /** The levels {@link #isLevel34} holds for, from which statistics' SQL builds its list. */
    public static List<ServiceLevel> level34() {
        return Arrays.stream(values()).filter(ServiceLevel::isLevel34).toList();
    }
}
