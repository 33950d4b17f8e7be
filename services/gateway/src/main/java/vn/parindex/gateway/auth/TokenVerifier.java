package vn.parindex.gateway.auth;

import io.quarkus.runtime.Startup;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import vn.parindex.gateway.config.AuthConfig;

/**
 * Checks bearer tokens at the door: RS256 signature by a known key (the local issuer's, and an external issuer's
 * JWK set such as Keycloak's), expiry, issuer. It does not authorise — the services do, from the same token — but a
 * forged or expired token never reaches them. Verified tokens are remembered until they expire, so a client
 * sending the same token again costs a map lookup instead of an RSA verification on the event loop.
 */
@Startup
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    /** What the gateway needs from a valid token: who (rate limiting) and until when (the cache). */
    public record VerifiedToken(String subject, long expiresAtEpochSecond) {}

    /** A token that must be refused; the message is the 401's detail. */
    public static final class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }

    /** A token naming a key id that no known key has: worth fetching the external JWK set again. */
    private static final class UnknownKeyException extends UnresolvableKeyException {
        UnknownKeyException(String message) {
            super(message);
        }
    }

    private static final int CACHE_LIMIT = 10_000;
    private static final long MIN_REFETCH_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AuthConfig config;
    private final Clock clock;
    private final JwtConsumer consumer;
    private final Map<String, Key> localKeys;
    private final ConcurrentHashMap<String, VerifiedToken> verified = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final HttpClient http;

    private volatile Map<String, Key> keys;
    private volatile long lastFetchStarted = System.nanoTime() - MIN_REFETCH_NANOS;
    private Future<Void> fetching; // guarded by this
    private long refreshTimer = -1;

    @Inject
    public TokenVerifier(AuthConfig config, LocalIssuer localIssuer, Vertx vertx) {
        this(config, localIssuer, vertx, Clock.systemUTC());
    }

    TokenVerifier(AuthConfig config, LocalIssuer localIssuer, Vertx vertx, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        Map<String, Key> local = new HashMap<>();
        localIssuer.verificationKey().ifPresent(k -> local.put(k.getKeyId(), k.getPublicKey()));
        this.localKeys = Map.copyOf(local);
        this.keys = localKeys;
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(config.issuer())
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                // Keycloak puts its own audiences in; which client a token was for is the services' concern.
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(this::resolveKey)
                .build();
        if (config.jwksUrl().isPresent()) {
            this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
            fetchKeys();
            long every = Math.max(1000, config.jwksRefreshInterval().toMillis());
            this.refreshTimer = vertx.setPeriodic(every, id -> fetchKeys());
        } else {
            this.http = null;
        }
        if (keys.isEmpty() && config.jwksUrl().isEmpty()) {
            LOG.warn("No token keys: the local issuer is off and parindex.auth.jwks-url is not set, "
                    + "so every request with a bearer token is refused (401)");
        }
    }

    @PreDestroy
    void stop() {
        if (refreshTimer >= 0) {
            vertx.cancelTimer(refreshTimer);
        }
        if (http != null) {
            http.close();
        }
    }

    /**
     * The subject of a valid token, or a failed future with an {@link InvalidTokenException}. Completes at once
     * unless the token names a key the gateway does not know yet and the external JWK set is fetched again first.
     */
    public Future<VerifiedToken> verify(String token) {
        VerifiedToken known = verified.get(token);
        long now = clock.instant().getEpochSecond();
        if (known != null) {
            if (known.expiresAtEpochSecond() + config.clockSkew().toSeconds() > now) {
                return Future.succeededFuture(known);
            }
            verified.remove(token);
        }
        try {
            return Future.succeededFuture(verifyNow(token));
        } catch (InvalidTokenException e) {
            return Future.failedFuture(e);
        } catch (UnknownKeyInToken e) {
            if (config.jwksUrl().isEmpty()) {
                return Future.failedFuture(new InvalidTokenException(e.getMessage()));
            }
            return fetchKeysIfDue().transform(ignored -> {
                try {
                    return Future.succeededFuture(verifyNow(token));
                } catch (InvalidTokenException | UnknownKeyInToken again) {
                    return Future.failedFuture(new InvalidTokenException(again.getMessage()));
                }
            });
        }
    }

    private static final class UnknownKeyInToken extends RuntimeException {
        UnknownKeyInToken(String message) {
            super(message, null, false, false);
        }
    }

    private VerifiedToken verifyNow(String token) {
        try {
            JwtContext context = consumer.process(token);
            VerifiedToken result = new VerifiedToken(
                    context.getJwtClaims().getSubject(),
                    context.getJwtClaims().getExpirationTime().getValue());
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
            verified.put(token, result);
            return result;
        } catch (InvalidJwtException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof UnknownKeyException unknown) {
                    throw new UnknownKeyInToken(unknown.getMessage());
                }
            }
            throw new InvalidTokenException(describe(e));
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("The token's sub or exp claim is malformed");
        }
    }

    private String describe(InvalidJwtException e) {
        if (e.hasExpired()) {
            try {
                long exp = e.getJwtContext().getJwtClaims().getExpirationTime().getValue();
                return "The token expired at " + Instant.ofEpochSecond(exp);
            } catch (MalformedClaimException | RuntimeException ignored) {
                return "The token has expired";
            }
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "The token was not issued by " + config.issuer();
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "The token's signature does not verify";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return "The token has no expiry (exp)";
        }
        if (e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return "The token has no subject (sub)";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "The token is not valid yet (nbf)";
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnresolvableKeyException) {
            return cause.getMessage();
        }
        if (cause instanceof JoseException
                && cause.getMessage() != null
                && cause.getMessage().contains("algorithm")) {
            return "The token must be signed with RS256";
        }
        return "The token is malformed";
    }

    private Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nesting) throws UnresolvableKeyException {
        Map<String, Key> current = keys;
        String kid = jws.getKeyIdHeaderValue();
        if (kid == null) {
            if (current.size() == 1) {
                return current.values().iterator().next();
            }
            throw new UnresolvableKeyException("The token names no key (kid) and the gateway knows several");
        }
        Key key = current.get(kid);
        if (key == null) {
            throw new UnknownKeyException("The token was signed with an unknown key (kid " + kid + ")");
        }
        return key;
    }

    /** Fetches the external JWK set unless a fetch started less than 10 s ago (then waits for that one). */
    private synchronized Future<Void> fetchKeysIfDue() {
        if (fetching != null) {
            return fetching;
        }
        if (System.nanoTime() - lastFetchStarted < MIN_REFETCH_NANOS) {
            return Future.succeededFuture();
        }
        return fetchKeys();
    }

    private synchronized Future<Void> fetchKeys() {
        if (fetching != null) {
            return fetching;
        }
        URI url = config.jwksUrl().orElseThrow();
        lastFetchStarted = System.nanoTime();
        Promise<Void> done = Promise.promise();
        fetching = done.future();
        http.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setAbsoluteURI(url.toString())
                        .setConnectTimeout(5000)
                        .setIdleTimeout(5000))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        try {
                            Map<String, Key> fetched = parse(result.result().toString());
                            Map<String, Key> merged = new HashMap<>(fetched);
                            merged.putAll(localKeys);
                            keys = Map.copyOf(merged);
                            LOG.debugf("Fetched %d token key(s) from %s", fetched.size(), url);
                        } catch (JoseException | RuntimeException e) {
                            LOG.warnf("Token keys from %s are not a JWK set: %s", url, e.getMessage());
                        }
                    } else {
                        LOG.warnf(
                                "Cannot fetch token keys from %s (parindex.auth.jwks-url): %s",
                                url, result.cause().getMessage());
                    }
                    synchronized (this) {
                        fetching = null;
                    }
                    done.complete();
                });
        return done.future();
    }

    /** The RSA signing keys of a JWK set (Keycloak also lists encryption keys: skipped). */
    static Map<String, Key> parse(String json) throws JoseException {
        Map<String, Key> keys = new HashMap<>();
        for (JsonWebKey jwk : new JsonWebKeySet(json).getJsonWebKeys()) {
            if (jwk instanceof PublicJsonWebKey rsa
                    && "RSA".equals(jwk.getKeyType())
                    && !"enc".equals(jwk.getUse())
                    && jwk.getKeyId() != null) {
                keys.put(jwk.getKeyId(), rsa.getPublicKey());
            }
        }
        return keys;
    }
}
