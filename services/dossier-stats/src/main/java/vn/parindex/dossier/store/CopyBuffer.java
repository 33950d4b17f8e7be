package vn.parindex.dossier.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * COPY text being gathered for a chunk: a byte buffer that is read back without copying, and that encodes values
 * straight into its bytes ({@link #value}): a row costs no String building, no {@code getBytes} and no lock per
 * byte, which matters at a million rows a batch.
 */
public final class CopyBuffer extends ByteArrayOutputStream {

    public CopyBuffer(int size) {
        super(size);
    }

    /** What was written, as COPY's input; valid until the buffer is written to or reset. */
    public InputStream in() {
        return new ByteArrayInputStream(buf, 0, count);
    }

    /**
     * One value in PostgreSQL COPY text format, UTF-8: {@code \N} for null, backslash escapes for the separators;
     * the same bytes as {@link CopyEncoding#value} then {@code getBytes(UTF_8)} (a lone surrogate as {@code ?}).
     */
    public void value(String value) {
        if (value == null) {
            ensure(2);
            buf[count++] = '\\';
            buf[count++] = 'N';
            return;
        }
        int n = value.length();
        ensure(3 * n);
        byte[] b = buf;
        int at = count;
        for (int i = 0; i < n; i++) {
            char ch = value.charAt(i);
            if (ch < 0x80) {
                switch (ch) {
                    case '\\' -> {
                        b[at++] = '\\';
                        b[at++] = '\\';
                    }
                    case '\t' -> {
                        b[at++] = '\\';
                        b[at++] = 't';
                    }
                    case '\n' -> {
                        b[at++] = '\\';
                        b[at++] = 'n';
                    }
                    case '\r' -> {
                        b[at++] = '\\';
                        b[at++] = 'r';
                    }
                    default -> b[at++] = (byte) ch;
                }
            } else if (ch < 0x800) {
                b[at++] = (byte) (0xc0 | (ch >> 6));
                b[at++] = (byte) (0x80 | (ch & 0x3f));
            } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(ch, value.charAt(++i));
                b[at++] = (byte) (0xf0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                b[at++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(ch)) {
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xe0 | (ch >> 12));
                b[at++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
                b[at++] = (byte) (0x80 | (ch & 0x3f));
            }
        }
        count = at;
    }

    /** A separator: {@code '\t'} between values, {@code '\n'} after a row. */
    public void separator(char separator) {
        ensure(1);
        buf[count++] = (byte) separator;
    }

    private void ensure(int more) {
        if (count + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, count + more));
        }
    }
}
