package vn.parindex.catalogue.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.catalogue.CatalogueError;
import vn.parindex.catalogue.service.CriteriaSetService;
import vn.parindex.common.api.Actor;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Roles;
import vn.parindex.criteria.rules.CriteriaNode;
import vn.parindex.criteria.rules.TreeEdits;

/** Node edits of a draft, each validated against the whole set, and reads of one node. */
@Path("/api/criteria-sets/{code}/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria sets")
public class NodeResource {

    /** A leaf criterion the server accepts (the example of both node writes). */
    static final String NODE_EXAMPLE =
            "{\"code\": \"A9\", \"nameVi\": \"Tiêu chí mẫu\", \"kind\": \"CRITERION\", \"maxPoints\": 1, \"scoreSource\": \"APPRAISED\", \"rule\": {\"type\": \"MANUAL\", \"step\": 0.25}}";

    private final CriteriaSetService sets;
    private final SecurityIdentity caller;

    public NodeResource(CriteriaSetService sets, SecurityIdentity caller) {
        this.sets = sets;
        this.caller = caller;
    }

    @GET
    @Path("/{nodeCode}")
    @Operation(summary = "One node with its subtree")
    @APIResponse(responseCode = "200", description = "One node with its subtree")
    @APIResponse(responseCode = "404", description = "CRITERIA_SET_NOT_FOUND or NODE_NOT_FOUND")
    public CriteriaNode node(@RestPath String code, @RestPath String nodeCode) {
        return TreeEdits.find(sets.findCriteriaSet(code).set().nodes(), nodeCode)
                .orElseThrow(() -> new ApiException(
                        CatalogueError.NODE_NOT_FOUND, "Criteria set " + code + " has no node " + nodeCode));
    }

    @RolesAllowed({Roles.ADMIN, Roles.CATALOGUE_EDITOR})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a node (with its subtree) under parentCode, or at the top level",
            description =
                    "The parent's maxPoints must still equal its children's sum afterwards: add siblings and change the parent in one PUT of the parent when totals move.")
    @APIResponse(
            responseCode = "201",
            description = "The set's new revision",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = vn.parindex.criteria.rules.CriteriaSet.class)))
    @APIResponse(responseCode = "400", description = "POINTS_MISMATCH and other validation codes")
    @APIResponse(
            responseCode = "409",
            description = "CRITERIA_SET_PUBLISHED, CRITERIA_SET_ARCHIVED, DUPLICATE_NODE_CODE")
    public Response add(
            @RestPath String code,
            @RestQuery String parentCode,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = CriteriaNode.class),
                                            examples = @ExampleObject(name = "node", value = NODE_EXAMPLE)))
                    @NotNull
                    CriteriaNode node,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return StoredDocuments.stored(
                Response.status(201),
                sets.addNode(
                        code,
                        parentCode == null || parentCode.isBlank() ? null : parentCode,
                        node,
                        StoredDocuments.ifMatch(ifMatch),
                        Actor.of(caller)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.CATALOGUE_EDITOR})
    @PUT
    @Path("/{nodeCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a node and its subtree")
    @APIResponse(responseCode = "200", description = "The set's new revision")
    @APIResponse(responseCode = "404", description = "NODE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CRITERIA_SET_PUBLISHED, CRITERIA_SET_ARCHIVED")
    public Response replace(
            @RestPath String code,
            @RestPath String nodeCode,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = CriteriaNode.class),
                                            examples = @ExampleObject(name = "node", value = NODE_EXAMPLE)))
                    @NotNull
                    CriteriaNode node,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return StoredDocuments.stored(
                Response.ok(),
                sets.replaceNode(code, nodeCode, node, StoredDocuments.ifMatch(ifMatch), Actor.of(caller)));
    }

    @RolesAllowed({Roles.ADMIN, Roles.CATALOGUE_EDITOR})
    @DELETE
    @Path("/{nodeCode}")
    @Operation(summary = "Remove a node and its subtree")
    @APIResponse(responseCode = "200", description = "The set's new revision")
    @APIResponse(responseCode = "409", description = "CRITERIA_SET_PUBLISHED, CRITERIA_SET_ARCHIVED")
    public Response remove(
            @RestPath String code, @RestPath String nodeCode, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return StoredDocuments.stored(
                Response.ok(), sets.removeNode(code, nodeCode, StoredDocuments.ifMatch(ifMatch), Actor.of(caller)));
    }
}
