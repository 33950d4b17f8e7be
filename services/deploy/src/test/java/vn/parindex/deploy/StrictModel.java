package vn.parindex.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks one manifest against the Kubernetes API model (fabric8's classes, generated from the Kubernetes OpenAPI
 * schema): its kind must be known, every value must have the field's type, and no field may be unknown — fabric8
 * keeps unknown fields in {@code additionalProperties} instead of failing, so every object of the parsed tree is
 * walked and any such field is reported with its path ({@code spec.template.spec.containers[0].readinesProbe}).
 * Quantities ({@code 512Mi}, {@code 250m}) must parse.
 */
final class StrictModel {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private StrictModel() {}

    /** The problems of {@code manifest}, each naming the field; empty when it is valid. */
    static List<String> problems(JsonNode manifest) {
        List<String> problems = new ArrayList<>();
        String what = manifest.path("kind").asText("?") + " "
                + manifest.path("metadata").path("name").asText("?");
        KubernetesResource parsed;
        try {
            parsed = JSON.treeToValue(manifest, KubernetesResource.class);
        } catch (Exception e) {
            problems.add(what + ": " + e.getMessage().lines().findFirst().orElse(""));
            return problems;
        }
        if (parsed == null || parsed instanceof GenericKubernetesResource) {
            problems.add(what + ": unknown apiVersion/kind "
                    + manifest.path("apiVersion").asText() + "/"
                    + manifest.path("kind").asText());
            return problems;
        }
        walk(parsed, "", what, problems);
        return problems;
    }

    private static void walk(Object value, String path, String what, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Quantity quantity) {
            try {
                quantity.getNumericalAmount();
            } catch (RuntimeException e) {
                problems.add(what + ": " + path + " is not a quantity: '" + quantity + "'");
            }
            return;
        }
        if (value instanceof IntOrString) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                walk(element, path + "[" + i++ + "]", what, problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "[" + entry.getKey() + "]", what, problems);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    for (Object key : extra.keySet()) {
                        problems.add(what + ": unknown field " + (path.isEmpty() ? "" : path + ".") + key);
                    }
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3))
                    + getter.getName().substring(4);
            walk(child, path.isEmpty() ? name : path + "." + name, what, problems);
        }
    }
}
