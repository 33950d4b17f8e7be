package vn.parindex.registry.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.FieldError;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.registry.service.ImportService;

/** {@code POST /api/units/import}: a unit CSV in the seed files' format. */
@Path("/api/units/import")
@Tag(name = "Units")
public class ImportResource {

    private final ImportService imports;
    private final SecurityIdentity caller;

    public ImportResource(ImportService imports, SecurityIdentity caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @Schema(name = "UnitImportReport", description = "What an import did (or, in a dry run, would do)")
    public record ReportDto(
            boolean dryRun,
            LocalDate validFrom,
            int rows,
            long created,
            long changed,
            long unchanged,
            int rejected,
            boolean valid,
            List<FieldError> errors) {}

    @RolesAllowed({Roles.ADMIN})
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import units from CSV (code,name,type,level,parent_code)",
            description = "Rows are new units or new versions of existing ones, valid from validFrom (default today)."
                    + " dryRun=true (the default) validates and reports per-row errors; dryRun=false stores every row"
                    + " or, when any row is bad, nothing.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "text/csv",
                            example = "code,name,type,level,parent_code\n15.SNV,Sở Nội vụ,sở,agency,15\n"))
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(
            responseCode = "400",
            description = "IMPORT_INVALID (errors[] names line and field) or INVALID_PARAMETER")
    public ReportDto importCsv(
            String body, @RestQuery String dryRun, @RestQuery String validFrom, @RestQuery String legalBasis) {
        ImportService.Report r = imports.importUnits(
                body,
                Params.dateOrDefault("validFrom", validFrom, vn.parindex.common.api.VietnamTime.today()),
                legalBasis,
                Params.booleanOrDefault("dryRun", dryRun, true),
                Actor.of(caller));
        return new ReportDto(
                r.dryRun(),
                r.validFrom(),
                r.rows(),
                r.created(),
                r.changed(),
                r.unchanged(),
                r.result().errors().size(),
                r.result().errors().isEmpty(),
                r.result().errors());
    }
}
