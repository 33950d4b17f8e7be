package vn.parindex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PostgreSQL from the Maven artifact: what the launcher relies on for "data survives a restart". */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void dataAndDatabasesSurviveARestart() throws Exception {
        Path data = home.resolve("pgdata");
        Path log = home.resolve("logs/postgres.log");
        int port = freePort();

        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, port, log)) {
            assertTrue(first.freshCluster());
            DatabaseServer server = first.server();
            assertTrue(server.createDatabaseIfMissing("unit_registry"));
            assertFalse(server.createDatabaseIfMissing("unit_registry"), "second call finds it");
            execute(server, "CREATE TABLE kept (name text)", "INSERT INTO kept VALUES ('Xã Đông Hưng')");
        }
        assertTrue(EmbeddedDatabase.hasCluster(data));
        assertTrue(EmbeddedDatabase.leftoverServerPid(data).isEmpty(), "stopped cleanly");

        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, port, log)) {
            assertFalse(second.freshCluster(), "the cluster is reused, not created again");
            DatabaseServer server = second.server();
            assertFalse(server.createDatabaseIfMissing("unit_registry"));
            assertEquals("xã đông hưng", query(server, "SELECT lower(name) FROM kept"));
            assertTrue(EmbeddedDatabase.leftoverServerPid(data).isPresent(), "running now");
        }
    }

    @Test
    void busyPortIsReportedClearly() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            LaunchException e = assertThrows(
                    LaunchException.class,
                    () -> EmbeddedDatabase.start(home.resolve("pgdata"), busy.getLocalPort(), home.resolve("pg.log")));
            assertTrue(e.getMessage().contains("PARINDEX_PG_PORT"), e.getMessage());
        }
    }

    private static void execute(DatabaseServer server, String... statements) throws SQLException {
        try (Connection c = connect(server);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String query(DatabaseServer server, String sql) throws SQLException {
        try (Connection c = connect(server);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    private static Connection connect(DatabaseServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("unit_registry"), server.user(), server.password());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
