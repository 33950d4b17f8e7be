package vn.parindex.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

    private static RecordReader reader(RecordReader.Format format, String text) throws Exception {
        return RecordReader.open(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldRejectAnOverlongLineAndGoOnWithTheNextOne() throws Exception {
        String huge = "{\"dossierId\":\"" + "x".repeat(RecordReader.MAX_ROW_CHARS + 10) + "\"}";
        try (RecordReader r = reader(RecordReader.Format.NDJSON, huge + "\n{\"dossierId\":\"ok\"}\n")) {
            RecordReader.Raw first = r.next();
            assertNotNull(first.unreadable());
            assertEquals(1, first.line());
            RecordReader.Raw second = r.next();
            assertEquals("ok", second.fields().get("dossierId"));
            assertEquals(2, second.line());
            assertNull(r.next());
        }
    }

    @Test
    void shouldReadCsvWithQuotesAndCrlfAndNameBadRows() throws Exception {
        try (RecordReader r = reader(RecordReader.Format.CSV, "dossierId,status\r\n\"a,1\",resolved\r\nb\r\n")) {
            RecordReader.Raw a = r.next();
            assertEquals("a,1", a.fields().get("dossierId"));
            assertEquals("resolved", a.fields().get("status"));
            RecordReader.Raw b = r.next();
            assertEquals(3, b.line());
            assertNotNull(b.unreadable());
        }
    }

    @Test
    void shouldNumberJsonArrayItemsByPosition() throws Exception {
        // A one-line array is the common case: items are numbered 1, 2, 3 whatever the line breaks.
        try (RecordReader r =
                reader(RecordReader.Format.JSON_ARRAY, "[\n{\"dossierId\":\"a\"},\n7,\n{\"dossierId\":\"b\"}\n]")) {
            assertEquals("a", r.next().fields().get("dossierId"));
            RecordReader.Raw bad = r.next();
            assertEquals(2, bad.line());
            assertNotNull(bad.unreadable());
            RecordReader.Raw third = r.next();
            assertEquals(3, third.line());
            assertEquals("b", third.fields().get("dossierId"));
            assertNull(r.next());
        }
    }
}
