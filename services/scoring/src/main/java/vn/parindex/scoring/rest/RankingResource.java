package vn.parindex.scoring.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Params;
import vn.parindex.scoring.ScoringError;
import vn.parindex.scoring.api.PublicationDto;
import vn.parindex.scoring.api.UncertaintyDto;
import vn.parindex.scoring.domain.RankingDocument;
import vn.parindex.scoring.service.PublishedRankings;
import vn.parindex.scoring.service.ResultTables;
import vn.parindex.scoring.service.UncertaintyService;

/** The public rankings: every published version, immutable, with ETag. */
@Path("/api/rankings/{campaignCode}")
@Tag(name = "Rankings")
public class RankingResource {

    private final PublishedRankings store;
    private final UncertaintyService uncertainty;

    public RankingResource(PublishedRankings store, UncertaintyService uncertainty) {
        this.store = store;
        this.uncertainty = uncertainty;
    }

    @GET
    @Produces({
        MediaType.APPLICATION_JSON,
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    })
    @Operation(
            summary = "The published ranking (latest version, ?version=N, or the latest of ?stage=preliminary|final);"
                    + " ETag / If-None-Match; format=csv|xlsx",
            description = "?uncertainty=true adds to every ranked item its rank interval (median rank, 5th–95th"
                    + " percentile, units not distinguishable from it) and to the ranking the method, seed, runs and"
                    + " inputs (see GET /api/campaigns/{code}/rank-uncertainty; same parameters).")
    @APIResponse(
            responseCode = "200",
            description = "The ranking",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RankingDocument.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(
            responseCode = "400",
            description = "INVALID_PARAMETER (version, stage, format, uncertainty and its runs, seed,"
                    + " weightPerturbation, surveyStandardError)")
    @APIResponse(responseCode = "404", description = "RANKING_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "SURVEY_SAMPLE_MISSING (with uncertainty=true)")
    public Response ranking(
            @RestPath String campaignCode,
            @RestQuery String version,
            @RestQuery
                    @Parameter(
                            description = "json (default), csv or xlsx; or say it in Accept",
                            schema = @Schema(enumeration = {"json", "csv", "xlsx"}))
                    String format,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @RestQuery
                    @Parameter(
                            description = "The latest version of a stage",
                            schema = @Schema(enumeration = {"preliminary", "final"}))
                    String stage,
            @RestQuery @Parameter(description = "true: add rank intervals") String uncertainty,
            @RestQuery @Parameter(description = "With uncertainty: Monte Carlo runs, default 1000") String runs,
            @RestQuery @Parameter(description = "With uncertainty: seed, default 1149") String seed,
            @RestQuery @Parameter(description = "With uncertainty: weight spread, default 0.20")
                    String weightPerturbation,
            @RestQuery
                    @Parameter(
                            description = "With uncertainty: standard error for survey results without a sample size")
                    String surveyStandardError) {
        boolean intervals = Params.booleanOrDefault("uncertainty", uncertainty, false);
        UncertaintyService.Request asked =
                intervals ? UncertaintyService.request(runs, seed, weightPerturbation, surveyStandardError) : null;
        String wanted = stage == null || stage.isBlank()
                ? null
                : Params.matching(
                        "stage",
                        stage.trim().toUpperCase(java.util.Locale.ROOT),
                        x -> x.equals("PRELIMINARY") || x.equals("FINAL"),
                        "must be preliminary or final");
        int n = version != null
                ? Params.intOrDefault("version", version, 0)
                : wanted != null ? store.latestVersion(campaignCode, wanted) : store.latestVersion(campaignCode);
        PublishedRankings.Version v = (n <= 0
                        ? java.util.Optional.<PublishedRankings.Version>empty()
                        : store.version(campaignCode, n))
                .orElseThrow(() -> new ApiException(
                        ScoringError.RANKING_NOT_FOUND,
                        "No published ranking " + campaignCode + (version == null ? "" : " version " + version)));
        boolean export = format != null || (accept != null && !accept.contains("json") && !accept.contains("*/*"));
        if (!export && ifNoneMatch != null && ifNoneMatch.replace("W/", "").contains(v.etag())) {
            return Response.notModified().tag(v.etag().replace("\"", "")).build();
        }
        if (export) {
            var exported = ResultTables.ranking(
                    campaignCode + "-v" + v.version(), store.document(v).items(), format, accept);
            if (exported.isPresent()) {
                return exported.get();
            }
        }
        if (intervals) {
            RankingDocument doc = store.document(v);
            UncertaintyDto.Report r = this.uncertainty.ofRanking(doc, asked);
            RankingDocument with = doc.withUncertainty(
                    new RankingDocument.Uncertainty(
                            r.method(),
                            r.seed(),
                            r.runs(),
                            r.weightSpread(),
                            r.intervalPercent(),
                            r.inputs().components(),
                            r.inputs().survey()),
                    r.units());
            return Response.ok(with, MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                    .build();
        }
        return Response.ok(v.document(), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, v.etag())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    @GET
    @Path("/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every published version with its decision and reason")
    @APIResponse(responseCode = "200", description = "Every published version with its decision and reason")
    @APIResponse(responseCode = "404", description = "RANKING_NOT_FOUND")
    public List<PublicationDto.VersionSummary> versions(@RestPath String campaignCode) {
        List<PublicationDto.VersionSummary> all = store.versions(campaignCode).stream()
                .map(v -> new PublicationDto.VersionSummary(
                        v.version(),
                        v.decisionNumber(),
                        v.decisionDate(),
                        v.reason(),
                        v.publishedAt(),
                        v.publishedBy(),
                        v.imported(),
                        v.sourceUrl(),
                        v.stage()))
                .toList();
        if (all.isEmpty()) {
            throw new ApiException(ScoringError.RANKING_NOT_FOUND, "No published ranking " + campaignCode);
        }
        return all;
    }
}
