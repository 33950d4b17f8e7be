package vn.parindex.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server that hosts one database per service.
 *
 * @param baseUrl server JDBC URL, e.g. {@code jdbc:postgresql://db:5432/} (a database name in it is ignored,
 *     query parameters such as {@code ?sslmode=require} are kept for every database)
 */
public record DatabaseServer(String baseUrl, String user, String password) {

    static final String URL_PREFIX = "jdbc:postgresql://";

    /** Database names become SQL identifiers in CREATE DATABASE, which cannot be bound as parameters. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Every PostgreSQL server has it; used to look up and create the services' databases. */
    private static final String MAINTENANCE_DATABASE = "postgres";

    public DatabaseServer {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!baseUrl.startsWith(URL_PREFIX) || hostPart(baseUrl).length() == URL_PREFIX.length()) {
            throw new IllegalArgumentException(
                    "not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/): " + baseUrl);
        }
    }

    /** The URL of one database on this server. */
    public String jdbcUrl(String database) {
        requireValidDatabaseName(database);
        int query = baseUrl.indexOf('?');
        String parameters = query < 0 ? "" : baseUrl.substring(query);
        return hostPart(baseUrl) + "/" + database + parameters;
    }

    /** The base URL without database or parameters, safe to print. */
    public String serverUrl() {
        return hostPart(baseUrl) + "/";
    }

    /** {@code jdbc:postgresql://host:port} of a URL, dropping any database path and parameters. */
    private static String hostPart(String url) {
        int query = url.indexOf('?');
        String withoutQuery = query < 0 ? url : url.substring(0, query);
        int slash = withoutQuery.indexOf('/', URL_PREFIX.length());
        return slash < 0 ? withoutQuery : withoutQuery.substring(0, slash);
    }

    /**
     * Creates the database unless it exists.
     *
     * @return whether it was created
     */
    public boolean createDatabaseIfMissing(String database) throws SQLException {
        requireValidDatabaseName(database);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(MAINTENANCE_DATABASE), user, password)) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            }
            return true;
        }
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "DatabaseServer[" + serverUrl() + ", user=" + user + "]";
    }

    static String requireValidDatabaseName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "database name must be lower-case letters, digits and underscores: " + database);
        }
        return database;
    }
}
