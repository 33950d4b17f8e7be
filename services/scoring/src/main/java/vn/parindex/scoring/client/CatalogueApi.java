package vn.parindex.scoring.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The criteria catalogue's REST API, as far as scoring uses it. Wrapped by {@link CatalogueClient}. */
@RegisterRestClient(configKey = "criteria-catalogue")
@Path("/api/criteria-sets")
interface CatalogueApi {

    /** The set as JSON (kept verbatim as the campaign's snapshot) with its {@code ETag}. */
    @GET
    @Path("/{code}")
    Response criteriaSet(@PathParam("code") String code);
}
