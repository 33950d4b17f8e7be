package vn.parindex.catalogue.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import vn.parindex.catalogue.service.CriteriaSetService;

/** The change history of a criteria set. */
@Path("/api/criteria-sets/{code}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria sets")
public class HistoryResource {

    private final CriteriaSetService sets;

    public HistoryResource(CriteriaSetService sets) {
        this.sets = sets;
    }

    /** One change: what, the revision it made, who, when. */
    public record HistoryItem(long id, String action, int revision, String actor, OffsetDateTime at) {}

    @GET
    @Operation(summary = "Every change of the set, oldest first (documents before/after are kept in the database)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "CRITERIA_SET_NOT_FOUND")
    public List<HistoryItem> history(@RestPath String code) {
        return sets.history(code).stream()
                .map(h -> new HistoryItem(h.id, h.action, h.revision, h.actor, h.at))
                .toList();
    }
}
