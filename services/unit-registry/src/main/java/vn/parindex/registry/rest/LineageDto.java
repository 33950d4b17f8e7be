package vn.parindex.registry.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.registry.domain.ChangeKind;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.LineageWalker;
import vn.parindex.registry.domain.Part;
import vn.parindex.registry.service.LineageService;

/** Lineage of one unit version. */
@Schema(name = "Lineage", description = "Predecessors and successors of a unit version, followed transitively")
public record LineageDto(UnitDto unit, List<Item> predecessors, List<Item> successors) {

    @Schema(name = "LineageItem", description = "A related unit version and the change that links it")
    public record Item(
            @Schema(examples = "10") String code,
            @Schema(examples = "Tỉnh Lào Cai") String name,
            @Schema(examples = "PROVINCE") Level level,
            LocalDate validFrom,
            @Schema(examples = "2025-06-30") LocalDate validTo,

            @Schema(description = "Kind of the change event that links it", examples = "MERGE")
            ChangeKind event,

            @Schema(examples = "2025-07-01") LocalDate effectiveDate,

            @Schema(description = "FULL when all of the predecessor went into the successor along this path")
            Part part,

            @Schema(description = "1 for direct relatives, 2 for their relatives, …", examples = "1")
            int depth,

            @Schema(description = "Code of the nearer relative this one was reached through (depth > 1)")
            String via) {}

    public static LineageDto of(LineageService.Lineage lineage) {
        return new LineageDto(UnitDto.of(lineage.unit()), items(lineage.predecessors()), items(lineage.successors()));
    }

    private static List<Item> items(List<LineageWalker.Entry> entries) {
        return entries.stream()
                .map(e -> new Item(
                        e.unit().code(),
                        e.unit().name(),
                        e.unit().level(),
                        e.unit().validFrom(),
                        e.unit().validTo(),
                        e.relative().event(),
                        e.relative().effectiveDate(),
                        e.relative().part(),
                        e.relative().depth(),
                        e.relative().via()))
                .toList();
    }
}
