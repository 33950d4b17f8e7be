package vn.parindex.dossier.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.parindex.dossier.CsvLine;

/**
 * The dossier counts the demo campaigns of 2019–2021 read ({@value #RESOURCE}): per unit and year, how many dossiers
 * were resolved and how many of them on time, how many were received and how many of them online. Derived once
 * from scoring's demo data file; the service never reads scoring's files.
 */
public final class DemoTargets {

    public static final String RESOURCE = "synthetic/demo-targets.csv";

    /**
     * One unit's year: {@code onTime} of {@code resolved} dossiers finished by their due date, {@code online} of
     * {@code received} dossiers submitted online (to procedures of service level 3 or 4).
     */
    public record Target(
            String unitCode,
            int year,
            long onTime,
            long resolved,
            long online,
            long received,
            String campaign,
            String criteria,
            String unitName) {

        public Target {
            if (onTime < 0 || onTime > resolved || online < 0 || online > received || resolved > received) {
                throw new IllegalArgumentException("Inconsistent dossier target of " + unitCode + " " + year
                        + ": on time " + onTime + " of " + resolved + " resolved, online " + online + " of "
                        + received + " received (resolved may not exceed received)");
            }
        }
    }

    private DemoTargets() {}

    /** The targets of a classpath resource (lines starting with {@code #} are comments; the first other is the header). */
    public static List<Target> load(String resource) {
        InputStream in = DemoTargets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing from the build: " + resource);
        }
        List<Target> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                List<String> f = CsvLine.split(line);
                if (f.size() < 10) {
                    throw new IllegalStateException(resource + " line " + n + ": 10 fields expected: " + line);
                }
                Target t = new Target(
                        f.get(0).strip(),
                        Integer.parseInt(f.get(1).strip()),
                        Long.parseLong(f.get(2).strip()),
                        Long.parseLong(f.get(3).strip()),
                        Long.parseLong(f.get(4).strip()),
                        Long.parseLong(f.get(5).strip()),
                        f.get(6).strip(),
                        f.get(7).strip(),
                        f.get(9).strip());
                if (!seen.add(t.unitCode() + "/" + t.year())) {
                    throw new IllegalStateException(
                            resource + " line " + n + ": " + t.unitCode() + " " + t.year() + " is listed twice");
                }
                out.add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
