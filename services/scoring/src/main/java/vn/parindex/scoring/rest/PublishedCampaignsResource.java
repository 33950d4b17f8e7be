package vn.parindex.scoring.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.Params;
import vn.parindex.scoring.api.PublicationDto;
import vn.parindex.scoring.service.PublishedRankings;

/**
 * The public list of published campaigns: what a portal offers to read without signing in (the campaign list of
 * {@code /api/campaigns} needs a token, since it also shows campaigns still being assessed).
 */
@Path("/api/rankings")
@Tag(name = "Rankings")
public class PublishedCampaignsResource {

    private final PublishedRankings store;

    public PublishedCampaignsResource(PublishedRankings store) {
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Every campaign with a published ranking, newest year first (public)",
            description = "Campaigns whose ranking was published or imported, with their latest version; campaigns"
                    + " still being assessed are not listed. No token needed.")
    @APIResponse(
            responseCode = "200",
            description = "The published campaigns (possibly none)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = PublicationDto.PublishedCampaign.class)))
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER (year or level malformed)")
    public List<PublicationDto.PublishedCampaign> published(
            @RestQuery @Parameter(description = "Only campaigns of this year", example = "2021") String year,
            @RestQuery
                    @Parameter(
                            description = "Only campaigns ranking units of this level",
                            schema = @Schema(enumeration = {"PROVINCE", "DISTRICT", "COMMUNE", "AGENCY"}))
                    String level) {
        Integer y = year == null || year.isBlank() ? null : Params.intOrDefault("year", year, 0);
        if (y != null && (y < 1900 || y > 9999)) {
            throw vn.parindex.common.api.ApiException.invalidParameter("year", "must be a year (1900–9999)", year);
        }
        String l = level == null || level.isBlank()
                ? null
                : Params.matching(
                        "level",
                        level.strip(),
                        v -> v.matches("[A-Za-z_]{1,16}"),
                        "must be a unit level such as DISTRICT");
        return store.campaigns(y, l == null ? null : l.toUpperCase(java.util.Locale.ROOT));
    }
}
