package vn.parindex.catalogue.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.catalogue.CatalogueError;
import vn.parindex.catalogue.service.CriteriaSetService;
import vn.parindex.catalogue.service.DocumentCache;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.common.api.Params;
import vn.parindex.common.api.Roles;
import vn.parindex.criteria.rules.CriteriaSet;
import vn.parindex.criteria.rules.CriteriaSetDiff;
import vn.parindex.criteria.rules.SetStatus;
import vn.parindex.criteria.rules.TargetLevel;

/** Criteria sets: create, read (with ETag), replace while draft, publish, archive, clone, diff. */
@Path("/api/criteria-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria sets", description = "Versioned PAR Index criteria sets (bộ tiêu chí)")
public class CriteriaSetResource {

    /** A draft the server accepts (the example of both whole-set writes). */
    static final String SET_EXAMPLE =
            "{\"code\": \"EXAMPLE_DIST_2026\", \"name\": \"Bộ tiêu chí mẫu cấp huyện\", \"year\": 2026, \"targetLevel\": \"DISTRICT\", \"legalBasis\": \"Dự thảo\", \"totalPoints\": 10, \"bands\": [{\"code\": \"GOOD\", \"label\": \"Tốt\", \"minPercent\": 80}], \"nodes\": [{\"code\": \"A\", \"nameVi\": \"Công tác chỉ đạo, điều hành\", \"kind\": \"PART\", \"maxPoints\": 10, \"children\": [{\"code\": \"A1\", \"nameVi\": \"Ban hành kế hoạch CCHC\", \"kind\": \"CRITERION\", \"maxPoints\": 10, \"scoreSource\": \"APPRAISED\", \"rule\": {\"type\": \"MANUAL\", \"step\": 0.25}}]}]}";

    private final CriteriaSetService sets;
    private final DocumentCache documents;
    private final SecurityIdentity caller;

    public CriteriaSetResource(CriteriaSetService sets, DocumentCache documents, SecurityIdentity caller) {
        this.sets = sets;
        this.documents = documents;
        this.caller = caller;
    }

