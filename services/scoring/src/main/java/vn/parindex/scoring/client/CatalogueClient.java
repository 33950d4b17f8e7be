package vn.parindex.scoring.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.parindex.common.api.ApiException;
import vn.parindex.scoring.ScoringError;

/** Criteria sets from the criteria catalogue, as JSON to snapshot; down → 503. */
@ApplicationScoped
public class CatalogueClient {

    /** A set's JSON document and its ETag (revision). */
    public record SetDocument(String json, String etag) {}

    private final CatalogueApi api;

    public CatalogueClient(@RestClient CatalogueApi api) {
        this.api = api;
    }

    public Optional<SetDocument> criteriaSet(String code) {
        return Remote.call(
                () -> guarded(Remote.notFoundAsEmpty(() -> {
                    try (Response r = api.criteriaSet(code)) {
                        return new SetDocument(r.readEntity(String.class), r.getHeaderString(HttpHeaders.ETAG));
                    }
                })),
                ScoringError.CATALOGUE_UNAVAILABLE,
                "The criteria catalogue");
    }

    @Timeout(10_000)
    @Retry(
            maxRetries = 2,
            delay = 200,
            abortOn = {ApiException.class, ClientErrorException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ClientErrorException.class)
    <T> T guarded(Supplier<T> request) {
        return request.get();
    }
}
