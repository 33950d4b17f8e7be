package vn.parindex.gateway.edge;

/**
 * One request body against the limit of the service it goes to: the bytes come in before the route is known (a
 * token being checked), the limit is set when it is.
 */
final class BodyLimit {

    private long max = Long.MAX_VALUE;
    private long received;

    /** The limit of the service the request goes to; true if what came so far is already over it. */
    boolean limitTo(long maxBytes) {
        max = maxBytes;
        return received > max;
    }

    /** Counts {@code bytes} more of the body; true once the body is over the limit. */
    boolean add(int bytes) {
        received += bytes;
        return received > max;
    }

    long max() {
        return max;
    }
}
