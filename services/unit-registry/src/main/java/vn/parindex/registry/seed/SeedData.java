package vn.parindex.registry.seed;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import vn.parindex.registry.domain.Csv;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.Part;
import vn.parindex.registry.domain.TransitionPlanner.LineageRow;
import vn.parindex.registry.domain.UnitAttributes;

/** Reads the seed files shipped in {@code seed/units/} (see the SOURCES.md beside them). */
public final class SeedData {

    static final String DIR = "seed/units/";

    private SeedData() {}

    public static List<UnitAttributes> units(String file) {
        return rows(file).stream()
                .map(r -> new UnitAttributes(
                        r.get(0).strip(),
                        nfc(r.get(1)),
                        nfc(r.get(2)),
                        Level.fromCsv(r.get(3)),
                        r.get(4).isBlank() ? null : r.get(4).strip()))
                .toList();
    }

    /**
     * The 2025 lineage from the detail file (it carries {@code part}); rows of communes abolished before the
     * 2024 structure ({@code old_in_units_2024=no}) are left out, as their units are not in the seed.
     */
    public static List<LineageRow> lineage2025() {
        return rows("lineage_2025_detail.csv").stream()
                .filter(r -> "yes".equals(r.get(8)))
                .map(r -> new LineageRow(
                        r.get(0).strip(),
                        r.get(3).strip(),
                        Part.valueOf(r.get(7).strip().toUpperCase())))
                .toList();
    }

    private static List<Csv.Row> rows(String file) {
        InputStream in = SeedData.class.getClassLoader().getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IllegalStateException("Seed file missing from the build: " + DIR + file);
        }
        List<Csv.Row> rows = Csv.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        return rows.subList(1, rows.size());
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }
}
