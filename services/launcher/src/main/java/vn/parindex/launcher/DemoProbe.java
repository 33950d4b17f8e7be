package vn.parindex.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.launcher.DemoObservation.Answer;
import vn.parindex.launcher.DemoObservation.LoaderStatus;
import vn.parindex.launcher.DemoObservation.Named;

/**
 * Reads what the running services hold, as a client would: the registry's unit counts and peer groups, the
 * catalogue's criteria sets, scoring's campaigns (with an administrator token from the gateway's demo issuer) and
 * the {@code demo-data} health checks of the catalogue, dossier statistics and scoring
 * ({@code /q/health/group/demo-data}).
 * Never throws: what cannot be read is an {@link Answer} with the reason.
 */
final class DemoProbe {

    /** The demo administrator of the gateway's local issuer (demo credentials, embedded mode only). */
    private static final String DEMO_ADMIN = "admin";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String registry;
    private final String catalogue;
    private final String scoring;
    private final String dossiers;
    private final String gateway;
    private String token;

    DemoProbe(String registry, String catalogue, String scoring, String dossiers, String gateway) {
        this.registry = registry;
        this.catalogue = catalogue;
        this.scoring = scoring;
        this.dossiers = dossiers;
        this.gateway = gateway;
    }

    static DemoProbe of(List<ServiceDefinition> services) {
        return new DemoProbe(
                baseUrl(services, "unit-registry"),
                baseUrl(services, "criteria-catalogue"),
                baseUrl(services, "scoring"),
                baseUrl(services, "dossier-stats"),
                baseUrl(services, ServiceTable.GATEWAY));
    }

    private static String baseUrl(List<ServiceDefinition> services, String name) {
        return services.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .map(ServiceDefinition::baseUrl)
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    DemoObservation observe() throws InterruptedException {
        return new DemoObservation(
                unitCounts(DemoObservation.BEFORE_REFORM),
                unitCounts(DemoObservation.AFTER_REFORM),
                groups(),
                loaderStatus("criteria-catalogue", catalogue),
                criteriaSets(),
                campaigns(),
                loaderStatus("dossier-stats", dossiers),
                loaderStatus("scoring", scoring));
    }

    private Answer<Map<String, Long>> unitCounts(String asOf) throws InterruptedException {
        Answer<JsonNode> body = get("unit-registry", registry + "/api/units/counts?asOf=" + asOf, null);
        if (!body.ok()) {
            return Answer.failed(body.error());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        body.value()
                .properties()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return Answer.of(counts);
    }

    private Answer<List<String>> groups() throws InterruptedException {
        Answer<JsonNode> body = get("unit-registry", registry + "/api/unit-groups?size=100", null);
        if (!body.ok()) {
            return Answer.failed(body.error());
        }
        List<String> codes = new ArrayList<>();
        body.value().path("items").forEach(item -> codes.add(item.path("code").asText()));
        return Answer.of(codes);
    }

    private Answer<List<Named>> criteriaSets() throws InterruptedException {
        Answer<JsonNode> body = get("criteria-catalogue", catalogue + "/api/criteria-sets?size=100", null);
        return body.ok() ? Answer.of(named(body.value())) : Answer.failed(body.error());
    }

    private Answer<List<Named>> campaigns() throws InterruptedException {
        if (token == null) {
            Answer<String> fresh = adminToken();
            if (!fresh.ok()) {
                return Answer.failed(fresh.error());
            }
            token = fresh.value();
        }
        Answer<JsonNode> body = get("scoring", scoring + "/api/campaigns?size=100", token);
        if (!body.ok()) {
            // An expired or rotated token: ask for a new one next time.
            token = null;
            return Answer.failed(body.error());
        }
        return Answer.of(named(body.value()));
    }

    /** A token of the demo administrator from the gateway's local issuer. */
    private Answer<String> adminToken() throws InterruptedException {
        String form = "grant_type=password&username=" + enc(DEMO_ADMIN) + "&password=" + enc(DEMO_ADMIN);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/auth/token"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Answer<JsonNode> body = send("gateway", request);
        if (!body.ok()) {
            return Answer.failed("no administrator token to read scoring's campaigns (the gateway's demo issuer,"
                    + " PARINDEX_AUTH_LOCAL_ISSUER_ENABLED): " + body.error());
        }
        String value = body.value().path("access_token").asText("");
        return value.isEmpty() ? Answer.failed("the gateway's token answer has no access_token") : Answer.of(value);
    }

    /** A service's {@code demo-data} health check; its body is read whether it says UP (200) or DOWN (503). */
    private Answer<LoaderStatus> loaderStatus(String service, String baseUrl) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/group/demo-data"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Answer<JsonNode> body = send(service, request, 200, 503);
        if (!body.ok()) {
            return Answer.failed(body.error());
        }
        for (JsonNode check : body.value().path("checks")) {
            if (check.path("name").asText().equals("demo-data")) {
                JsonNode data = check.path("data");
                Map<String, Long> counts = new LinkedHashMap<>();
                data.properties().forEach(entry -> {
                    if (entry.getValue().isNumber()) {
                        counts.put(entry.getKey(), entry.getValue().asLong());
                    }
                });
                return Answer.of(new LoaderStatus(
                        data.path("status").asText("UNKNOWN"),
                        data.path("message").asText(""),
                        counts,
                        data.path("calendarYears").asText("")));
            }
        }
        return Answer.failed(service + " has no demo-data health check");
    }

    private static List<Named> named(JsonNode page) {
        List<Named> items = new ArrayList<>();
        page.path("items")
                .forEach(item -> items.add(new Named(
                        item.path("code").asText(), item.path("status").asText())));
        return items;
    }

    private static Answer<JsonNode> get(String service, String url, String bearer) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(service, request.build());
    }

    private static Answer<JsonNode> send(String service, HttpRequest request, int... accepted)
            throws InterruptedException {
        int[] ok = accepted.length == 0 ? new int[] {200} : accepted;
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            for (int status : ok) {
                if (response.statusCode() == status) {
                    return Answer.of(JSON.readTree(response.body()));
                }
            }
            return Answer.failed("%s answered %d to %s %s"
                    .formatted(service, response.statusCode(), request.method(), request.uri()));
        } catch (IOException e) {
            return Answer.failed("%s does not answer %s (%s)"
                    .formatted(service, request.uri(), e.getClass().getSimpleName()));
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
