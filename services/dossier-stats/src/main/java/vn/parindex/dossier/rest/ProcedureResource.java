package vn.parindex.dossier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.common.api.Roles;
import vn.parindex.dossier.DossierError;
import vn.parindex.dossier.domain.Procedure;
import vn.parindex.dossier.service.ProcedureService;

/** The procedure (TTHC) catalogue. */
@Path("/api/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Procedures",
        description = "Administrative procedures (TTHC) with their deadlines and online service level")
public class ProcedureResource {

    private final ProcedureService procedures;

    public ProcedureResource(ProcedureService procedures) {
        this.procedures = procedures;
    }

    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Insert or update procedures by code; bad items are reported by index, good ones stored")
    @APIResponse(responseCode = "200", description = "Counts and the rejected items")
    public ProcedureService.UpsertResult upsert(@NotNull List<Procedure> body) {
        return procedures.upsertProcedures(body);
    }

    @GET
    @Operation(summary = "Procedures by code, optionally of one field (lĩnh vực)")
    public Page<Procedure> list(@RestQuery String field, @RestQuery String page, @RestQuery String size) {
        return procedures.listProcedures(
                field == null || field.isBlank() ? null : field, PageRequest.parse(page, size));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One procedure")
    @APIResponse(responseCode = "200", description = "One procedure")
    @APIResponse(responseCode = "404", description = "PROCEDURE_NOT_FOUND")
    public Procedure get(@RestPath String code) {
        return procedures
                .findProcedure(code)
                .orElseThrow(() -> new ApiException(DossierError.PROCEDURE_NOT_FOUND, "No procedure " + code));
    }
}
