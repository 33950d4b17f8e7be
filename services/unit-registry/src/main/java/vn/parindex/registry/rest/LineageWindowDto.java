package vn.parindex.registry.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.parindex.registry.domain.ChangeKind;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.LineageWalker;
import vn.parindex.registry.domain.Part;
import vn.parindex.registry.domain.WindowedLineage;
import vn.parindex.registry.service.LineageService;

/** Bodies of {@code POST /api/units/lineage}: the lineage of many units over a window of dates. */
public final class LineageWindowDto {

    /** Most codes one request may ask for (every commune and district of both structures fits). */
    public static final int MAX_CODES = 20_000;

    private LineageWindowDto() {}

    @Schema(
            name = "LineageWindowRequest",
            description = "Units whose lineage over (from, to] is wanted; duplicates are answered once")
    public record Request(
            @NotNull
            @Size(min = 1, max = MAX_CODES)
            @Schema(description = "Unit codes, 1 to 20,000", examples = "[\"15\", \"08\"]")
            List<String> codes,

            @NotNull
            @Schema(description = "Day before the window: events effective after it count", examples = "2024-12-31")
            LocalDate from,

            @NotNull @Schema(description = "Last day of the window (on or after from)", examples = "2025-12-31")
            LocalDate to,

            @Schema(
                    description = "Follow derived links (dissolved district → new communes) backwards too",
                    defaultValue = "false",
                    examples = "false")
            Boolean includeDerived) {}

    @Schema(name = "LineageWindow", description = "Lineage of many units over the window (from, to]")
    public record Response(
            @Schema(examples = "2024-12-31") LocalDate from,
            @Schema(examples = "2025-12-31") LocalDate to,

            @Schema(description = "One item per known code, in request order")
            List<Item> items,

            @Schema(description = "Codes with no version valid on from nor on to", examples = "[\"99999\"]")
            List<String> unknown) {}

    @Schema(name = "LineageWindowItem", description = "One unit and its relatives through the window's events")
    public record Item(
            @Schema(examples = "15") String code,

            @Schema(description = "The version valid on to; when there is none, the version valid on from")
            UnitDto unit,

            @Schema(description = "Walking backwards from the version valid on to; nearest first")
            List<Relative> predecessors,

            @Schema(description = "Walking forwards from the version valid on from; nearest first")
            List<Relative> successors) {}

    @Schema(name = "LineageWindowRelative", description = "A related unit version and the change that links it")
    public record Relative(
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
            String via,

            @Schema(description = "This version was valid on from (the unit a year-over-year comparison uses)")
            boolean validOnFrom) {}

    public static Response of(LineageService.WindowLineage lineage) {
        LocalDate from = lineage.from();
        return new Response(
                from,
                lineage.to(),
                lineage.items().stream().map(a -> item(a, from)).toList(),
                lineage.unknown());
    }

    private static Item item(WindowedLineage.Answer a, LocalDate from) {
        return new Item(
                a.code(), UnitDto.of(a.unit()), relatives(a.predecessors(), from), relatives(a.successors(), from));
    }

    private static List<Relative> relatives(List<LineageWalker.Entry> entries, LocalDate from) {
        return entries.stream()
                .map(e -> new Relative(
                        e.unit().code(),
                        e.unit().name(),
                        e.unit().level(),
                        e.unit().validFrom(),
                        e.unit().validTo(),
                        e.relative().event(),
                        e.relative().effectiveDate(),
                        e.relative().part(),
                        e.relative().depth(),
                        e.relative().via(),
                        e.unit().validOn(from)))
                .toList();
    }
}
