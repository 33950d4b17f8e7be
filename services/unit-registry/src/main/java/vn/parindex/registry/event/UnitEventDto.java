package vn.parindex.registry.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.registry.unit.domain.ChangeKind;
import vn.parindex.registry.unit.domain.Level;
import vn.parindex.registry.unit.domain.Part;
import vn.parindex.registry.unit.repository.LineageEdge;

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
            @NotNull @Valid List<PredecessorRef> predecessors,
            @Valid List<SuccessorSpec> successors,

            @Schema(description = "New parent for each child of a closed unit (needed for splits and dissolutions)")
            Map<String, String> childMoves) {}

    @Schema(name = "UnitEventPredecessor")
    public record PredecessorRef(
            @NotNull @Schema(examples = "25270") String code,

            @Schema(description = "FULL (default for merges) or PARTIAL")
            Part part) {}

    @Schema(name = "UnitEventSuccessor", description = "A predecessor that continues (only code needed) or a new unit")
    public record SuccessorSpec(
            @NotNull @Schema(examples = "25270") String code,
            @Schema(examples = "Phường Long Thành") String name,
            @Schema(examples = "phường") String type,
            Level level,
            @Schema(examples = "75") String parentCode) {}

    @Schema(name = "UnitEvent", description = "A recorded change event and its lineage links")
    public record Response(
            long id,
            ChangeKind kind,
            LocalDate effectiveDate,
            String legalBasis,
            String description,
            String source,
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
                r.edges().stream().map(Link::of).toList());
    }
}