    @RolesAllowed({Roles.ADMIN, Roles.CATALOGUE_EDITOR})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a criteria set (whole tree) as a draft",
            description =
                    "The tree is validated whole: children's maxPoints sum to their parent's (adjustments aside), the top level to totalPoints, codes are unique, band tables ordered, metrics known.")
    @APIResponse(
            responseCode = "201",
            description = "Created as DRAFT",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CriteriaSet.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "POINTS_MISMATCH (detail names the node and both sums), UNKNOWN_METRIC, INVALID_RULE, INVALID_CRITERIA_SET, VALIDATION_FAILED")
    @APIResponse(responseCode = "409", description = "CRITERIA_SET_EXISTS or DUPLICATE_NODE_CODE")
    public Response create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = CriteriaSet.class),
                                            examples = @ExampleObject(name = "set", value = SET_EXAMPLE)))
                    @NotNull
                    CriteriaSet body) {
        return StoredDocuments.stored(
                Response.created(URI.create("/api/criteria-sets/" + body.code())),
                sets.createCriteriaSet(body, Actor.of(caller)));
    }

    @GET
    @Operation(summary = "Criteria sets, newest year first (without trees)")
    public Page<CriteriaSetSummary> list(
            @RestQuery String year,
            @RestQuery
                    @Parameter(
                            description = "Only sets for this level (any case)",
                            schema = @Schema(implementation = TargetLevel.class))
                    String targetLevel,
            @RestQuery
                    @Parameter(
                            description = "Only sets in this status (any case)",
                            schema = @Schema(implementation = SetStatus.class))
                    String status,
            @RestQuery String page,
            @RestQuery String size) {
        Integer y = year == null || year.isBlank() ? null : Params.intOrDefault("year", year, 0);
        return sets.listCriteriaSets(
                        y,
                        Params.enumOrNull("targetLevel", targetLevel, TargetLevel.class),
                        Params.enumOrNull("status", status, SetStatus.class),
                        PageRequest.parse(page, size))
                .map(CriteriaSetSummary::of);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A criteria set with its tree; ETag, and 304 for a matching If-None-Match")
    @APIResponse(
            responseCode = "200",
            description = "The set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CriteriaSet.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "CRITERIA_SET_NOT_FOUND")
    public Response get(@RestPath String code, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DocumentCache.Document doc = documents
                .current(code)
                .orElseThrow(() -> new ApiException(CatalogueError.CRITERIA_SET_NOT_FOUND, "No criteria set " + code));
        if (ifNoneMatch != null && ifNoneMatch.replace("W/", "").contains(doc.etag())) {
            return Response.notModified().tag(doc.etag().replace("\"", "")).build();
        }
        return Response.ok(doc.json(), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, doc.etag())
                .build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.CATALOGUE_EDITOR})
    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a draft's whole tree (If-Match with the ETag guards against lost updates)")
    @APIResponse(responseCode = "200", description = "The new revision")
    @APIResponse(
            responseCode = "409",
            description = "CRITERIA_SET_PUBLISHED, CRITERIA_SET_ARCHIVED, DUPLICATE_NODE_CODE")
    @APIResponse(responseCode = "412", description = "REVISION_MISMATCH")
    public Response replace(
            @RestPath
                    @Parameter(
                            description = "The draft's code (the body's code must be the same)",
                            example = "EXAMPLE_DIST_2026")
                    String code,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = CriteriaSet.class),
                                            examples = @ExampleObject(name = "set", value = SET_EXAMPLE)))
                    @NotNull
                    CriteriaSet body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return StoredDocuments.stored(
                Response.ok(), sets.replaceDraft(code, body, StoredDocuments.ifMatch(ifMatch), Actor.of(caller)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.CATALOGUE_EDITOR})
    @DELETE
    @Path("/{code}")
    @Operation(summary = "Delete a draft")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "CRITERIA_SET_PUBLISHED or CRITERIA_SET_ARCHIVED")
    public Response delete(@RestPath String code) {
        sets.deleteDraft(code, Actor.of(caller));
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.ADMIN, Roles.CATALOGUE_EDITOR})
    @POST
    @Path("/{code}/publish")
    @Operation(summary = "Publish a draft: from now on the set never changes")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "409", description = "CRITERIA_SET_PUBLISHED or CRITERIA_SET_ARCHIVED")
    public Response publish(@RestPath String code) {
        return StoredDocuments.stored(Response.ok(), sets.publishCriteriaSet(code, Actor.of(caller)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.CATALOGUE_EDITOR})
    @POST
    @Path("/{code}/archive")
    @Operation(summary = "Archive a published set (it stays readable and usable for old campaigns)")
    public Response archive(@RestPath String code) {
        return StoredDocuments.stored(Response.ok(), sets.archiveCriteriaSet(code, Actor.of(caller)));
    }

    /** Body of a clone. */
    @Schema(name = "CloneRequest")
    public record CloneRequest(
            @NotBlank
            @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "1 to 64 letters, digits, '.', '-' or '_'")
            @Schema(examples = "PAR_DIST_YB_2022")
            String code,

            @Min(1990) @Max(2100) @Schema(examples = "2022") int year) {}

    @RolesAllowed({Roles.ADMIN, Roles.CATALOGUE_EDITOR})
    @POST
    @Path("/{code}/clone")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Copy a set into a new draft with another code and year")
    @APIResponse(
            responseCode = "201",
            description = "The new draft",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CriteriaSet.class)))
    @APIResponse(responseCode = "409", description = "CRITERIA_SET_EXISTS")
    public Response cloneSet(@RestPath String code, @Valid @NotNull CloneRequest body) {
        return StoredDocuments.stored(
                Response.created(URI.create("/api/criteria-sets/" + body.code())),
                sets.cloneCriteriaSet(code, body.code(), body.year(), Actor.of(caller)));
    }

    @GET
    @Path("/{code}/diff/{otherCode}")
    @Operation(summary = "Nodes added, removed and changed from this set to the other")
    @APIResponse(responseCode = "200", description = "Nodes added, removed and changed from this set to the other")
    @APIResponse(responseCode = "404", description = "CRITERIA_SET_NOT_FOUND")
    public CriteriaSetDiff.Result diff(@RestPath String code, @RestPath String otherCode) {
        return sets.diff(code, otherCode);
    }
}
