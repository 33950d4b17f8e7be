package vn.parindex.dossier.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.dossier.service.IngestionJobs;

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
    @Operation(
            summary = "Who pushed which batch: the latest batches, newest first",
            description = "Every batch is recorded, asynchronous or answered in its own request (its job id is in"
                    + " the answer's Content-Location). submittedBy narrows to one submitter.")
    @APIResponse(responseCode = "200", description = "The latest batches")
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER")
    public List<IngestionJobs.Job> latest(
            @RestQuery @Parameter(description = "The submitter's principal name") String submittedBy,
            @RestQuery @Parameter(description = "How many, 1 to 500 (default 50)") String limit) {
        int n = Params.intOrDefault("limit", limit, 50);
        if (n < 1 || n > 500) {
            throw ApiException.invalidParameter("limit", "must be 1 to 500", limit);
        }
        return jobs.latest(submittedBy == null || submittedBy.isBlank() ? null : submittedBy, n);
    }

    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @GET
    @Path("/{id}")
    @Operation(
            summary =
                    "A batch job: QUEUED, RUNNING (rowsRead, rejected so far), DONE (with the result) or FAILED (with the error)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "RESOURCE_NOT_FOUND")
    public IngestionJobs.Job get(
            @RestPath @Parameter(description = "The job id (UUID)", example = "3f2b8c1e-9d4a-4e5b-8f6a-1c2d3e4f5a6b")
                    String id) {
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
