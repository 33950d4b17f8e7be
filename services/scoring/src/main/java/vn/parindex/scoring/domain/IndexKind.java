package vn.parindex.scoring.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an external index (SIPAS, PAPI …) states its values: a percentage (0–100) or a score on its own scale. */
@Schema(name = "IndexKind")
public enum IndexKind {
    PERCENT,
    SCORE
}
