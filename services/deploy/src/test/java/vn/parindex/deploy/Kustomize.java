package vn.parindex.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of Kustomize this set uses, to render base and overlays in the test without the kustomize binary:
 * {@code resources} (files, or directories with a kustomization), {@code patches} by {@code path} (strategic merge:
 * maps merge, lists of maps that all carry a {@code name} merge by name, other lists are replaced), and {@code
 * namespace}. A kustomization using anything else is refused, so nothing is silently left out of the check.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "resources", "patches", "namespace");

    private Kustomize() {}

    /** Every object of the kustomization in {@code dir}, patched. */
    static List<ObjectNode> render(Path dir) {
        JsonNode kustomization = readOne(dir.resolve("kustomization.yaml"));
        for (Iterator<String> it = kustomization.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!KNOWN.contains(field)) {
                throw new IllegalStateException(
                        dir + "/kustomization.yaml: '" + field + "' is not understood by the test's renderer");
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                objects.addAll(readAll(path));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (!patch.has("path") || patch.size() != 1) {
                throw new IllegalStateException(dir + ": only patches by path are understood: " + patch);
            }
            for (ObjectNode change : readAll(dir.resolve(patch.get("path").asText()))) {
                ObjectNode target = find(
                        objects,
                        change.path("kind").asText(),
                        change.path("metadata").path("name").asText());
                if (target == null) {
                    throw new IllegalStateException(
                            dir + "/" + patch.get("path").asText() + ": patches "
                                    + change.path("kind").asText() + " "
                                    + change.path("metadata").path("name").asText()
                                    + ", which the set does not have");
                }
                merge(target, change);
            }
        }
        if (kustomization.has("namespace")) {
            for (ObjectNode object : objects) {
                ((ObjectNode) object.with("metadata"))
                        .put("namespace", kustomization.get("namespace").asText());
            }
        }
        return objects;
    }

    static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        for (ObjectNode object : objects) {
            if (object.path("kind").asText().equals(kind)
                    && object.path("metadata").path("name").asText().equals(name)) {
                return object;
            }
        }
        return null;
    }

    /** Strategic merge of {@code change} into {@code target}, in place. */
    static void merge(ObjectNode target, JsonNode change) {
        for (Iterator<Map.Entry<String, JsonNode>> it = change.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing instanceof ObjectNode object && value.isObject()) {
                merge(object, value);
            } else if (existing instanceof ArrayNode list && value.isArray() && named(list) && named(value)) {
                for (JsonNode element : value) {
                    JsonNode match = null;
                    for (JsonNode candidate : list) {
                        if (candidate
                                .get("name")
                                .asText()
                                .equals(element.get("name").asText())) {
                            match = candidate;
                        }
                    }
                    if (match == null) {
                        list.add(element.deepCopy());
                    } else {
                        merge((ObjectNode) match, element);
                    }
                }
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean named(JsonNode list) {
        for (JsonNode element : list) {
            if (!element.isObject() || !element.has("name")) {
                return false;
            }
        }
        return !list.isEmpty();
    }

    static List<ObjectNode> readAll(Path file) {
        try {
            List<ObjectNode> objects = new ArrayList<>();
            try (var parser = new YAMLFactory().createParser(file.toFile())) {
                Iterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class);
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc == null || doc.isNull() || doc.isMissingNode()) {
                        continue;
                    }
                    if (!doc.isObject()) {
                        throw new IllegalStateException(file + ": a document that is not an object");
                    }
                    objects.add((ObjectNode) doc);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static JsonNode readOne(Path file) {
        List<ObjectNode> docs = readAll(file);
        if (docs.size() != 1) {
            throw new IllegalStateException(file + ": expected one document, found " + docs.size());
        }
        return docs.get(0);
    }
}
