package vn.parindex.common.api;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The page envelope every collection endpoint answers with. */
@Schema(description = "One page of a collection")
public record Page<T>(
        @Schema(description = "Items of this page") List<T> items,

        @Schema(description = "Zero-based page number", examples = "0")
        int page,

        @Schema(description = "Requested page size", examples = "50")
        int size,

        @Schema(description = "Total number of items over all pages", examples = "1234")
        long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }
}
