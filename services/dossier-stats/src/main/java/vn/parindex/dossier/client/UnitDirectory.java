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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(UnitDirectory.class);

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
        boolean[] tried = {false};
        return forBatch(code -> versionsForBatch(code, tried));
    }

    /**
     * Unit versions per call when the directory is loaded: the registry's largest page, so that its ~14,000 versions
     * come in one call, from one picture of the registry.
     */
    static final int DIRECTORY_PAGE = 20_000;

    /** A directory loaded less than this long ago is not loaded again for a miss (an unknown or new code). */
    static final long DIRECTORY_FRESH_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    /** Not {@code synchronized}: batches may run on virtual threads, and the lock is held over an HTTP call. */
    private final ReentrantLock directoryLock = new ReentrantLock();
    /** System.nanoTime() of the last load (or attempt); 0 for never. Under the lock. */
    private long directoryLoadedAt;

    /**
     * A batch's lookup. The batch's first code not in the cache loads the whole directory into it — every version of
     * every unit in one call (about 14,000 versions, where a national batch would otherwise make one call per
     * commune, 3,321) — unless that was done in the last minute; a code the directory does not hold (an unknown code,
     * or a unit created since) is asked of the registry alone, as {@link #isUnitOn} does. One try per batch: its
     * first miss comes with its first chunk, before its transaction opens; later misses ask for their code alone.
     */
    private Optional<List<RegistryApi.UnitVersion>> versionsForBatch(String code, boolean[] tried) {
        if (!tried[0] && versions.as(CaffeineCache.class).getIfPresent(code) == null) {
            tried[0] = true;
            loadDirectory();
        }
        return versions(code);
    }

    /**
     * Puts every unit's versions into the cache, unless loaded (or tried) in the last minute. A registry that cannot
     * answer the listing (down, or an older one without it) leaves the codes to be asked one by one. Fetched and
     * put under the lock {@link #forget} takes too, so a unit forgotten meanwhile is forgotten after the put.
     */
    private void loadDirectory() {
        directoryLock.lock();
        try {
            long now = System.nanoTime();
            if (directoryLoadedAt != 0 && now - directoryLoadedAt < DIRECTORY_FRESH_NANOS) {
                return;
            }
            directoryLoadedAt = now == 0 ? 1 : now;
            Map<String, List<RegistryApi.UnitVersion>> byCode;
            try {
                byCode = directory(page -> registry.read(() -> api.versions(page, DIRECTORY_PAGE)));
            } catch (RuntimeException e) {
                LOG.warnf("The unit registry's directory could not be loaded (%s): codes are asked one by one", e);
                return;
            }
            CaffeineCache cache = versions.as(CaffeineCache.class);
            byCode.forEach((code, vs) -> cache.put(code, CompletableFuture.completedFuture(Optional.of(vs))));
        } finally {
            directoryLock.unlock();
        }
    }

    /** Every unit's versions from the registry's pages of {@link #DIRECTORY_PAGE} (page 0, 1, … until the total). */
    static Map<String, List<RegistryApi.UnitVersion>> directory(IntFunction<RegistryApi.UnitPage> pages) {
        Map<String, List<RegistryApi.UnitVersion>> byCode = new HashMap<>();
        long seen = 0;
        for (int page = 0; ; page++) {
            RegistryApi.UnitPage got = pages.apply(page);
            for (RegistryApi.UnitVersion v : got.items()) {
                byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v);
            }
            seen += got.items().size();
            if (got.items().isEmpty() || seen >= got.total()) {
                break;
            }
        }
        byCode.replaceAll((code, vs) -> List.copyOf(vs));
        return byCode;
    }

    /** Forgets every unit and the directory's last load: for tests that count the calls to the registry. */
    void forgetAll() {
        directoryLock.lock();
        try {
            versions.invalidateAll().await().indefinitely();
            directoryLoadedAt = 0;
        } finally {
            directoryLock.unlock();
        }
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
        directoryLock.lock();
        try {
            versions.invalidate(code).await().indefinitely();
        } finally {
            directoryLock.unlock();
        }
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
