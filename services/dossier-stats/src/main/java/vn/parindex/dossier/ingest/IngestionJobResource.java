package vn.parindex.dossier.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.Roles;

/** Progress and result of a batch sent with {@code async=true}. */
@Path("/api/dossier-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dossiers")
public class IngestionJobResource {

    private final IngestionJobs jobs;

    public IngestionJobResource(IngestionJobs jobs) {
        this.jobs = jobs;
    }

    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @GET
    @Path("/{id}")
    @Operation(
            summary =
                    "A batch job: QUEUED, RUNNING (rowsRead, rejected so far), DONE (with the result) or FAILED (with the error)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "RESOURCE_NOT_FOUND")
    public IngestionJobs.Job get(@RestPath String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("id", "must be a job id (UUID)", id);
        }
        return jobs.find(uuid)
                .orElseThrow(() -> new ApiException(CommonError.RESOURCE_NOT_FOUND, "No ingestion job " + id));
    }
}
