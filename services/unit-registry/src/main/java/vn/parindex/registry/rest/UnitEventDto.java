package vn.parindex.registry.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.registry.domain.ChangeKind;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.Part;
import vn.parindex.registry.service.UnitEventService;
import vn.parindex.registry.store.LineageEdge;

/** Request and response bodies of {@code /api/unit-events}. */
public final class UnitEventDto {

    private UnitEventDto() {}

    @Schema(name = "UnitEventRequest", description = "A merge, split or dissolution on one date under one legal basis")
    public record Request(
            @NotNull @Schema(examples = "MERGE") ChangeKind kind,
            @NotNull @Schema(examples = "2026-04-30") LocalDate effectiveDate,

            @NotNull @Size(min = 1, max = 500) @Schema(examples = "Nghị quyết 30/2026/QH16")
            String legalBasis,

            @Size(max = 4000) String description,
            @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull PredecessorRef> predecessors,
            @Size(max = 200) List<@Valid @NotNull SuccessorSpec> successors,

            @Schema(description = "New parent for each child of a closed unit (needed for splits and dissolutions)")
            @Size(max = 5000)
            Map<@Size(max = 32) String, @NotNull @Size(max = 32) String> childMoves) {}

    @Schema(name = "UnitEventPredecessor")
    public record PredecessorRef(
            @NotNull @Size(min = 1, max = 32) @Schema(examples = "25270")
            String code,

            @Schema(description = "FULL (default for merges) or PARTIAL")
            Part part) {}

    @Schema(name = "UnitEventSuccessor", description = "A predecessor that continues (only code needed) or a new unit")
    public record SuccessorSpec(
            @NotNull @Size(min = 1, max = 32) @Schema(examples = "25270")
            String code,

            @Size(max = 200) @Schema(examples = "Phường Long Thành")
            String name,

            @Size(max = 64) @Schema(examples = "phường") String type,
            Level level,
            @Size(max = 32) @Schema(examples = "75") String parentCode) {}

    @Schema(name = "UnitEvent", description = "A recorded change event and its lineage links")
    public record Response(
            long id,
            ChangeKind kind,
            LocalDate effectiveDate,
            String legalBasis,
            @Schema(nullable = true) String description,
            String source,

            @Schema(nullable = true, description = "Who recorded the event (null for the seeded reform)")
            String recordedBy,

            OffsetDateTime recordedAt,
            List<Link> links) {}

    @Schema(name = "UnitEventLink")
    public record Link(String predecessorCode, String successorCode, Part part, boolean derived) {
        static Link of(LineageEdge e) {
            return new Link(e.predecessorCode, e.successorCode, e.part, e.derived);
        }
    }

    static Response of(UnitEventService.Recorded r) {
        return new Response(
                r.event().id,
                r.event().kind,
                r.event().effectiveDate,
                r.event().legalBasis,
                r.event().description,
                r.event().source.name(),
                r.event().recordedBy,
                r.event().recordedAt,
                r.edges().stream().map(Link::of).toList());
    }
}
