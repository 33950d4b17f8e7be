package vn.parindex.dossier.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.Roles;
import vn.parindex.dossier.domain.FactKind;
import vn.parindex.dossier.service.FactIngestionService;

/** {@code POST /api/dossiers/{payments,digitisation,ratings,feedback}/batch}: citizen-side facts, streamed. */
@Path("/api/dossiers/{kind: payments|digitisation|ratings|feedback}/batch")
@Tag(name = "Dossiers", description = "Ingestion of administrative-procedure dossiers")
public class FactIngestionResource {

    private final FactIngestionService facts;
    private final SecurityIdentity caller;

    public FactIngestionResource(FactIngestionService facts, SecurityIdentity caller) {
        this.facts = facts;
        this.caller = caller;
    }

    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @POST
    @Blocking
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.APPLICATION_JSON, "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ingest payments, digitisation, ratings or feedback: idempotent upsert on (sourceSystem, id)",
            description = "Every row: sourceSystem, dossierId (feedback: feedbackId), unitCode, procedureCode"
                    + " (optional). payments: fee (VND, whole, 0 for a free procedure), paidOnline (true/false; false"
                    + " for a zero fee), paidAt (a zero fee: the receipt). digitisation: componentsTotal,"
                    + " componentsDigitised, resultElectronic (true/false, empty while no result), reusedDigitised"
                    + " (true/false), digitisedAt. ratings: channel (DEVICE, ONLINE, SMS), level (VERY_SATISFIED,"
                    + " SATISFIED, NOT_SATISFIED), criteria (optional text), ratedAt. feedback: kind (FEEDBACK or"
                    + " COMPLAINT, default FEEDBACK), receivedAt, deadline (a date), answeredAt, outcome (RESOLVED,"
                    + " EXPLAINED, REJECTED, TRANSFERRED; needs answeredAt). Each bad row is rejected with its line and"
                    + " reason; good rows are stored with who sent them. Re-sending a record replaces it; re-sending a"
                    + " batch changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "Counts: rows, inserted, updated, unchanged, duplicatesInBatch, rejected, rejections",
            content = @Content(schema = @Schema(implementation = FactIngestionService.Result.class)))
    @APIResponse(responseCode = "400", description = "MALFORMED_BODY: the batch broke off; nothing was stored")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not an administrator or integration")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_BATCH_FORMAT")
    @APIResponse(
            responseCode = "503",
            description = "REGISTRY_UNAVAILABLE: unit codes could not be checked; nothing was stored")
    public FactIngestionService.Result ingest(
            @PathParam("kind")
                    @Parameter(
                            description = "What the batch carries",
                            schema = @Schema(enumeration = {"payments", "digitisation", "ratings", "feedback"}))
                    String kind,
            @RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = "application/x-ndjson",
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        description = "One JSON object per line")),
                                @Content(
                                        mediaType = "text/csv",
                                        schema =
                                                @Schema(
                                                        type = SchemaType.STRING,
                                                        description =
                                                                "A header row naming the fields, then one record per row")),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(type = SchemaType.ARRAY, description = "An array of objects"))
                            })
                    InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        FactKind k = FactKind.valueOf(kind.toUpperCase(Locale.ROOT));
        return facts.ingest(k, BatchFormats.of(contentType), body, Actor.of(caller));
    }
}
