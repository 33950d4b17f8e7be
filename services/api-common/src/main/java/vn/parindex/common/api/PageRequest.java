package vn.parindex.common.api;

/** A validated {@code page}/{@code size} pair. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        if (page < 0) {
            throw ApiException.invalidParameter("page", "must be 0 or more", String.valueOf(page));
        }
        if (size < 1) {
            throw ApiException.invalidParameter("size", "must be 1 or more", String.valueOf(size));
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /** Parses raw query values with the default size of most collections. */
    public static PageRequest parse(String page, String size) {
        return parse(page, size, DEFAULT_SIZE, MAX_SIZE);
    }

    public static PageRequest parse(String page, String size, int defaultSize, int maxSize) {
        int p = Params.intOrDefault("page", page, 0);
        int s = Params.intOrDefault("size", size, defaultSize);
        if (s > maxSize) {
            throw ApiException.invalidParameter("size", "must be at most " + maxSize, String.valueOf(s));
        }
        return new PageRequest(p, s);
    }
}
