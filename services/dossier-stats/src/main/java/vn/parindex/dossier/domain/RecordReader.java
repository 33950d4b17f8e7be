package vn.parindex.dossier.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.dossier.CsvLine;

/**
 * Reads dossier rows one at a time from NDJSON, a JSON array or CSV, never holding more than one row, so a
 * batch of any size is read in bounded memory. A row that cannot be read is handed back as a rejection; a
 * JSON array that breaks off is an error for the whole batch (its rows cannot be told apart any more).
 */
public abstract class RecordReader implements java.io.Closeable {

    /**
     * One raw row: its line (1-based; for CSV the header is line 1; for a JSON array the item's position, 1 = the
     * first object) and its fields as text.
     */
    public record Raw(long line, Map<String, String> fields, Rejection unreadable) {}

    public enum Format {
        NDJSON,
        JSON_ARRAY,
        CSV
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** Longest row accepted; a longer line is rejected and skipped without being held in memory. */
    static final int MAX_ROW_CHARS = 64 * 1024;

    /** The next line that is not blank, counting every line read in {@code counter[0]}; {@code null} at the end. */
    static String nextNonBlank(LineReader lines, long[] counter) throws IOException {
        String text;
        do {
            text = lines.readLine();
            counter[0]++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        return text;
    }

    static Raw tooLong(long line) {
        return new Raw(
                line, Map.of(), new Rejection(line, "row", "is longer than " + MAX_ROW_CHARS + " characters", null));
    }

    /** The next row, or {@code null} at the end. */
    public abstract Raw next() throws IOException;

    public static RecordReader open(Format format, InputStream in) throws IOException {
        return switch (format) {
            case NDJSON -> new Ndjson(in);
            case JSON_ARRAY -> new JsonArray(in);
            case CSV -> new Csv(in);
        };
    }

    /**
     * Reads one flat JSON object as a row (nested values are kept as "(structured)"); a key given twice makes the
     * row a rejection, read to its end so that the next row starts clean.
     */
    static Raw row(long line, JsonParser p) throws IOException {
        Map<String, String> out = new HashMap<>(16);
        String repeated = null;
        boolean nulls = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int before = out.size();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
                out.put(name, "(structured)");
            } else if (t != JsonToken.VALUE_NULL) {
                out.put(name, p.getText());
            } else {
                out.put(name, null);
                nulls = true;
            }
            if (out.size() == before && repeated == null) {
                repeated = name; // the key was there already: one lookup per field, not two
            }
        }
        if (repeated != null) {
            return new Raw(line, Map.of(), new Rejection(line, repeated, "is given twice in this row", null));
        }
        if (nulls) {
            out.values().removeIf(java.util.Objects::isNull);
        }
        return new Raw(line, out, null);
    }

    static final class Ndjson extends RecordReader {
        private final LineReader lines;
        private final long[] line = {0};

        Ndjson(InputStream in) {
            this.lines = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_ROW_CHARS);
        }

        @Override
        public Raw next() throws IOException {
            String text = nextNonBlank(lines, line);
            if (text == null) {
                return null;
            }
            if (text == LineReader.TOO_LONG) {
                return tooLong(line[0]);
            }
            try (JsonParser p = JSON.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return new Raw(line[0], Map.of(), new Rejection(line[0], "row", "is not a JSON object", null));
                }
                return row(line[0], p);
            } catch (IOException e) {
                return new Raw(line[0], Map.of(), new Rejection(line[0], "row", "is not valid JSON", null));
            }
        }

        @Override
        public void close() {
            // The request body belongs to the caller.
        }
    }

    static final class JsonArray extends RecordReader {
        private final JsonParser p;
        private boolean started;
        private long item;

        JsonArray(InputStream in) throws IOException {
            this.p = JSON.createParser(in);
        }

        @Override
        public Raw next() throws IOException {
            if (!started) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IOException("a JSON batch is an array of dossier objects");
                }
                started = true;
            }
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                return null;
            }
            long line = ++item;
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                return new Raw(line, Map.of(), new Rejection(line, "row", "is not a JSON object", null));
            }
            return row(line, p);
        }

        @Override
        public void close() throws IOException {
            p.close();
        }
    }

    static final class Csv extends RecordReader {
        private final LineReader lines;
        private final List<String> header;
        private final long[] line = {1};

        Csv(InputStream in) throws IOException {
            this.lines = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_ROW_CHARS);
            String first = lines.readLine();
            if (first == null || first == LineReader.TOO_LONG) {
                throw new IOException("the CSV has no header row");
            }
            this.header = CsvLine.split(first.startsWith("\uFEFF") ? first.substring(1) : first).stream()
                    .map(String::strip)
                    .toList();
        }

        @Override
        public Raw next() throws IOException {
            String text = nextNonBlank(lines, line);
            if (text == null) {
                return null;
            }
            if (text == LineReader.TOO_LONG) {
                return tooLong(line[0]);
            }
            List<String> values = CsvLine.split(text);
            if (values.size() != header.size()) {
                return new Raw(
                        line[0],
                        Map.of(),
                        new Rejection(
                                line[0],
                                "row",
                                "has " + values.size() + " fields, the header has " + header.size(),
                                null));
            }
            Map<String, String> out = new HashMap<>(header.size() * 2);
            for (int i = 0; i < header.size(); i++) {
                if (!values.get(i).isEmpty()) {
                    out.put(header.get(i), values.get(i));
                }
            }
            return new Raw(line[0], out, null);
        }

        @Override
        public void close() {
            // The request body belongs to the caller.
        }
    }
}
