package vn.parindex.test.architecture;

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

/**
 * The skeleton every service shares (docs/architecture.md), read from a service's compiled classes: every class a
 * class file names sits in its constant pool, so same-package uses without an import count too.
 *
 * <p>A service's classes live in its root package (its error codes, exception mappers and configuration) or in one
 * of the rooms below; a room may use only the rooms listed for it and the root, so the rooms have no cycle and
 * nothing reaches back to the HTTP edge:
 *
 * <ul>
 *   <li>{@code domain}: plain-Java rules, nothing else of the service;
 *   <li>{@code api}: the typed records of requests and answers that services hand to resources (where a service
 *       speaks in them), uses the domain;
 *   <li>{@code store}: persistence (entities, SQL), uses the domain;
 *   <li>{@code client}: the REST clients of other services, uses the domain;
 *   <li>{@code service}: orchestration and transactions, uses api, store, client and domain;
 *   <li>{@code rest}: resources and their typed records, uses services and the domain; it may read the store's
 *       entities a service hands back to map them into its records, never returns them;
 *   <li>{@code seed}: data loaded at first start (real seed data or the demo), uses everything but {@code rest}.
 * </ul>
 */
public final class Rooms {

    /** Room → the rooms it may use (besides itself and the service's root package). */
    public static final Map<String, Set<String>> ALLOWED = Map.of(
            "domain", Set.of(),
            "api", Set.of("domain"),
            "store", Set.of("domain"),
            "client", Set.of("domain"),
            "service", Set.of("api", "store", "client", "domain"),
            "rest", Set.of("api", "service", "store", "domain"),
            "seed", Set.of("api", "service", "store", "client", "domain"));

    private static final String ROOT_PACKAGE = "(root)";

    /** Top-level class ({@code service/UnitQueryService}) → the top-level classes of the service it names. */
    private final Map<String, Set<String>> uses;

    private Rooms(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    /**
     * Reads the compiled classes under {@code root} (e.g. {@code vn/parindex/registry/}) of the class folder or jar
     * that holds {@code anchor}.
     */
    public static Rooms of(Class<?> anchor, String root) {
        Pattern reference = Pattern.compile(Pattern.quote(root) + "((?:[a-z][a-z0-9]*/)*)([A-Z][A-Za-z0-9_]*)");
        Map<String, Set<String>> uses = new TreeMap<>();
        Path classes = classesOf(anchor).resolve(root);
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String name = classes.relativize(f).toString().replace('\\', '/');
                String self = topLevel(name.substring(0, name.length() - ".class".length()));
                uses.computeIfAbsent(self, k -> new TreeSet<>());
                Matcher m = reference.matcher(read(f));
                while (m.find()) {
                    String used = m.group(1) + m.group(2);
                    if (!used.equals(self)) {
                        uses.get(self).add(used);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rooms(uses);
    }

    /** Test a rule on a hand-made graph: class → classes it uses, as {@code room/Class}. */
    public static Rooms ofUses(Map<String, Set<String>> uses) {
        return new Rooms(new TreeMap<>(uses));
    }

    /** The classes read and what each uses (guards a check against passing on an empty scan). */
    public Map<String, Set<String>> uses() {
        return uses;
    }

    /** Classes outside the root package and the rooms, e.g. {@code unit/UnitResource}. */
    public List<String> outsideTheRooms() {
        return uses.keySet().stream()
                .filter(c -> !pkg(c).equals(ROOT_PACKAGE) && !ALLOWED.containsKey(pkg(c)))
                .toList();
    }

    /** Uses a room may not make, as {@code from -> to}. The root package may use the domain only. */
    public List<String> forbiddenUses() {
        List<String> forbidden = new ArrayList<>();
        uses.forEach((from, used) -> used.forEach(to -> {
            String a = pkg(from);
            String b = pkg(to);
            boolean allowed = a.equals(b)
                    || b.equals(ROOT_PACKAGE)
                    || (a.equals(ROOT_PACKAGE) && b.equals("domain"))
                    || ALLOWED.getOrDefault(a, Set.of()).contains(b);
            if (!allowed) {
                forbidden.add(from + " -> " + to);
            }
        }));
        return forbidden;
    }

    /** Uses of a resource by another class: resources are the HTTP edge, shared records go to a {@code *Dto}. */
    public List<String> resourceUses() {
        List<String> found = new ArrayList<>();
        uses.forEach((from, used) ->
                used.stream().filter(to -> to.endsWith("Resource")).forEach(to -> found.add(from + " -> " + to)));
        return found;
    }

    /** The package cycles, each as {@code a -> b -> a}. */
    public List<String> cycles() {
        Map<String, Set<String>> graph = new TreeMap<>();
        uses.forEach((from, used) -> used.forEach(to -> {
            if (!pkg(from).equals(pkg(to))) {
                graph.computeIfAbsent(pkg(from), k -> new TreeSet<>()).add(pkg(to));
            }
        }));
        List<String> cycles = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            findCycle(graph, start, new ArrayList<>(), done, cycles);
        }
        return cycles;
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

    private static Path classesOf(Class<?> anchor) {
        try {
            return Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code rest/UnitResource$Page} → {@code rest/UnitResource}. */
    private static String topLevel(String name) {
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** {@code rest/UnitDto} → {@code rest}; the root package's classes → {@code (root)}. */
    private static String pkg(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? ROOT_PACKAGE : name.substring(0, slash);
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
