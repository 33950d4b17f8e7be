package vn.parindex.dossier.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.dossier.domain.DossierInput;
import vn.parindex.dossier.domain.RecordReader;
import vn.parindex.dossier.service.IngestionJobs;

/** {@code POST /api/dossiers/batch}: NDJSON, a JSON array or CSV, streamed. */
@Path("/api/dossiers/batch")
@Tag(name = "Dossiers", description = "Ingestion of administrative-procedure dossiers")
public class IngestionResource {

    /** The documented example dossier (one JSON object). */
    static final String ONE =
            "{\"sourceSystem\": \"DVC-LAOCAI\", \"dossierId\": \"E2E-0001\", \"procedureCode\": \"1.001612\", \"unitCode\": \"02647\", \"channel\": \"ONLINE\", \"receivedAt\": \"2025-07-01T08:30:00+07:00\", \"finishedAt\": \"2025-07-10T10:00:00+07:00\", \"status\": \"resolved\"}";

    private final IngestionJobs jobs;
    private final SecurityIdentity caller;

    public IngestionResource(IngestionJobs jobs, SecurityIdentity caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @POST
    @Blocking
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.APPLICATION_JSON, "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ingest dossiers: idempotent upsert on (sourceSystem, dossierId)",
            description = "Fields: sourceSystem, dossierId, procedureCode, unitCode, channel (DIRECT, POSTAL, ONLINE),"
                    + " receivedAt, dueAt (computed from the procedure's working days when absent), finishedAt, status"
                    + " (received, processing, supplement requested, paused, resolved, returned, refused, withdrawn,"
                    + " cancelled). Each bad row is rejected with its line and reason; good rows are stored. A later"
                    + " status of the same dossier replaces the earlier row; re-sending a batch changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "Counts: rows, inserted, updated, unchanged, duplicatesInBatch, rejected, rejections")
    @APIResponse(responseCode = "400", description = "MALFORMED_BODY: the batch broke off; nothing was stored")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_BATCH_FORMAT")
    @APIResponse(
            responseCode = "503",
            description = "REGISTRY_UNAVAILABLE: unit codes could not be checked; nothing was stored")
    public Response ingest(
            @RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(type = SchemaType.ARRAY, implementation = DossierInput.class),
                                        examples = @ExampleObject(name = "array", value = "[" + ONE + "]")),
                                // No example: SmallRye reads an NDJSON text as its first JSON object.
                                @Content(
                                        mediaType = "application/x-ndjson",
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        description =
                                                                "One DossierInput JSON object per line (SmallRye would read an example as one JSON object)")),
                                @Content(
                                        mediaType = "application/jsonl",
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        description = "As application/x-ndjson")),
                                @Content(
                                        mediaType = "text/csv",
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        description =
                                                                "A header row naming the DossierInput fields, then one"
                                                                        + " dossier per row"))
                            })
                    InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RestQuery String async) {
        RecordReader.Format format = format(contentType);
        if (Params.booleanOrDefault("async", async, false)) {
            IngestionJobs.Job job = jobs.submit(format, body, Actor.of(caller));
            return Response.accepted(job)
                    .location(URI.create("/api/dossier-jobs/" + job.id()))
                    .build();
        }
        IngestionJobs.Ran ran = jobs.runNow(format, body, Actor.of(caller));
        return Response.ok(ran.result())
                .header(HttpHeaders.CONTENT_LOCATION, "/api/dossier-jobs/" + ran.jobId())
                .build();
    }

    static RecordReader.Format format(String contentType) {
        return BatchFormats.of(contentType);
    }
}
