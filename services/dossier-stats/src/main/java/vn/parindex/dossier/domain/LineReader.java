package vn.parindex.dossier.domain;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters from a reader with its own buffer (no per-character
 * locking). A longer line is skipped up to its newline and answered as {@link #TOO_LONG}, so a batch can never
 * make the service hold more than one bounded line.
 */
final class LineReader {

    static final String TOO_LONG = new String("\u0000too-long");

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder spill = new StringBuilder();
    private int pos;
    private int limit;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its line end, {@link #TOO_LONG}, or {@code null} at the end. */
    String readLine() throws IOException {
        spill.setLength(0);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos >= limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    return finish(tooLong);
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            int len = pos - start;
            if (!tooLong) {
                if (spill.length() + len > maxChars) {
                    tooLong = true;
                    spill.setLength(0);
                } else if (pos < limit && spill.isEmpty()) {
                    pos++; // the newline
                    return strip(new String(buf, start, len));
                } else {
                    spill.append(buf, start, len);
                }
            }
            if (pos < limit) {
                pos++; // the newline
                return finish(tooLong);
            }
        }
    }

    private String finish(boolean tooLong) {
        return tooLong ? TOO_LONG : strip(spill.toString());
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
