package vn.parindex.launcher;

import java.util.List;

/**
 * The services the launcher starts, in start order. Adding a service is one line here (ports and database
 * names as in docs: gateway 8080, unit-registry 8081, criteria-catalogue 8082, scoring 8083, dossier-stats 8084).
 */
public final class ServiceTable {

    /** The one entry point: its addresses are printed first. */
    public static final String GATEWAY = "gateway";

    public static final List<ServiceDefinition> SERVICES = List.of(
            ServiceDefinition.quarkus("unit-registry", 8081, "unit_registry"),
            ServiceDefinition.quarkus("criteria-catalogue", 8082, "criteria_catalogue"),
            ServiceDefinition.quarkus("dossier-stats", 8084, "dossier_stats"),
            // Scoring calls the three above; started after them so its demo campaign finds them answering.
            ServiceDefinition.quarkus("scoring", 8083, "scoring"),
            // Routes to all of them and is ready only when they are: started last.
            ServiceDefinition.quarkusWithoutDatabase(GATEWAY, 8080));

    /** Where services find each other in the embedded mode (all on this machine). */
    public static final java.util.Map<String, String> SERVICE_URLS = java.util.Map.of(
            "QUARKUS_REST_CLIENT_UNIT_REGISTRY_URL", "http://localhost:8081",
            "QUARKUS_REST_CLIENT_CRITERIA_CATALOGUE_URL", "http://localhost:8082",
            "QUARKUS_REST_CLIENT_DOSSIER_STATS_URL", "http://localhost:8084");

    private ServiceTable() {}
}
