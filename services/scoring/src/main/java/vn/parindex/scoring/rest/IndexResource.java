package vn.parindex.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.scoring.Examples;
import vn.parindex.scoring.api.IndexDto;
import vn.parindex.scoring.service.IndexService;

/** External indices (SIPAS %, PAPI, PCI, DDCI …): values per unit and year, ranked like campaign results. */
@Path("/api/indices/{indexCode}/{year}")
@Tag(name = "External indices", description = "Indices published by others, ranked per year")
@Produces(MediaType.APPLICATION_JSON)
public class IndexResource {

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
    public IndexDto.Ranking put(
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
                    IndexDto.Values body,
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
    public IndexDto.Ranking get(@RestPath String indexCode, @RestPath String year) {
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
