package vn.parindex.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    @Test
    void shouldAllowExactOriginsAndPatternsOnly() {
        CorsPolicy policy = new CorsPolicy(
                true,
                List.of("http://localhost:5173", "/https://[a-z]+\\.parindex\\.gov\\.vn/"),
                "GET,POST",
                null,
                "X-Request-Id",
                Optional.of(Duration.ofHours(1)));

        assertTrue(policy.allows("http://localhost:5173"));
        assertTrue(policy.allows("https://yenbai.parindex.gov.vn"));
        assertFalse(policy.allows("https://evil.example"));
        assertFalse(policy.allows("https://yenbai.parindex.gov.vn.evil.example"));
        assertFalse(policy.allows(null));
        assertEquals("3600", policy.maxAgeSeconds());
        assertNull(policy.headers());
    }

    @Test
    void shouldAllowEveryOriginWithAStarAndNoneWhenOff() {
        assertTrue(new CorsPolicy(true, List.of("*"), null, null, null, Optional.empty()).allows("https://a.example"));
        assertFalse(
                new CorsPolicy(false, List.of("*"), null, null, null, Optional.empty()).allows("https://a.example"));
    }
}
