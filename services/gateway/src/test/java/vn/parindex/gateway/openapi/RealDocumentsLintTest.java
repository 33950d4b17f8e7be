package vn.parindex.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.parindex.gateway.StubUpstreams;
import vn.parindex.gateway.proxy.RouteTable;

/**
 * The merged document as integrators get it, built from the REAL services' documents (the stubs serve the files
 * {@code ./mvnw package} writes to {@code services/<name>/target/openapi/openapi.json}; the reactor builds the
 * services before the gateway). It must pass Redocly's lint ({@code redocly.yaml} in this module) and give a
 * TypeScript client (openapi-typescript + openapi-fetch) that compiles with {@code tsc --noEmit}. The npm tools
 * are installed, pinned, under {@code target/npm-tools} (nothing global); Node 20+ and npm must be on the PATH.
 */
@QuarkusTest
@TestProfile(RealDocumentsLintTest.RealDocuments.class)
class RealDocumentsLintTest {

    /** Requests go to the gateway's public port (the edge), as clients' do. */
    @BeforeEach
    void sendToTheGateway() {
        StubUpstreams.sendToGateway();
    }

    /** Pinned tool versions; openapi-typescript 7 wants TypeScript 5. */
    static final List<String> NPM_PACKAGES =
            List.of("@redocly/cli@2.77.0", "openapi-typescript@7.13.0", "typescript@5.9.3", "openapi-fetch@0.17.0");

    private static final Path WORK = Path.of("target/openapi-lint");
    private static final Path TOOLS = Path.of("target/npm-tools");

    public static class RealDocuments implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubUpstreams.class, Map.of("documents", "real")));
        }
    }

    @Inject
    MergedOpenApi merged;

    @Test
    void shouldLintCleanlyAndGiveATypeScriptClientThatCompiles() throws Exception {
        merged.refresh().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(RouteTable.SERVICES, merged.servicesIncluded(), "every real document fetched");
        Files.createDirectories(WORK);
        Path document = WORK.resolve("parindex-api.json");
        Files.write(document, merged.json());

        JsonNode json = new ObjectMapper().readTree(merged.json());
        assertSpansEveryService(json);

        installTools();
        Path redocly = bin("redocly");
        run(
                List.of(
                        redocly.toString(),
                        "lint",
                        "--config",
                        "redocly.yaml",
                        "--max-problems",
                        "1000",
                        document.toString()),
                "Redocly lint");

        // Inside the tools folder, so the client resolves openapi-fetch from its node_modules.
        Path client = TOOLS.resolve("client");
        Files.createDirectories(client);
        run(
                List.of(
                        bin("openapi-typescript").toString(),
                        document.toString(),
                        "-o",
                        client.resolve("parindex-api.d.ts").toString()),
                "openapi-typescript");
        Files.writeString(client.resolve("client.ts"), CLIENT, StandardCharsets.UTF_8);
        Files.writeString(client.resolve("tsconfig.json"), TSCONFIG, StandardCharsets.UTF_8);
        run(
                List.of(
                        bin("tsc").toString(),
                        "--noEmit",
                        "-p",
                        client.resolve("tsconfig.json").toString()),
                "tsc --noEmit");
    }

    /** Paths of every service, the gateway's own, one Problem shared by all (no renamed copies). */
    private static void assertSpansEveryService(JsonNode json) {
        JsonNode paths = json.path("paths");
        for (String path : List.of(
                "/api/units/{code}",
                "/api/criteria-sets/{code}",
                "/api/metrics",
                "/api/campaigns/{code}/results",
                "/api/rankings/{campaignCode}",
                "/api/dossier-stats",
                "/api/calendar/{year}",
                "/auth/token",
                "/auth/jwks",
                "/api/health")) {
            assertTrue(paths.has(path), "merged document lacks " + path);
        }
        List<String> schemas = new ArrayList<>();
        json.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        assertTrue(schemas.contains("Problem"));
        assertFalse(
                schemas.stream().anyMatch(name -> name.endsWith("Problem") && !name.equals("Problem")),
                "Problem should be shared, not renamed: " + schemas);
        paths.fieldNames()
                .forEachRemaining(path -> assertTrue(
                        path.startsWith("/api/") || path.startsWith("/auth/"),
                        "not reachable through the gateway: " + path));
    }

    private static void installTools() throws Exception {
        if (Files.isExecutable(bin("redocly"))
                && Files.isExecutable(bin("tsc"))
                && Files.isExecutable(bin("openapi-typescript"))) {
            return;
        }
        Files.createDirectories(TOOLS);
        List<String> command = new ArrayList<>(
                List.of("npm", "install", "--prefix", TOOLS.toString(), "--no-audit", "--no-fund", "--loglevel=error"));
        command.addAll(NPM_PACKAGES);
        run(command, "npm install (needs Node 20+ and npm on the PATH, and registry.npmjs.org)");
    }

    private static Path bin(String tool) {
        return TOOLS.resolve("node_modules/.bin").resolve(tool);
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK, "tool", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError(what + " could not start: " + e.getMessage(), e);
        }
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log);
        System.out.println("--- " + what + " ---\n" + output);
        if (!finished) {
            process.destroyForcibly();
            throw new AssertionError(what + " did not finish within 10 minutes:\n" + output);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(what + " failed (exit " + process.exitValue() + "):\n" + output);
        }
    }

    /** Uses the generated types through openapi-fetch, across services, as a portal would. */
    private static final String CLIENT = """
            import createClient from "openapi-fetch";
            import type { paths, components } from "./parindex-api";

            const api = createClient<paths>({ baseUrl: "http://localhost:8080" });

            type Problem = components["schemas"]["Problem"];
            type Health = components["schemas"]["GatewayHealth"];

            export async function demo(token: string): Promise<string[]> {
              const notes: string[] = [];
              const unit = await api.GET("/api/units/{code}", {
                params: { path: { code: "04252" }, query: { asOf: "2025-06-30" } },
              });
              if (unit.error) {
                const problem: Problem = unit.error as Problem;
                notes.push(problem.code);
              }
              const ranking = await api.GET("/api/rankings/{campaignCode}", {
                params: { path: { campaignCode: "YB-DIST-2021" } },
                headers: { Authorization: `Bearer ${token}` },
              });
              notes.push(String(ranking.response.status));
              const health = await api.GET("/api/health");
              const body: Health | undefined = health.data;
              notes.push(String(body?.status));
              const login = await api.POST("/auth/token", {
                body: { grant_type: "password", username: "admin", password: "admin" },
                bodySerializer: (b) => new URLSearchParams(b as Record<string, string>).toString(),
                headers: { "Content-Type": "application/x-www-form-urlencoded" },
              });
              notes.push(login.data?.access_token ?? "");
              return notes;
            }
            """;

    private static final String TSCONFIG = """
            {
              "compilerOptions": {
                "target": "ES2022",
                "module": "ESNext",
                "moduleResolution": "Bundler",
                "lib": ["ES2022", "DOM"],
                "strict": true,
                "noEmit": true,
                "skipLibCheck": false
              },
              "files": ["client.ts", "parindex-api.d.ts"]
            }
            """;
}
