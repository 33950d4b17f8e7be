package vn.parindex.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes set as the build writes it to {@code target/kustomize}: the generated manifests of the five
 * services plus the hand-kept base, rendered with each overlay, every object strictly valid against the Kubernetes
 * model ({@link StrictModel}), and the set consistent (probes, resources, scrape annotations, every reference to a
 * ConfigMap, Secret, Deployment or Service resolving).
 */
class ManifestsTest {

    static final List<String> SERVICES =
            List.of("unit-registry", "criteria-catalogue", "scoring", "dossier-stats", "gateway");
    static final Path SET = Path.of("target/kustomize");

    @BeforeAll
    static void generatedManifestsArePresent() {
        for (String service : SERVICES) {
            Path generated = SET.resolve("base/generated").resolve(service).resolve("kubernetes.yml");
            assertTrue(
                    Files.isRegularFile(generated),
                    "Missing " + generated.toAbsolutePath()
                            + ": quarkus-kubernetes writes it when services/" + service + " is packaged. Build with"
                            + " ./mvnw verify -pl services/deploy -am (verify packages the services first).");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyObjectIsStrictlyValidKubernetes(String dir) {
        List<ObjectNode> objects = Kustomize.render(SET.resolve(dir));
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : objects) {
            problems.addAll(StrictModel.problems(object));
        }
        assertEquals(List.of(), problems, dir);
        Map<String, Long> kinds = objects.stream()
                .collect(Collectors.groupingBy(o -> o.path("kind").asText(), Collectors.counting()));
        assertEquals(5L, kinds.get("Deployment"), dir + ": " + kinds);
        assertEquals(5L, kinds.get("Service"), dir + ": " + kinds);
        assertEquals(5L, kinds.get("PodDisruptionBudget"), dir + ": " + kinds);
        assertEquals(2L, kinds.get("HorizontalPodAutoscaler"), dir + ": " + kinds);
        assertEquals(1L, kinds.get("Ingress"), dir + ": " + kinds);
        assertEquals(4L, kinds.get("Secret"), dir + ": " + kinds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyDeploymentIsProbedMeasuredAndScraped(String dir) {
        List<ObjectNode> objects = Kustomize.render(SET.resolve(dir));
        for (String service : SERVICES) {
            ObjectNode deployment = Kustomize.find(objects, "Deployment", service);
            assertNotNull(deployment, dir + ": Deployment " + service);
            JsonNode pod = deployment.path("spec").path("template");
            JsonNode container = pod.path("spec").path("containers").path(0);
            int port = container.path("ports").path(0).path("containerPort").asInt();
            assertEquals(service.equals("gateway") ? 8080 : 8080 + SERVICES.indexOf(service) + 1, port, service);
            // The gateway's /q/health/ready lists every service: its pods are ready when live, so one service down
            // does not take the whole API out of rotation.
            assertEquals(
                    service.equals("gateway") ? "/q/health/live" : "/q/health/ready",
                    container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText(),
                    service);
            assertEquals(
                    "/q/health/live",
                    container.path("livenessProbe").path("httpGet").path("path").asText(),
                    service);
            assertEquals(
                    port,
                    container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("port")
                            .asInt(),
                    service);
            JsonNode resources = container.path("resources");
            assertTrue(
                    resources.path("requests").has("cpu")
                            && resources.path("requests").has("memory"),
                    service);
            assertTrue(resources.path("limits").has("memory"), service);
            JsonNode annotations = pod.path("metadata").path("annotations");
            assertEquals("true", annotations.path("prometheus.io/scrape").asText(), service);
            assertEquals("/q/metrics", annotations.path("prometheus.io/path").asText(), service);
            assertEquals(
                    Integer.toString(port),
                    annotations.path("prometheus.io/port").asText(),
                    service);
            // Every ConfigMap and Secret the pod reads is in the set.
            for (JsonNode source : container.path("envFrom")) {
                if (source.has("configMapRef")) {
                    String name = source.path("configMapRef").path("name").asText();
                    assertNotNull(
                            Kustomize.find(objects, "ConfigMap", name),
                            dir + ": " + service + " reads ConfigMap " + name);
                }
                if (source.has("secretRef")) {
                    String name = source.path("secretRef").path("name").asText();
                    assertNotNull(
                            Kustomize.find(objects, "Secret", name), dir + ": " + service + " reads Secret " + name);
                }
            }
            assertTrue(container.path("envFrom").size() >= 2, service + " reads its config and the OIDC settings");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void autoscalersBudgetsAndTheIngressPointAtWhatExists(String dir) {
        List<ObjectNode> objects = Kustomize.render(SET.resolve(dir));
        Set<String> scaled = new TreeSet<>();
        for (ObjectNode hpa : of(objects, "HorizontalPodAutoscaler")) {
            String target = hpa.path("spec").path("scaleTargetRef").path("name").asText();
            assertNotNull(Kustomize.find(objects, "Deployment", target), dir + ": HPA of " + target);
            assertTrue(hpa.path("spec").path("minReplicas").asInt()
                    <= hpa.path("spec").path("maxReplicas").asInt());
            scaled.add(target);
        }
        assertEquals(Set.of("dossier-stats", "gateway"), scaled);
        for (ObjectNode pdb : of(objects, "PodDisruptionBudget")) {
            JsonNode selector = pdb.path("spec").path("selector").path("matchLabels");
            boolean matches = of(objects, "Deployment").stream().anyMatch(d -> {
                JsonNode labels =
                        d.path("spec").path("template").path("metadata").path("labels");
                for (var it = selector.fields(); it.hasNext(); ) {
                    var label = it.next();
                    if (!label.getValue()
                            .asText()
                            .equals(labels.path(label.getKey()).asText())) {
                        return false;
                    }
                }
                return true;
            });
            assertTrue(
                    matches, dir + ": PDB " + pdb.path("metadata").path("name").asText() + " selects no pod");
        }
        ObjectNode ingress = Kustomize.find(objects, "Ingress", "gateway");
        JsonNode backend = ingress.path("spec")
                .path("rules")
                .path(0)
                .path("http")
                .path("paths")
                .path(0)
                .path("backend");
        ObjectNode service = Kustomize.find(
                objects, "Service", backend.path("service").path("name").asText());
        assertNotNull(service, "the Ingress goes to the gateway's Service");
        String portName = backend.path("service").path("port").path("name").asText();
        assertTrue(
                has(
                        service.path("spec").path("ports"),
                        p -> p.path("name").asText().equals(portName)),
                portName);
    }

    @Test
    void overlaysSizeTheSetForTheirCluster() {
        List<ObjectNode> dev = Kustomize.render(SET.resolve("overlays/dev"));
        List<ObjectNode> prod = Kustomize.render(SET.resolve("overlays/prod"));
        for (String service : SERVICES) {
            assertEquals(
                    1,
                    Kustomize.find(dev, "Deployment", service)
                            .path("spec")
                            .path("replicas")
                            .asInt(),
                    service);
            assertTrue(
                    Kustomize.find(prod, "Deployment", service)
                                    .path("spec")
                                    .path("replicas")
                                    .asInt()
                            >= 2,
                    service);
        }
        assertEquals(
                3,
                Kustomize.find(prod, "Deployment", "unit-registry")
                        .path("spec")
                        .path("replicas")
                        .asInt());
        dev.forEach(o -> assertEquals(
                "parindex-dev", o.path("metadata").path("namespace").asText()));
        prod.forEach(o ->
                assertEquals("parindex", o.path("metadata").path("namespace").asText()));
        assertEquals(
                "true",
                Kustomize.find(dev, "ConfigMap", "parindex-gateway-config")
                        .path("data")
                        .path("PARINDEX_AUTH_LOCAL_ISSUER_ENABLED")
                        .asText());
        assertFalse(
                Kustomize.find(prod, "ConfigMap", "parindex-gateway-config")
                        .path("data")
                        .has("PARINDEX_AUTH_LOCAL_ISSUER_ENABLED"),
                "never the demo issuer in production");
        assertTrue(Kustomize.find(prod, "Ingress", "gateway").path("spec").has("tls"));
        // The patch changed the limit and kept the rest of the container.
        JsonNode dossier = Kustomize.find(prod, "Deployment", "dossier-stats")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .path(0);
        assertEquals(
                "2Gi", dossier.path("resources").path("limits").path("memory").asText());
        assertEquals(
                "/q/health/ready",
                dossier.path("readinessProbe").path("httpGet").path("path").asText());
    }

    // ---- the validator refuses what Kubernetes would refuse ------------------------------------------------------

    @Test
    void aMisspelledFieldFailsWithItsPath() throws Exception {
        ObjectNode deployment = Kustomize.find(Kustomize.render(SET.resolve("base")), "Deployment", "gateway")
                .deepCopy();
        ObjectNode container = (ObjectNode) deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .path(0);
        container.set("readinesProbe", container.remove("readinessProbe"));
        List<String> problems = StrictModel.problems(deployment);
        assertEquals(
                List.of("Deployment gateway: unknown field spec.template.spec.containers[0].readinesProbe"), problems);
    }

    @Test
    void aValueOfTheWrongTypeOrAnUnknownKindFails() throws Exception {
        JsonNode badReplicas = Kustomize.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec: {replicas: two}
                """);
        assertFalse(StrictModel.problems(badReplicas).isEmpty());
        JsonNode badQuantity = Kustomize.YAML.readTree("""
                apiVersion: v1
                kind: Pod
                metadata: {name: x}
                spec: {containers: [{name: x, image: x, resources: {limits: {memory: lots}}}]}
                """);
        assertEquals(
                1,
                StrictModel.problems(badQuantity).size(),
                StrictModel.problems(badQuantity).toString());
        JsonNode unknownKind = Kustomize.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deploymnet
                metadata: {name: x}
                """);
        assertFalse(StrictModel.problems(unknownKind).isEmpty());
        JsonNode misplaced = Kustomize.YAML.readTree("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: x}
                spec: {maxUnavailable: 1, selector: {app: x}}
                """);
        assertEquals(
                List.of("PodDisruptionBudget x: unknown field spec.selector.app"), StrictModel.problems(misplaced));
    }

    private static List<ObjectNode> of(List<ObjectNode> objects, String kind) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .toList();
    }

    private static boolean has(JsonNode list, Predicate<JsonNode> test) {
        for (JsonNode element : list) {
            if (test.test(element)) {
                return true;
            }
        }
        return false;
    }
}
