package vn.parindex.registry.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.common.api.Params;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.UnitCodes;
import vn.parindex.registry.domain.UnitSnapshot;
import vn.parindex.registry.service.LineageService;
import vn.parindex.registry.service.UnitQueryService;

/** Reads of units: one unit, listings and search, the hierarchy of a day, history and lineage. */
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "Administrative units and agencies by official code, on any date")
@APIResponse(responseCode = "400", description = "Malformed parameter")
public class UnitResource {

    private static final int HIERARCHY_DEFAULT_SIZE = 500;
    private static final int HIERARCHY_MAX_SIZE = 20_000;

    private static final int VERSIONS_DEFAULT_SIZE = 5_000;
    /** Malformed codes named in one answer at most. */
    private static final int MAX_CODE_ERRORS = 50;

    private final UnitQueryService queries;
    private final LineageService lineage;

    public UnitResource(UnitQueryService queries, LineageService lineage) {
        this.queries = queries;
        this.lineage = lineage;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "The version of a unit valid on a date (default today)")
    @APIResponse(responseCode = "200", description = "The unit")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND: no such code, or not valid on asOf")
    public UnitDto get(@RestPath String code, @RestQuery @Parameter(example = "2025-07-01") String asOf) {
        return UnitDto.of(queries.findUnitAsOf(
                Params.matching("code", code, UnitCodes::isWellFormed, UnitCodes.EXPECTED),
                Params.dateOrToday("asOf", asOf)));
    }

