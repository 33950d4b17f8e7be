package vn.parindex.scoring.seed;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code GET /q/health/group/demo-data}: whether the demo campaigns are there, for the launcher's inventory and for
 * people. UP when all of them are published (or demo data is off), DOWN otherwise; the data says which
 * ({@code status}: DISABLED, LOADING, LOADED, FAILED), how many demo campaigns are published of how many, and how many
 * campaigns scoring holds. Not part of readiness: scoring serves its API whatever the demo data does.
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
                .withData("status", now.state().name())
                .withData("message", now.message());
        boolean complete = true;
        try (Connection c = dataSource.getConnection();
                PreparedStatement demo = c.prepareStatement(
                        "SELECT count(*) FROM campaign WHERE status = 'PUBLISHED' AND code = ANY(?)");
                PreparedStatement all = c.prepareStatement("SELECT count(*) FROM campaign")) {
            demo.setArray(1, c.createArrayOf("varchar", now.codes().toArray()));
            long published = count(demo);
            response.withData("demoCampaignsPublished", published)
                    .withData("demoCampaignsExpected", now.codes().size())
                    .withData("campaigns", count(all));
            complete = published == now.codes().size();
        } catch (SQLException e) {
            response.withData("countsError", String.valueOf(e.getMessage()));
            complete = false;
        }
        boolean up = now.state() == DemoStatus.State.DISABLED || (now.state() == DemoStatus.State.LOADED && complete);
        return response.status(up).build();
    }

    private static long count(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
