package vn.parindex.registry.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader: comma-separated, double-quoted fields with "" escapes, LF or CRLF lines. */
public final class Csv {

    /** One record with the line number it starts on (1 = header). */
    public record Row(int line, List<String> fields) {
        public String get(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    private Csv() {}

    public static List<Row> read(Reader source) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(source)) {
            int lineNo = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int start = lineNo;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                while (true) {
                    for (int i = 0; i < line.length(); i++) {
                        char c = line.charAt(i);
                        if (quoted) {
                            if (c == '"') {
                                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                                    field.append('"');
                                    i++;
                                } else {
                                    quoted = false;
                                }
                            } else {
                                field.append(c);
                            }
                        } else if (c == '"') {
                            quoted = true;
                        } else if (c == ',') {
                            fields.add(field.toString());
                            field.setLength(0);
                        } else {
                            field.append(c);
                        }
                    }
                    if (!quoted) {
                        break;
                    }
                    String next = in.readLine();
                    if (next == null) {
                        break;
                    }
                    lineNo++;
                    field.append('\n');
                    line = next;
                }
                fields.add(field.toString());
                if (fields.size() == 1 && fields.getFirst().isBlank()) {
                    continue;
                }
                rows.add(new Row(start, fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
