package vn.parindex.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scoring's package rules, read from the compiled classes (every class a class file names sits in its constant
 * pool, so same-package uses without an import count too): the packages depend on each other without a cycle, and
 * a resource is used by nobody (what a resource and its service share lives in a {@code *Dto} class or beside the
 * service).
 */
class PackageDependenciesTest {

    private static final String ROOT = "vn/parindex/scoring/";
    private static final Pattern REFERENCE =
            Pattern.compile(Pattern.quote(ROOT) + "((?:[a-z][a-z0-9]*/)*)([A-Z][A-Za-z0-9_]*)");

    /** Top-level class ({@code campaign/CampaignService}) → the top-level classes of scoring it names. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(ScoringError.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve(ROOT);
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String name = classes.relativize(f).toString().replace('\\', '/');
                String self = topLevel(name.substring(0, name.length() - ".class".length()));
                Matcher m = REFERENCE.matcher(read(f));
                while (m.find()) {
                    String used = m.group(1) + m.group(2);
                    if (!used.equals(self)) {
                        USES.computeIfAbsent(self, k -> new TreeSet<>()).add(used);
                    }
                }
            });
        }
    }

    @Test
    void shouldReadTheDependenciesOfTheCompiledClasses() {
        // Guards the other tests against passing on an empty scan.
        assertTrue(USES.getOrDefault("publication/PublicationService", Set.of()).contains("result/ResultsService"));
    }

    @Test
    void shouldHaveNoPackageCycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        USES.forEach((from, used) -> used.forEach(to -> {
            if (!pkg(from).equals(pkg(to))) {
                graph.computeIfAbsent(pkg(from), k -> new TreeSet<>()).add(pkg(to));
            }
        }));
        assertEquals(List.of(), cycles(graph), "package cycles; dependencies: " + graph);
    }

    @Test
    void shouldFindTheCycleOfAGraphThatHasOne() {
        Map<String, Set<String>> graph = Map.of(
                "publication", new TreeSet<>(Set.of("result", "campaign")),
                "result", Set.of("assessment"),
                "assessment", Set.of("publication"));
        assertEquals(List.of("assessment -> publication -> result -> assessment"), cycles(new TreeMap<>(graph)));
    }

    private static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> cycles = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            findCycle(graph, start, new ArrayList<>(), done, cycles);
        }
        return cycles;
    }

    @Test
    void shouldUseNoResourceOutsideItself() {
        List<String> uses = new ArrayList<>();
        USES.forEach((from, used) ->
                used.stream().filter(to -> to.endsWith("Resource")).forEach(to -> uses.add(from + " -> " + to)));
        assertEquals(List.of(), uses, "resources are the HTTP edge: share DTOs through a *Dto class instead");
    }

    private static void findCycle(
            Map<String, Set<String>> graph, String at, List<String> path, Set<String> done, List<String> cycles) {
        int seen = path.indexOf(at);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(at);
            cycles.add(String.join(" -> ", cycle));
            return;
        }
        if (done.contains(at)) {
            return;
        }
        path.add(at);
        for (String next : graph.getOrDefault(at, Set.of())) {
            findCycle(graph, next, path, done, cycles);
        }
        path.removeLast();
        done.add(at);
    }

    /** {@code index/IndexResource$Value} → {@code index/IndexResource}. */
    private static String topLevel(String name) {
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** {@code index/IndexDto} → {@code index}; the root package's classes → {@code (root)}. */
    private static String pkg(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "(root)" : name.substring(0, slash);
    }

    /** A class file as Latin-1 text: the names in its constant pool are ASCII, so they read as they are. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