    @GET
    @Operation(
            summary = "List or search units",
            description = "Filters combine. q matches names without regard to diacritics or tone-mark placement,"
                    + " best match first; a q without asOf searches every version (historical units too),"
                    + " otherwise the listing is of asOf (default today).")
    @APIResponse(responseCode = "200", description = "A page of units")
    public Page<UnitDto> list(
            @RestQuery @Parameter(description = "PROVINCE, DISTRICT, COMMUNE or AGENCY") String level,
            @RestQuery @Parameter(example = "15") String parentCode,
            @RestQuery @Parameter(description = "Unit type, with or without diacritics", example = "phường")
                    String type,
            @RestQuery @Parameter(description = "Name (or code prefix) to search", example = "yen ninh") String q,
            @RestQuery String asOf,
            @RestQuery String page,
            @RestQuery String size) {
        LocalDate day = (q != null && !q.isBlank() && (asOf == null || asOf.isBlank()))
                ? null
                : Params.dateOrToday("asOf", asOf);
        UnitSnapshot.Filter filter = new UnitSnapshot.Filter(
                Params.enumOrNull("level", level, Level.class),
                parentCode == null || parentCode.isBlank()
                        ? null
                        : Params.matching("parentCode", parentCode, UnitCodes::isWellFormed, UnitCodes.EXPECTED),
                type == null || type.isBlank() ? null : type,
                q,
                day);
        return queries.listUnits(filter, PageRequest.parse(page, size)).map(UnitDto::of);
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Number of units per level valid on a date")
    @APIResponse(responseCode = "200", description = "Units per level, e.g. {\"PROVINCE\": 34, \"COMMUNE\": 3321}")
    public Map<Level, Long> counts(@RestQuery String asOf) {
        return queries.countByLevel(Params.dateOrToday("asOf", asOf));
    }

    @GET
    @Path("/versions")
    @Operation(
            summary = "Every version of every unit, by code then start",
            description = "The whole registry a page at a time (about 14,000 versions), for a client that checks"
                    + " many codes at once, such as dossier ingestion, and keeps them instead of asking code by code"
                    + " (GET /api/units/{code}/history answers one code). size up to 20,000, default 5,000.")
    @APIResponse(responseCode = "200", description = "A page of unit versions")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: page or size out of range")
    public Page<UnitDto> allVersions(@RestQuery String page, @RestQuery String size) {
        return queries.allVersions(PageRequest.parse(page, size, VERSIONS_DEFAULT_SIZE, HIERARCHY_MAX_SIZE))
                .map(UnitDto::of);
    }

    @GET
    @Path("/{code}/children")
    @Operation(summary = "Direct children of a unit on a date")
    @APIResponse(responseCode = "200", description = "Direct children of a unit on a date")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    public Page<UnitDto> children(
            @RestPath String code,
            @RestQuery String asOf,
            @RestQuery
                    @Parameter(
                            description = "Only units of this level (any case)",
                            schema = @Schema(implementation = Level.class))
                    String level,
            @RestQuery String page,
            @RestQuery String size) {
        return queries.children(
                        Params.matching("code", code, UnitCodes::isWellFormed, UnitCodes.EXPECTED),
                        Params.dateOrToday("asOf", asOf),
                        Params.enumOrNull("level", level, Level.class),
                        hierarchyPage(page, size))
                .map(UnitDto::of);
    }

    @GET
    @Path("/{code}/descendants")
    @Operation(summary = "All units below a unit on a date, nearest levels first")
    @APIResponse(responseCode = "200", description = "All units below a unit on a date, nearest levels first")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    public Page<UnitDto> descendants(
            @RestPath String code,
            @RestQuery String asOf,
            @RestQuery
                    @Parameter(
                            description = "Only units of this level (any case)",
                            schema = @Schema(implementation = Level.class))
                    String level,
            @RestQuery String page,
            @RestQuery String size) {
        return queries.descendants(
                        Params.matching("code", code, UnitCodes::isWellFormed, UnitCodes.EXPECTED),
                        Params.dateOrToday("asOf", asOf),
                        Params.enumOrNull("level", level, Level.class),
                        hierarchyPage(page, size))
                .map(UnitDto::of);
    }

    @GET
    @Path("/{code}/ancestors")
    @Operation(summary = "Parent, grandparent, … of a unit on a date, nearest first")
    @APIResponse(responseCode = "200", description = "Parent, grandparent, … of a unit on a date, nearest first")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    public Page<UnitDto> ancestors(
            @RestPath String code,
            @RestQuery String asOf,
            @RestQuery
                    @Parameter(
                            description = "Only units of this level (any case)",
                            schema = @Schema(implementation = Level.class))
                    String level) {
        List<UnitDto> items = queries
                .ancestors(
                        Params.matching("code", code, UnitCodes::isWellFormed, UnitCodes.EXPECTED),
                        Params.dateOrToday("asOf", asOf),
                        Params.enumOrNull("level", level, Level.class))
                .stream()
                .map(UnitDto::of)
                .toList();
        return new Page<>(items, 0, Math.max(items.size(), 1), items.size());
    }

    @GET
    @Path("/{code}/history")
    @Operation(summary = "Every version of a unit, oldest first")
    @APIResponse(responseCode = "200", description = "Every version of a unit, oldest first")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    public List<UnitDto> history(@RestPath String code) {
        return queries.history(Params.matching("code", code, UnitCodes::isWellFormed, UnitCodes.EXPECTED)).stream()
                .map(UnitDto::of)
                .toList();
    }

    @GET
    @Path("/{code}/lineage")
    @Operation(
            summary = "Predecessors and successors of a unit version, followed transitively",
            description = "The version is the one valid on asOf (default today). Derived links (a dissolved district"
                    + " to the new communes of its communes) appear among successors, and among predecessors only"
                    + " with includeDerived=true.")
    @APIResponse(
            responseCode = "200",
            description = "Predecessors and successors of a unit version, followed transitively")
    @APIResponse(responseCode = "404", description = "UNIT_NOT_FOUND")
    public LineageDto lineage(@RestPath String code, @RestQuery String asOf, @RestQuery String includeDerived) {
        return LineageDto.of(lineage.lineageOf(
                Params.matching("code", code, UnitCodes::isWellFormed, UnitCodes.EXPECTED),
                Params.dateOrToday("asOf", asOf),
                Params.booleanOrDefault("includeDerived", includeDerived, false)));
    }

    @POST
    @Path("/lineage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Lineage of many units over a window of dates, in one call",
            description = "A read with a body (up to 20,000 codes). For each code: the version valid on to (else the"
                    + " version valid on from), its predecessors walking backwards and the successors of the version"
                    + " valid on from walking forwards, through change events effective in (from, to] only; rules as"
                    + " in GET /api/units/{code}/lineage. validOnFrom marks the relatives valid on from. Codes with no"
                    + " version on from nor on to are listed in unknown.")
    @APIResponse(responseCode = "200", description = "One item per known code in request order, and the unknown codes")
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_FAILED: codes missing, empty, over 20,000 or malformed (codes[i]); from or to"
                    + " missing; from after to. MALFORMED_BODY: not JSON, or a date that is not YYYY-MM-DD")
    public LineageWindowDto.Response lineageOfMany(@Valid @NotNull LineageWindowDto.Request request) {
        List<FieldError> errors = new ArrayList<>();
        List<String> codes = request.codes();
        for (int i = 0; i < codes.size() && errors.size() < MAX_CODE_ERRORS; i++) {
            if (!UnitCodes.isWellFormed(codes.get(i))) {
                errors.add(FieldError.of(
                        "codes[" + i + "]",
                        "must be an official unit code (2, 3 or 5 digits) or an agency code such as 15.SNV",
                        codes.get(i)));
            }
        }
        if (request.from().isAfter(request.to())) {
            errors.add(FieldError.of(
                    "from",
                    "must be on or before to (" + request.to() + ")",
                    request.from().toString()));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    CommonError.VALIDATION_FAILED,
                    errors.getFirst().field() + " " + errors.getFirst().message()
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    errors);
        }
        return LineageWindowDto.of(lineage.lineageOfMany(
                codes, request.from(), request.to(), Boolean.TRUE.equals(request.includeDerived())));
    }

    private static PageRequest hierarchyPage(String page, String size) {
        return PageRequest.parse(page, size, HIERARCHY_DEFAULT_SIZE, HIERARCHY_MAX_SIZE);
    }
}
