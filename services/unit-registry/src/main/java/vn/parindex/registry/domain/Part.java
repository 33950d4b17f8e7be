package vn.parindex.registry.domain;

/**
 * How much of a predecessor went into a successor: all of it ({@code FULL}) or a part, when the predecessor's
 * territory was divided over several successors ({@code PARTIAL}).
 */
public enum Part {
    FULL,
    PARTIAL;

    /** The part along a chain of links: partial as soon as one link is. */
    public Part then(Part next) {
        return this == FULL && next == FULL ? FULL : PARTIAL;
    }
}
