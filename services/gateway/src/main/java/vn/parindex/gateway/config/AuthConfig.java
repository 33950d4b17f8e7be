package vn.parindex.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which bearer tokens the gateway accepts and, in the embedded mode, the local issuer that signs them. With
 * Keycloak (docker-compose) the issuer is Keycloak's realm URL and its keys come from {@link #jwksUrl()}; the local
 * issuer must then be off.
 */
@ConfigMapping(prefix = "parindex.auth")
public interface AuthConfig {

    /** The {@code iss} every accepted token must carry; the local issuer signs with it too. */
    @WithDefault("parindex-local")
    String issuer();

    /** A JWK set of an external issuer (Keycloak's {@code …/protocol/openid-connect/certs}). */
    Optional<URI> jwksUrl();

    /** How often the external JWK set is fetched again (also fetched when a token names an unknown key). */
    @WithDefault("10m")
    Duration jwksRefreshInterval();

    /** Accepted difference between clocks when checking {@code exp}. */
    @WithDefault("30s")
    Duration clockSkew();

    LocalIssuer localIssuer();

    /** The embedded mode's token issuer: demo users, a key pair kept in a file. Never on in production. */
    interface LocalIssuer {
        @WithDefault("false")
        boolean enabled();

        /** PEM file of the RSA private key; created on first start, relative to the working directory. */
        @WithDefault(".parindex/keys/local-issuer.pem")
        Path keyFile();

        @WithDefault("1h")
        Duration tokenLifetime();

        /** Demo users by user name. Their passwords are demo credentials, not secrets. */
        Map<String, DemoUser> users();
    }

    /** A demo user of the local issuer and the claims its tokens carry. */
    interface DemoUser {
        String password();

        /** Roles, the token's {@code groups} claim. */
        List<String> groups();

        /** Official unit codes the user may self-assess ({@code units}). */
        Optional<List<String>> units();

        /** Campaign codes an appraiser may appraise ({@code campaigns}). */
        Optional<List<String>> campaigns();
    }
}
