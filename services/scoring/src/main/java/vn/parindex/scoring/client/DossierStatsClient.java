package vn.parindex.scoring.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.parindex.common.api.client.RemoteService;
import vn.parindex.common.api.client.RemoteSettings;
import vn.parindex.scoring.ScoringError;

/** A unit's year metrics from dossier statistics (the unit and its descendants); down → 503. */
@ApplicationScoped
public class DossierStatsClient {

    /** A metric's value (a percentage) with the counts behind it. */
    public record MetricValue(BigDecimal value, long numerator, long denominator) {}

    private final DossierStatsApi api;
    private final RemoteService dossierStats;

    public DossierStatsClient(@RestClient DossierStatsApi api, RemoteSettings settings) {
        this.api = api;
        this.dossierStats = RemoteService.of("Dossier statistics", ScoringError.DOSSIER_STATS_UNAVAILABLE, settings);
    }

    /** Metrics by name (as the criteria catalogue names them). */
    public Map<String, MetricValue> metrics(String unitCode, int year) {
        DossierStatsApi.Metrics m =
                dossierStats.find(() -> api.metrics(unitCode, year, true)).orElse(null);
        Map<String, MetricValue> byName = new LinkedHashMap<>();
        if (m != null && m.metrics() != null) {
            m.metrics().forEach(x -> byName.put(x.name(), new MetricValue(x.value(), x.numerator(), x.denominator())));
        }
        return byName;
    }
}
