package vn.parindex.scoring.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The unit registry's REST API, as far as scoring uses it. Wrapped by {@link RegistryClient}. */
@RegisterRestClient(configKey = "unit-registry")
@Path("/api")
interface RegistryApi {

    /**
     * A peer group with its frozen members (the registry's {@code UnitGroup}) in one version: the one in force in
     * the year asked for; {@code year} and {@code asOf} are the version's.
     */
    record Group(
            String code,
            String name,
            int year,
            LocalDate asOf,
            int memberCount,
            List<Member> members,
            Integer version) {}

    record Member(String code, String name, String type, String level, String parentCode) {}

    /** Lineage of many units across a window (the registry's {@code POST /api/units/lineage}). */
    record LineageRequest(List<String> codes, LocalDate from, LocalDate to, boolean includeDerived) {}

    record Unit(String code, String name, String type, String level, String parentCode) {}

    record Relative(
            String code,
            String name,
            String level,
            String event,
            LocalDate effectiveDate,
            String part,
            int depth,
            String via,
            boolean validOnFrom) {}

    record LineageItem(String code, Unit unit, List<Relative> predecessors, List<Relative> successors) {}

    record LineageAnswer(LocalDate from, LocalDate to, List<LineageItem> items, List<String> unknown) {}

    @GET
    @Path("/unit-groups/{code}")
    Group group(@PathParam("code") String code);

    @GET
    @Path("/unit-groups/{code}")
    Group group(@PathParam("code") String code, @QueryParam("year") int year);

    @POST
    @Path("/units/lineage")
    @Consumes(MediaType.APPLICATION_JSON)
    LineageAnswer lineage(LineageRequest request);
}
