package vn.parindex.catalogue.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.catalogue.store.CriteriaSetRow;
import vn.parindex.criteria.rules.SetStatus;
import vn.parindex.criteria.rules.TargetLevel;

/** A criteria set in listings, without its tree. */
@Schema(name = "CriteriaSetSummary")
public record CriteriaSetSummary(
        @Schema(examples = "PAR_DIST_YB_2021") String code,
        String name,
        @Schema(examples = "2021") int year,
        TargetLevel targetLevel,
        SetStatus status,

        @Schema(description = "A proposal, not an official criteria set")
        boolean proposal,

        @Schema(examples = "100") BigDecimal totalPoints,
        @Schema(examples = "58") int nodeCount,

        @Schema(description = "Bumped on every change; the ETag is \"CODE-rREVISION\"")
        int revision,

        String clonedFrom,
        OffsetDateTime updatedAt,
        OffsetDateTime publishedAt) {

    static CriteriaSetSummary of(CriteriaSetRow r) {
        return new CriteriaSetSummary(
                r.code,
                r.name,
                r.year,
                r.targetLevel,
                r.status,
                r.proposal,
                r.totalPoints,
                r.nodeCount,
                r.revision,
                r.clonedFrom,
                r.updatedAt,
                r.publishedAt);
    }
}
