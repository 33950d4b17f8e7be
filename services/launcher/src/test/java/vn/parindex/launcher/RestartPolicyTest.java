package vn.parindex.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void restartsACrashedServiceUpToTheLimitWithinTheWindowThenGivesUp() {
        RestartPolicy policy = new RestartPolicy(3, Duration.ofMinutes(10));

        assertTrue(policy.allowRestart("dossier-stats", 0));
        assertTrue(policy.allowRestart("dossier-stats", MINUTE));
        assertTrue(policy.allowRestart("dossier-stats", 2 * MINUTE));
        assertFalse(policy.allowRestart("dossier-stats", 3 * MINUTE), "a fourth crash within 10 min is a crash loop");
    }

    @Test
    void countsEachServiceApartAndForgetsCrashesOlderThanTheWindow() {
        RestartPolicy policy = new RestartPolicy(1, Duration.ofMinutes(10));

        assertTrue(policy.allowRestart("scoring", 0));
        assertTrue(policy.allowRestart("gateway", MINUTE));
        assertFalse(policy.allowRestart("scoring", 5 * MINUTE));
        assertTrue(policy.allowRestart("scoring", 16 * MINUTE));
    }
}
