package vn.parindex.dossier.client;

import io.quarkus.cache.Cache;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheImpl;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A real {@link UnitDirectory} outside Quarkus, over Caffeine caches configured as the service configures them, every code valid from 2025-07-01, for timing the ingestion path (not a test).
 */
public final class DirectoryForTiming {

    private DirectoryForTiming() {}

    /**
     * {@link UnitDirectory#isUnitOn} over a cache holding the versions of every code {@code codes} gives for 0 …
     * count - 1: the same cache calls (a {@code Uni} per question, awaited) and the same test of the versions; with
     * {@code perBatch}, {@link UnitDirectory#forBatch()}'s memo in front of that cache. The
     * directory itself cannot be built outside Quarkus (its registry guard needs SmallRye Fault Tolerance's
     * container); a miss here is an error, not a registry call.
     */
    public static BiPredicate<String, LocalDate> warm(int count, Function<Integer, String> codes, boolean perBatch) {
        Cache versions = cache(UnitDirectory.VERSIONS, 50_000);
        for (int i = 0; i < count; i++) {
            String code = codes.apply(i);
            versions.get(
                            code,
                            key -> Optional.of(List.of(new RegistryApi.UnitVersion(
                                    code, "Xã " + code, "COMMUNE", "01", LocalDate.of(2025, 7, 1), null))))
                    .await()
                    .indefinitely();
        }
        Function<String, Optional<List<RegistryApi.UnitVersion>>> cached =
                code -> versions.<String, Optional<List<RegistryApi.UnitVersion>>>get(code, key -> {
                            throw new IllegalStateException("not cached: " + key);
                        })
                        .await()
                        .indefinitely();
        if (perBatch) {
            return UnitDirectory.forBatch(cached);
        }
        return (code, day) -> {
            if (!UnitDirectory.wellFormed(code)) {
                return false;
            }
            Optional<List<RegistryApi.UnitVersion>> found = cached.apply(code);
            return found.map(vs -> vs.stream().anyMatch(v -> v.validOn(day))).orElse(false);
        };
    }

    private static CaffeineCacheImpl cache(String name, long size) {
        CaffeineCacheInfo info = new CaffeineCacheInfo();
        info.name = name;
        info.maximumSize = size;
        info.expireAfterWrite = Duration.ofMinutes(10);
        return new CaffeineCacheImpl(info, false);
    }
}
