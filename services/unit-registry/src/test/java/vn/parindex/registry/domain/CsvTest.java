package vn.parindex.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndNewlines() {
        List<Csv.Row> rows = Csv.read(new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n"));
        assertEquals(List.of("x, y", "say \"hi\""), rows.get(1).fields());
        assertEquals(List.of("multi\nline", "z"), rows.get(2).fields());
        assertEquals(3, rows.get(2).line());
    }

    @Test
    void shouldSkipABomAndBlankLines() {
        List<Csv.Row> rows = Csv.read(new StringReader("\uFEFFcode\n\n15\n"));
        assertEquals(List.of("code"), rows.get(0).fields());
        assertEquals(2, rows.size());
    }
}
