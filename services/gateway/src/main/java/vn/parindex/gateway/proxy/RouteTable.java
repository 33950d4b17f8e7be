package vn.parindex.gateway.proxy;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service answers which {@code /api/...} path. The first path segment after {@code /api/} decides, so a
 * lookup is one substring and one hash probe on every request. {@code /api/units} and {@code /api/units/...} go to
 * the registry; {@code /api/unitsX} goes nowhere.
 */
public final class RouteTable {

    public static final String UNIT_REGISTRY = "unit-registry";
    public static final String CRITERIA_CATALOGUE = "criteria-catalogue";
    public static final String SCORING = "scoring";
    public static final String DOSSIER_STATS = "dossier-stats";

    /** The services behind the gateway, in the order their documents are merged and their health is listed. */
    public static final List<String> SERVICES = List.of(UNIT_REGISTRY, CRITERIA_CATALOGUE, SCORING, DOSSIER_STATS);

    private static final String API = "/api/";

    private static final Map<String, String> BY_SEGMENT = Map.ofEntries(
            entry("units", UNIT_REGISTRY),
            entry("unit-groups", UNIT_REGISTRY),
            entry("unit-changes", UNIT_REGISTRY),
            entry("unit-events", UNIT_REGISTRY),
            entry("criteria-sets", CRITERIA_CATALOGUE),
            entry("metrics", CRITERIA_CATALOGUE),
            entry("campaigns", SCORING),
            entry("rankings", SCORING),
            entry("indices", SCORING),
            entry("procedures", DOSSIER_STATS),
            entry("dossiers", DOSSIER_STATS),
            entry("dossier-jobs", DOSSIER_STATS),
            entry("dossier-stats", DOSSIER_STATS),
            entry("calendar", DOSSIER_STATS));

    private RouteTable() {}

    /** The service that answers {@code path} (a request path without query), if any. */
    public static Optional<String> serviceFor(String path) {
        return Optional.ofNullable(lookup(path));
    }

    /** Whether {@code path} (also a templated OpenAPI path such as {@code /api/units/{code}}) goes to {@code service}. */
    public static boolean routes(String path, String service) {
        return service.equals(lookup(path));
    }

    /** The first path segments each service answers, e.g. {@code units} for the registry. */
    public static List<String> segmentsOf(String service) {
        return BY_SEGMENT.entrySet().stream()
                .filter(e -> e.getValue().equals(service))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The service that answers {@code path}, or null. */
    public static String lookup(String path) {
        if (path == null || !path.startsWith(API)) {
            return null;
        }
        int end = path.indexOf('/', API.length());
        String segment = end < 0 ? path.substring(API.length()) : path.substring(API.length(), end);
        return BY_SEGMENT.get(segment);
    }
}
