package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** What every end-to-end class calls the set with: one HTTP client, one JSON mapper, the gateway, its tokens. */
final class Clients {

    /** HTTP/1.1, as the portal's and provincial systems' clients speak to the gateway. */
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static final ObjectMapper JSON = new ObjectMapper();

    static final String GW = RunningSet.GATEWAY;

    /** The repository root (the e2e module's build gives it; the module's folder is two below it). */
    static final Path ROOT = Path.of(System.getProperty("parindex.root", "../.."))
            .toAbsolutePath()
            .normalize();

    private Clients() {}

    /** The run's shared set (started by the first class that asks), once every service says UP through the gateway. */
    static RunningSet healthySet() throws Exception {
        RunningSet set = RunningSet.shared(ROOT);
        // Every service UP (a service's own entry says UP before the others are).
        set.await(
                HTTP,
                GW + "/api/health",
                body -> body.contains("\"status\":\"UP\"") && !body.contains("DOWN"),
                Duration.ofMinutes(5));
        return set;
    }

    /** A demo user's token from the gateway's local issuer (password = user name: demo credentials). */
    static String token(String user) throws Exception {
        String form = "grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(GW + "/auth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("access_token").asText();
    }
}
