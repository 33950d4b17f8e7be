package vn.parindex.scoring.index;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.Examples;

/** External indices (SIPAS %, PAPI, PCI, DDCI …): values per unit and year, ranked like campaign results. */
@Path("/api/indices/{indexCode}/{year}")
@Tag(name = "External indices", description = "Indices published by others, ranked per year")
@Produces(MediaType.APPLICATION_JSON)
public class IndexResource {

    @Schema(name = "IndexValue")
    public record Value(
            // The registry's code syntax (UnitCodes there): a malformed code is this request's error, not a registry
            // failure (the registry refuses the whole lookup with 400, which read as 503 REGISTRY_UNAVAILABLE).
            @NotBlank
            @Size(max = 32)
            @jakarta.validation.constraints.Pattern(
                    regexp = "\\d{2}|\\d{3}|\\d{5}|[A-Z][A-Z0-9._-]{1,31}|\\d{2}\\.[A-Z0-9._-]{1,29}",
                    message = "must be a unit code (2, 3 or 5 digits, or such as 15.SNV)")
            @Schema(examples = "15", pattern = "\\d{2}|\\d{3}|\\d{5}|[A-Z][A-Z0-9._-]{1,31}|\\d{2}\\.[A-Z0-9._-]{1,29}")
            String unitCode,

            @Size(max = 300)
            @Schema(description = "Ignored: the registry's name of the unit is used", examples = "Tỉnh Lào Cai")
            String unitName,

            @NotNull
            @DecimalMin("-1000000000")
            @DecimalMax("1000000000")
            @Digits(integer = 10, fraction = 4)
            @Schema(examples = "84.12")
            BigDecimal value) {}

    @Schema(
            name = "IndexValuesRequest",
            description = "All values of the index for the year (replaces earlier ones). Units must be units of the"
                    + " registry on 31 December of the year. kind and lowerIsBetter describe the index (all years);"
                    + " when absent the stored description stays (default SCORE, higher is better).")
    public record Values(
            @Size(max = 300) @Schema(examples = "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)")
            String name,

            @Schema(description = "PERCENT: values are percentages 0–100; SCORE: any value", examples = "PERCENT")
            IndexService.Kind kind,

            @Schema(description = "True when lower values rank first (e.g. a complaint rate)")
            Boolean lowerIsBetter,

            @NotNull @Size(min = 1, max = 20_000) List<@Valid @NotNull Value> values) {}

    @Schema(name = "RankedIndexValue")
    public record Ranked(
            String unitCode, String unitName, BigDecimal value, Integer rank, int rankOutOf, String rankLabel) {}

    @Schema(name = "IndexRanking")
    public record Ranking(
            String indexCode,
            String name,
            IndexService.Kind kind,
            boolean lowerIsBetter,
            int year,
            int count,
            List<Ranked> items) {}

    private final IndexService indices;

    public IndexResource(IndexService indices) {
        this.indices = indices;
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace the index's values for the year; answers the ranking (\"8/14\")",
            description = "Every unit code is checked against the registry on 31 December of the year and named as"
                    + " the registry names it.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_FAILED, INVALID_IMPORT (duplicate unit codes, a percentage outside 0–100),"
                    + " UNKNOWN_UNITS (not units of the registry on 31 December of the year)")
    @APIResponse(responseCode = "503", description = "REGISTRY_UNAVAILABLE (nothing stored)")
    public Ranking put(
            @RestPath String indexCode,
            @RestPath String year,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(name = "SIPAS 2024", value = Examples.INDEX_VALUES)))
                    @Valid
                    @NotNull
                    Values body,
            @Context SecurityContext security) {
        checkCode(indexCode);
        int y = year(year);
        indices.replaceValues(indexCode, y, body, Actor.of(security));
        return indices.ranking(indexCode, y);
    }

    @GET
    @Operation(summary = "The index's values for the year, ranked (highest first, ties share a rank)")
    @APIResponse(
            responseCode = "200",
            description = "The index's values for the year, ranked (highest first, ties share a rank)")
    @APIResponse(responseCode = "404", description = "INDEX_NOT_FOUND")
    public Ranking get(@RestPath String indexCode, @RestPath String year) {
        return indices.ranking(indexCode, year(year));
    }

    private static void checkCode(String indexCode) {
        if (indexCode.length() > 32 || !indexCode.matches("[A-Za-z0-9._-]+")) {
            throw vn.parindex.common.api.ApiException.invalidParameter(
                    "indexCode", "up to 32 letters, digits, '.', '-', '_'", indexCode);
        }
    }

    private static int year(String raw) {
        int y = Params.intOrDefault("year", raw, 0);
        if (y < 1990 || y > 2100) {
            throw vn.parindex.common.api.ApiException.invalidParameter("year", "must be between 1990 and 2100", raw);
        }
        return y;
    }
}
