package vn.parindex.gateway.edge;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, so a proxy drops them instead of passing them
 * on. Besides the fixed list, a message may name more in its {@code Connection} header.
 */
final class HopByHop {

    private static final String[] ALWAYS = {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade"
    };

    private HopByHop() {}

    /**
     * Removes the hop-by-hop headers of one message, those its {@code Connection} header names included. One pass
     * over the (few) headers; only a match costs a removal.
     */
    static void strip(HttpHeaders headers) {
        String connection = null;
        List<CharSequence> drop = null;
        Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
        while (all.hasNext()) {
            Map.Entry<CharSequence, CharSequence> header = all.next();
            CharSequence name = header.getKey();
            if (isAlways(name)) {
                if (drop == null) {
                    drop = new ArrayList<>(2);
                }
                drop.add(name);
                if (connection == null && AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONNECTION)) {
                    connection = header.getValue().toString();
                }
            }
        }
        if (drop == null) {
            return;
        }
        drop.forEach(headers::remove);
        if (connection != null) {
            int start = 0;
            int length = connection.length();
            while (start < length) {
                int end = connection.indexOf(',', start);
                if (end < 0) {
                    end = length;
                }
                String token = connection.substring(start, end).trim();
                if (!token.isEmpty() && !isFraming(token)) {
                    headers.remove(token);
                }
                start = end + 1;
            }
        }
    }

    /**
     * Headers that frame or address the message: a {@code Connection} header naming them must not make the proxy
     * drop them (a body without its length would be read upstream as the next request: request smuggling).
     */
    private static boolean isFraming(String name) {
        return name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("transfer-encoding")
                || name.equalsIgnoreCase("host");
    }

    private static boolean isAlways(CharSequence name) {
        int length = name.length();
        for (String always : ALWAYS) {
            if (always.length() == length && AsciiString.contentEqualsIgnoreCase(always, name)) {
                return true;
            }
        }
        return false;
    }
}
