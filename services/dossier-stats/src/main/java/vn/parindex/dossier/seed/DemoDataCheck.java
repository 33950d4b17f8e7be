package vn.parindex.dossier.seed;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code GET /q/health/group/demo-data}: whether the demo dossiers are there, for the launcher's inventory and for
 * people. UP when they are loaded (or demo data is off), DOWN while loading or after a failure; the data says which
 * ({@code status}: DISABLED, LOADING, LOADED, FAILED), why, and what the database holds: demo dossiers (those of
 * the demo province's communes and those of the demo campaigns' units apart), all dossiers, procedures, calendar
 * years. Not part of readiness:
 * the service serves its API whatever the demo data does.
 */
@HealthGroup(DemoDataCheck.GROUP)
@ApplicationScoped
public class DemoDataCheck implements HealthCheck {

    public static final String GROUP = "demo-data";

    private final DemoStatus status;
    private final AgroalDataSource dataSource;

    public DemoDataCheck(DemoStatus status, AgroalDataSource dataSource) {
        this.status = status;
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        DemoStatus.Snapshot now = status.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(GROUP)
                .status(now.state() == DemoStatus.State.LOADED || now.state() == DemoStatus.State.DISABLED)
                .withData("status", now.state().name())
                .withData("message", now.message())
                .withData("attempts", now.attempts());
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            long communes = count(
                    s, "SELECT count(*) FROM dossier WHERE source_system = '" + DemoDossierLoader.SOURCE_SYSTEM + "'");
            long campaigns = count(
                    s, "SELECT count(*) FROM dossier WHERE source_system = '" + TargetedDossiers.SOURCE_SYSTEM + "'");
            // Every demo dossier; then the communes of the demo province and the demo campaigns' units apart.
            response.withData("dossiers", communes + campaigns);
            response.withData("communeDossiers", communes);
            response.withData("campaignDossiers", campaigns);
            response.withData("dossiersAll", count(s, "SELECT count(*) FROM dossier"));
            response.withData("procedures", count(s, "SELECT count(*) FROM procedure"));
            try (ResultSet rs = s.executeQuery(
                    "SELECT coalesce(string_agg(DISTINCT year::text, ',' ORDER BY year::text), '') FROM calendar_day")) {
                rs.next();
                response.withData("calendarYears", rs.getString(1));
            }
        } catch (SQLException e) {
            response.down().withData("countsError", String.valueOf(e.getMessage()));
        }
        return response.build();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
