package vn.parindex.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One error code, one status, in every service: a client that reads {@code code} must never learn two meanings of
 * it. Reads the error catalogues of all modules' sources ({@code ErrorCode.of("CODE", status, …)} and the common
 * enum); needs no running set.
 */
class ErrorCodesTest {

    private static final Pattern DEFINED = Pattern.compile("ErrorCode\\.of\\(\\s*\"([A-Z_]+)\",\\s*(\\d{3})");
    private static final Pattern COMMON = Pattern.compile("^\\s*([A-Z_]+)\\((\\d{3}),", Pattern.MULTILINE);

    @Test
    void shouldGiveEachErrorCodeOneStatusEverywhere() throws IOException {
        Map<String, TreeSet<String>> statuses = new TreeMap<>();
        Map<String, List<String>> where = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Clients.ROOT.resolve("services"))) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .toList()) {
                String text = Files.readString(f);
                Matcher m = DEFINED.matcher(text);
                List<Matcher> matchers = new ArrayList<>(List.of(m));
                if (f.getFileName().toString().equals("CommonError.java")) {
                    matchers.add(COMMON.matcher(text));
                }
                for (Matcher each : matchers) {
                    while (each.find()) {
                        statuses.computeIfAbsent(each.group(1), k -> new TreeSet<>())
                                .add(each.group(2));
                        where.computeIfAbsent(each.group(1), k -> new ArrayList<>())
                                .add(Clients.ROOT.relativize(f) + " " + each.group(2));
                    }
                }
            }
        }
        assertTrue(statuses.size() > 50, "the catalogues were read (" + statuses.size() + " codes)");
        Map<String, List<String>> twice = new TreeMap<>();
        statuses.forEach((code, s) -> {
            if (s.size() > 1) {
                twice.put(code, where.get(code));
            }
        });
        assertEquals(Map.of(), twice, "codes with more than one status");
    }
}
