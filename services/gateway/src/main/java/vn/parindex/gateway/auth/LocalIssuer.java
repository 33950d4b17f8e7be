package vn.parindex.gateway.auth;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import vn.parindex.gateway.config.AuthConfig;

/**
 * The embedded mode's token issuer, so one command gives a working login without Keycloak: checks a demo user's
 * password and signs an RS256 token with the same claims Keycloak's realm puts in its tokens ({@code iss},
 * {@code sub}, {@code preferred_username}, {@code exp}, {@code groups}, {@code units}, {@code campaigns}). The key
 * pair lives in a file so tokens survive a restart. Off unless {@code parindex.auth.local-issuer.enabled}; never on
 * in production.
 */
@Startup
@ApplicationScoped
public class LocalIssuer {

    private static final Logger LOG = Logger.getLogger(LocalIssuer.class);

    /** A signed token and how long it is valid, as {@code /auth/token} answers it. */
    public record IssuedToken(String accessToken, long expiresInSeconds) {}

    private final AuthConfig config;
    private final Clock clock;
    private final Optional<RsaJsonWebKey> key;

    @Inject
    public LocalIssuer(AuthConfig config) {
        this(config, Clock.systemUTC());
    }

    LocalIssuer(AuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        if (config.localIssuer().enabled()) {
            KeyPair pair = KeyFile.loadOrCreate(config.localIssuer().keyFile());
            this.key = Optional.of(signingKey(pair));
            LOG.warnf(
                    "Local token issuer ON (issuer %s, %d demo users, key %s): for the embedded demo only; "
                            + "set parindex.auth.local-issuer.enabled=false in production",
                    config.issuer(),
                    config.localIssuer().users().size(),
                    config.localIssuer().keyFile().toAbsolutePath());
        } else {
            this.key = Optional.empty();
        }
    }

    public boolean enabled() {
        return key.isPresent();
    }

    /** The public half of the signing key (empty when the issuer is off). */
    public Optional<PublicJsonWebKey> verificationKey() {
        return key.map(k -> k);
    }

    /** The JWK set services verify tokens with: one RSA public key with its {@code kid}. */
    public Optional<String> jwks() {
        return key.map(k -> new JsonWebKeySet(k).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    /** A token for the user, or empty when the user is unknown or the password wrong (not said which). */
    public Optional<IssuedToken> issue(String username, String password) {
        if (key.isEmpty() || username == null || password == null) {
            return Optional.empty();
        }
        AuthConfig.DemoUser user = config.localIssuer().users().get(username);
        // Compared in constant time; an unknown user costs the same as a wrong password.
        String expected = user == null ? "\u0000unknown-user" : user.password();
        boolean matches = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        if (user == null || !matches) {
            return Optional.empty();
        }
        return Optional.of(sign(username, user));
    }

    private IssuedToken sign(String username, AuthConfig.DemoUser user) {
        Instant now = clock.instant();
        long lifetime = config.localIssuer().tokenLifetime().toSeconds();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setSubject(username);
        claims.setClaim("preferred_username", username);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + lifetime));
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", List.copyOf(user.groups()));
        claims.setStringListClaim("units", List.copyOf(user.units().orElse(List.of())));
        user.campaigns().ifPresent(codes -> claims.setStringListClaim("campaigns", List.copyOf(codes)));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.orElseThrow().getPrivateKey());
        jws.setKeyIdHeaderValue(key.orElseThrow().getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new IssuedToken(jws.getCompactSerialization(), lifetime);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static RsaJsonWebKey signingKey(KeyPair pair) {
        try {
            RsaJsonWebKey jwk = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setPrivateKey(pair.getPrivate());
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            // The RFC 7638 thumbprint: the same key always has the same kid, a new key a new one.
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot use the local issuer's key", e);
        }
    }

    /** For the OpenAPI examples and tests: the demo users' names. */
    public Map<String, AuthConfig.DemoUser> users() {
        return config.localIssuer().users();
    }
}
