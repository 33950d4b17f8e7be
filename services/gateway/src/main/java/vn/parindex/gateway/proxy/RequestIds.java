package vn.parindex.gateway.proxy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: the client's {@code X-Request-Id} when it is a sane token, a new random UUID otherwise. Ids only
 * need to be unique, not unguessable, so they come from {@link ThreadLocalRandom} rather than the slower, shared
 * {@code SecureRandom} behind {@link UUID#randomUUID()}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final int MAX_LENGTH = 128;

    private RequestIds() {}

    /** The id to use for a request that arrived with {@code sent} (may be null). */
    public static String keepOrCreate(String sent) {
        return isAcceptable(sent) ? sent : create();
    }

    /** A random (version 4) UUID. */
    public static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** Letters, digits and {@code - _ . : /}, at most 128 characters: safe to log and to echo in a header. */
    static boolean isAcceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == ':'
                    || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
