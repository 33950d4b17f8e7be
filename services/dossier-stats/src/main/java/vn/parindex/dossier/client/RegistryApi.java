package vn.parindex.dossier.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The unit registry's REST API, as far as dossier statistics uses it. Wrapped by {@link UnitDirectory}. */
@RegisterRestClient(configKey = "unit-registry")
@Path("/api/units")
interface RegistryApi {

    /** One version of a unit (the registry's {@code Unit}). */
    record UnitVersion(
            String code, String name, String level, String parentCode, LocalDate validFrom, LocalDate validTo) {
        boolean validOn(LocalDate day) {
            return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
        }
    }

    /** The registry's page envelope. */
    record UnitPage(List<UnitVersion> items, int page, int size, long total) {}

    @GET
    @Path("/{code}/history")
    List<UnitVersion> history(@PathParam("code") String code);

    /** Every version of every unit, by code, a page at a time. */
    @GET
    @Path("/versions")
    UnitPage versions(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    UnitPage list(@QueryParam("level") String level, @QueryParam("asOf") LocalDate asOf, @QueryParam("size") int size);

    @GET
    @Path("/{code}/descendants")
    UnitPage descendants(
            @PathParam("code") String code, @QueryParam("asOf") LocalDate asOf, @QueryParam("size") int size);
}
