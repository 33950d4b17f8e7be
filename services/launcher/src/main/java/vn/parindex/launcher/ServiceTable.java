package vn.parindex.launcher;

import java.util.List;

/**
 * The services the launcher starts, in start order. Adding a service is one line here (ports and database
 * names as in docs: gateway 8080, unit-registry 8081, criteria-catalogue 8082, scoring 8083, dossier-stats 8084).
 */
public final class ServiceTable {

    public static final List<ServiceDefinition> SERVICES = List.of(
            ServiceDefinition.quarkus("unit-registry", 8081, "unit_registry"),
            ServiceDefinition.quarkus("criteria-catalogue", 8082, "criteria_catalogue"));

    private ServiceTable() {}
}
