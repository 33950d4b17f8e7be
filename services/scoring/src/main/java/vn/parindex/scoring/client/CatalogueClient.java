package vn.parindex.scoring.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.parindex.common.api.client.RemoteService;
import vn.parindex.common.api.client.RemoteSettings;
import vn.parindex.scoring.ScoringError;

/** Criteria sets from the criteria catalogue, as JSON to snapshot; down → 503. */
@ApplicationScoped
public class CatalogueClient {

    /** A set's JSON document and its ETag (revision). */
    public record SetDocument(String json, String etag) {}

    private final CatalogueApi api;
    private final RemoteService catalogue;

    public CatalogueClient(@RestClient CatalogueApi api, RemoteSettings settings) {
        this.api = api;
        this.catalogue = RemoteService.of("The criteria catalogue", ScoringError.CATALOGUE_UNAVAILABLE, settings);
    }

    /** The set {@code code}; empty when the catalogue has none. */
    public Optional<SetDocument> criteriaSet(String code) {
        return catalogue.find(() -> {
            try (Response r = api.criteriaSet(code)) {
                return new SetDocument(r.readEntity(String.class), r.getHeaderString(HttpHeaders.ETAG));
            }
        });
    }
}
