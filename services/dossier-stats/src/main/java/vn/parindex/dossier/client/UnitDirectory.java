package vn.parindex.dossier.client;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.client.RemoteService;
import vn.parindex.common.api.client.RemoteSettings;
import vn.parindex.dossier.DossierError;

/**
 * What dossier statistics knows of units, from the unit registry over REST: a unit's versions (to check that a
 * dossier's unit existed when it was received) and a unit's descendants on a date. Calls go through {@link
 * RemoteService} (timeout, retry, breaker; a registry that is down or slow is a 503 REGISTRY_UNAVAILABLE, never
 * invented data). Answers are kept in two bounded caches keyed by what they are of (a unit code; a unit code and a
 * day), size and age configured ({@code quarkus.cache.caffeine.*}: 10 minutes, units change rarely); an unknown unit
 * is an empty answer, cached too. A failed call is not cached.
 */
@ApplicationScoped
public class UnitDirectory {

    /** Names of the two caches, bounded in size and age by {@code quarkus.cache.caffeine.*} in the configuration. */
    static final String VERSIONS = "registry-unit-versions";

    static final String DESCENDANTS = "registry-descendants";

    private final RegistryApi api;
    private final RemoteService registry;
    private final Cache versions;
    private final Cache descendants;

    public UnitDirectory(
            @RestClient RegistryApi api,
            RemoteSettings settings,
            @CacheName(VERSIONS) Cache versions,
            @CacheName(DESCENDANTS) Cache descendants) {
        this.api = api;
        this.registry = RemoteService.of("The unit registry", DossierError.REGISTRY_UNAVAILABLE, settings);
        this.versions = versions;
        this.descendants = descendants;
    }

    /**
     * Whether {@code code} can be a registry code at all (digits, or such as {@code 15.SNV}, at most 32): checked
     * before any lookup, so a malformed code never reaches the registry nor counts against its circuit breaker.
     */
    public static boolean wellFormed(String code) {
        if (code == null || code.isEmpty() || code.length() > 32) {
            return false;
        }
        // [0-9A-Za-z._-]{1,32}, by hand: asked of every row of a batch.
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!((c >= '0' && c <= '9')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || c == '.'
                    || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses a code the registry has never known (404 UNIT_NOT_FOUND), or one that cannot be a code (400 naming
     * {@code field}); a unit known at any time passes, so the statistics of a unit merged in 2025 stay readable.
     */
    public void requireKnown(String field, String code) {
        if (!wellFormed(code)) {
            throw ApiException.invalidParameter(field, "must be a unit code (digits, or such as 15.SNV)", code);
        }
        if (versions(code).map(List::isEmpty).orElse(true)) {
            throw new ApiException(DossierError.UNIT_NOT_FOUND, "The unit registry has no unit " + code);
        }
    }

    /** Whether the registry knows {@code code} as a unit valid on {@code day}. */
    public boolean isUnitOn(String code, LocalDate day) {
        if (!wellFormed(code)) {
            return false;
        }
        return versions(code)
                .map(vs -> vs.stream().anyMatch(v -> v.validOn(day)))
                .orElse(false);
    }

    /** Codes a batch keeps the versions of; past them it asks the shared cache row by row. */
    static final int BATCH_MEMO = 20_000;

    /**
     * {@link #isUnitOn} for the rows of one batch: the versions of each code are taken from the cache (or the
     * registry) once per batch and kept for its rows, so a row costs a map lookup and a date comparison rather than a
     * cache call; a batch also sees one answer per code even if the cache expires while it runs. Not thread-safe:
     * one batch, one thread.
     */
    public BiPredicate<String, LocalDate> forBatch() {
        return forBatch(this::versions);
    }

    /** {@link #forBatch()} over {@code versions} (the cache's answer for a code). */
    static BiPredicate<String, LocalDate> forBatch(
            java.util.function.Function<String, Optional<List<RegistryApi.UnitVersion>>> versions) {
        Map<String, List<RegistryApi.UnitVersion>> known = new HashMap<>();
        return (code, day) -> {
            if (!wellFormed(code)) {
                return false;
            }
            List<RegistryApi.UnitVersion> vs = known.get(code);
            if (vs == null) {
                vs = versions.apply(code).orElse(List.of());
                if (known.size() < BATCH_MEMO) {
                    known.put(code, vs);
                }
            }
            for (RegistryApi.UnitVersion v : vs) {
                if (v.validOn(day)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The unit itself and every unit below it on {@code day}. */
    public List<String> selfAndDescendants(String code, LocalDate day) {
        if (!isUnitOn(code, day)) {
            throw new ApiException(DossierError.UNIT_NOT_FOUND, "The unit registry has no unit " + code + " on " + day);
        }
        // A failed call is not cached: the next question asks the registry again.
        return descendants
                .get(new DescendantsKey(code, day), key -> {
                    RegistryApi.UnitPage page = registry.read(() -> api.descendants(code, day, 20_000));
                    List<String> all = new ArrayList<>();
                    all.add(code);
                    page.items().forEach(u -> all.add(u.code()));
                    return List.copyOf(all);
                })
                .await()
                .indefinitely();
    }

    /**
     * The provinces on {@code day} (the top units of the registry: it has no country unit), each with itself and its
     * descendants on that day, in the registry's order. Cached like the descendants (the province list under a key
     * of its own).
     */
    public Map<String, List<String>> provincesWithUnits(LocalDate day) {
        List<String> provinces = descendants
                .get(new ProvincesKey(day), key -> {
                    RegistryApi.UnitPage page = registry.read(() -> api.list("PROVINCE", day, 1000));
                    return page.items().stream()
                            .map(RegistryApi.UnitVersion::code)
                            .toList();
                })
                .await()
                .indefinitely();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String province : provinces) {
            out.put(province, selfAndDescendants(province, day));
        }
        return out;
    }

    /** The parent of {@code code} on {@code day}; empty for a top unit or one not valid then. */
    public Optional<String> parentOn(String code, LocalDate day) {
        if (!wellFormed(code)) {
            return Optional.empty();
        }
        return versions(code)
                .flatMap(vs -> vs.stream().filter(v -> v.validOn(day)).findFirst())
                .map(RegistryApi.UnitVersion::parentCode);
    }

    /** The key of a descendants answer: a unit on a day. */
    record DescendantsKey(String code, LocalDate day) {}

    /** The key of the province list of a day, kept in the descendants cache. */
    record ProvincesKey(LocalDate day) {}

    /**
     * Drops what is cached of {@code code}, so the next question goes to the registry. For a caller that waits for
     * the registry to hold a unit: a "not found" from a registry still seeding is otherwise kept until it expires.
     */
    public void forget(String code) {
        versions.invalidate(code).await().indefinitely();
        CaffeineCache byDay = descendants.as(CaffeineCache.class);
        for (Object key : byDay.keySet()) {
            if (key instanceof DescendantsKey k && k.code().equals(code)) {
                byDay.invalidate(key).await().indefinitely();
            }
        }
    }

    /** The versions of {@code code}; empty when the registry has never known it. */
    private Optional<List<RegistryApi.UnitVersion>> versions(String code) {
        return versions.get(code, key -> registry.find(() -> api.history(code)))
                .await()
                .indefinitely();
    }
}
