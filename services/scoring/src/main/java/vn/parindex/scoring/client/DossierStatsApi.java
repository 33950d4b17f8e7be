package vn.parindex.scoring.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Dossier statistics' REST API, as far as scoring uses it. Wrapped by {@link DossierStatsClient}. */
@RegisterRestClient(configKey = "dossier-stats")
@Path("/api/dossier-stats")
interface DossierStatsApi {

    record Metric(String name, BigDecimal value, long numerator, long denominator, String formula) {}

    record Metrics(String unitCode, int year, List<Metric> metrics) {}

    @GET
    @Path("/metrics")
    Metrics metrics(
            @QueryParam("unitCode") String unitCode,
            @QueryParam("year") int year,
            @QueryParam("includeDescendants") boolean includeDescendants);
}
