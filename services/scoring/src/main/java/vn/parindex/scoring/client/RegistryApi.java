package vn.parindex.scoring.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The unit registry's REST API, as far as scoring uses it. Wrapped by {@link RegistryClient}. */
@RegisterRestClient(configKey = "unit-registry")
@Path("/api")
interface RegistryApi {

    /** A peer group with its frozen members (the registry's {@code UnitGroup}). */
    record Group(String code, String name, int year, LocalDate asOf, int memberCount, List<Member> members) {}

    record Member(String code, String name, String type, String level, String parentCode) {}

    /** One old → new link of the registry's change list. */
    record ChangeLink(LocalDate effectiveDate, String kind, String oldCode, String newCode, boolean derived) {}

    record ChangePage(List<ChangeLink> items, int page, int size, long total) {}

    @GET
    @Path("/unit-groups/{code}")
    Group group(@PathParam("code") String code);

    @GET
    @Path("/unit-changes")
    ChangePage changes(
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @QueryParam("includeDerived") boolean includeDerived,
            @QueryParam("page") int page,
            @QueryParam("size") int size);
}
