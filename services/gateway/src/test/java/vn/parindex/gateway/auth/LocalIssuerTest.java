package vn.parindex.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.parindex.gateway.config.AuthConfig;

/** The key file: created once, read back on every later start, so tokens survive a restart. */
class LocalIssuerTest {

    @TempDir
    Path home;

    @Test
    void shouldCreateTheKeyFileOnFirstStartAndKeepUsingIt() throws Exception {
        Path file = home.resolve(".parindex/keys/local-issuer.pem");

        KeyPair first = KeyFile.loadOrCreate(file);
        KeyPair again = KeyFile.loadOrCreate(file);

        assertTrue(Files.isRegularFile(file));
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(KeyFile.modulus(first), KeyFile.modulus(again));
        assertEquals(first.getPublic(), again.getPublic());
    }

    @Test
    void shouldVerifyATokenIssuedBeforeARestart() throws Exception {
        AuthConfig config = config(home.resolve("keys/local-issuer.pem"));
        String token =
                new LocalIssuer(config).issue("admin", "admin").orElseThrow().accessToken();

        LocalIssuer restarted = new LocalIssuer(config);
        JwtClaims claims = new JwtConsumerBuilder()
                .setExpectedIssuer("parindex-local")
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(restarted.jwks().orElseThrow()).getJsonWebKeys()))
                .build()
                .processToClaims(token);

        assertEquals("admin", claims.getSubject());
        assertTrue(restarted.issue("admin", "wrong").isEmpty());
        assertTrue(restarted.issue("ghost", "ghost").isEmpty());
    }

    @Test
    void shouldMakeADifferentKeyForAnotherFile() {
        KeyPair one = KeyFile.loadOrCreate(home.resolve("a.pem"));
        KeyPair two = KeyFile.loadOrCreate(home.resolve("b.pem"));

        assertFalse(KeyFile.modulus(one).equals(KeyFile.modulus(two)));
    }

    private static AuthConfig config(Path keyFile) {
        AuthConfig.DemoUser admin = new AuthConfig.DemoUser() {
            public String password() {
                return "admin";
            }

            public List<String> groups() {
                return List.of("admin");
            }

            public Optional<List<String>> units() {
                return Optional.empty();
            }

            public Optional<List<String>> campaigns() {
                return Optional.empty();
            }
        };
        AuthConfig.LocalIssuer issuer = new AuthConfig.LocalIssuer() {
            public boolean enabled() {
                return true;
            }

            public Path keyFile() {
                return keyFile;
            }

            public Duration tokenLifetime() {
                return Duration.ofMinutes(5);
            }

            public Map<String, AuthConfig.DemoUser> users() {
                return Map.of("admin", admin);
            }
        };
        return new AuthConfig() {
            public String issuer() {
                return "parindex-local";
            }

            public Optional<java.net.URI> jwksUrl() {
                return Optional.empty();
            }

            public Duration jwksRefreshInterval() {
                return Duration.ofMinutes(10);
            }

            public Duration clockSkew() {
                return Duration.ofSeconds(30);
            }

            public AuthConfig.LocalIssuer localIssuer() {
                return issuer;
            }
        };
    }
}
