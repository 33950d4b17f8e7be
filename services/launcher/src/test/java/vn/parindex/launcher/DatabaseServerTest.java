package vn.parindex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseServerTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db:5432/                              | jdbc:postgresql://db:5432/unit_registry",
                "jdbc:postgresql://db:5432                               | jdbc:postgresql://db:5432/unit_registry",
                "jdbc:postgresql://db:5432/postgres                      | jdbc:postgresql://db:5432/unit_registry",
                "jdbc:postgresql://db/?sslmode=require                   | jdbc:postgresql://db/unit_registry?sslmode=require",
                "jdbc:postgresql://db:5432?sslmode=require&ssl=true       | jdbc:postgresql://db:5432/unit_registry?sslmode=require&ssl=true",
                "jdbc:postgresql://[::1]:5432/                           | jdbc:postgresql://[::1]:5432/unit_registry",
                "jdbc:postgresql://a:5432,b:5432/x?targetServerType=primary"
                        + " | jdbc:postgresql://a:5432,b:5432/unit_registry?targetServerType=primary",
            })
    void databaseUrlReplacesAnyDatabaseAndKeepsParameters(String base, String expected) {
        assertEquals(expected, server(base).jdbcUrl("unit_registry"));
    }

    @Test
    void serverUrlDropsDatabaseAndParameters() {
        assertEquals(
                "jdbc:postgresql://db:5432/",
                server("jdbc:postgresql://db:5432/x?password=p").serverUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://db/", "jdbc:mysql://db/", "jdbc:postgresql://", "jdbc:postgresql:///x"})
    void rejectsUrlsThatAreNotPostgresServers(String url) {
        assertThrows(IllegalArgumentException.class, () -> server(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Unit_Registry", "unit-registry", "x\"; DROP DATABASE postgres; --", "1abc"})
    void rejectsDatabaseNamesThatAreNotPlainIdentifiers(String name) {
        assertThrows(
                IllegalArgumentException.class,
                () -> server("jdbc:postgresql://db/").jdbcUrl(name));
    }

    @Test
    void toStringHidesThePassword() {
        String text = new DatabaseServer("jdbc:postgresql://db/", "u", "s3cret").toString();
        assertFalse(text.contains("s3cret"), text);
    }

    private static DatabaseServer server(String url) {
        return new DatabaseServer(url, "postgres", "");
    }
}
