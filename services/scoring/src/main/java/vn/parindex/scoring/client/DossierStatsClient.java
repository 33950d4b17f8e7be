package vn.parindex.scoring.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.parindex.common.api.ApiException;
import vn.parindex.scoring.ScoringError;

/** A unit's year metrics from dossier statistics (the unit and its descendants); down → 503. */
@ApplicationScoped
public class DossierStatsClient {

    /** A metric's value (a percentage) with the counts behind it. */
    public record MetricValue(BigDecimal value, long numerator, long denominator) {}

    private final DossierStatsApi api;

    public DossierStatsClient(@RestClient DossierStatsApi api) {
        this.api = api;
    }

    /** Metrics by name (as the criteria catalogue names them). */
    public Map<String, MetricValue> metrics(String unitCode, int year) {
        DossierStatsApi.Metrics m = Remote.call(
                        () -> guarded(Remote.notFoundAsEmpty(() -> api.metrics(unitCode, year, true))),
                        ScoringError.DOSSIER_STATS_UNAVAILABLE,
                        "Dossier statistics")
                .orElse(null);
        Map<String, MetricValue> byName = new LinkedHashMap<>();
        if (m != null && m.metrics() != null) {
            m.metrics().forEach(x -> byName.put(x.name(), new MetricValue(x.value(), x.numerator(), x.denominator())));
        }
        return byName;
    }

    @Timeout(10_000)
    @Retry(
            maxRetries = 2,
            delay = 200,
            abortOn = {ApiException.class, ClientErrorException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = ClientErrorException.class)
    <T> T guarded(Supplier<T> request) {
        return request.get();
    }
}
