package vn.parindex.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void shouldTurnEveryOccurrenceOfANameIntoAPositionalParameter() {
        NamedSql sql = NamedSql.of("SELECT 1 WHERE a >= :from AND b <= :to AND c < :from AND u = ANY(:units)");
        assertEquals("SELECT 1 WHERE a >= ? AND b <= ? AND c < ? AND u = ANY(?)", sql.jdbc());
        assertEquals(List.of("from", "to", "from", "units"), sql.names());
    }

    @Test
    void shouldLeaveCastsAndQuotedTextAlone() {
        NamedSql sql = NamedSql.of("SELECT :day::date, 'at :noon', \"col:x\" FROM t WHERE k = :asOf");
        assertEquals("SELECT ?::date, 'at :noon', \"col:x\" FROM t WHERE k = ?", sql.jdbc());
        assertEquals(List.of("day", "asOf"), sql.names());
    }
}
