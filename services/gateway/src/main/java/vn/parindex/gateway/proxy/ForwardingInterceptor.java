package vn.parindex.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.Problem;

/**
 * What the gateway adds to a proxied exchange with one service. Upstream: the client's {@code Host} (so services
 * build {@code Location} headers that point at the gateway, not at themselves), {@code X-Forwarded-For/-Proto/
 * -Host/-Port} and the request id. Downstream: a service that cannot be reached or stays silent becomes a 503
 * problem naming it, never vert.x-http-proxy's bare 502; CORS and request-id headers are the gateway's own, so a
 * service's copies are dropped rather than doubled.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String X_FORWARDED_PORT = "X-Forwarded-Port";

    private final Upstream upstream;

    ForwardingInterceptor(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        HostAndPort authority = client.authority();
        MultiMap headers = request.headers();
        if (authority != null) {
            request.setAuthority(authority);
            headers.set(X_FORWARDED_HOST, authority.toString());
            headers.set(X_FORWARDED_PORT, Integer.toString(forwardedPort(authority, client)));
        }
        SocketAddress remote = client.remoteAddress();
        if (remote != null && remote.hostAddress() != null) {
            String earlier = headers.get(X_FORWARDED_FOR);
            headers.set(
                    X_FORWARDED_FOR, earlier == null ? remote.hostAddress() : earlier + ", " + remote.hostAddress());
        }
        headers.set(X_FORWARDED_PROTO, client.scheme() == null ? "http" : client.scheme());
        headers.remove(HttpHeaders.EXPECT); // answered by the gateway (GatewayFilter)
        String requestId = client.response().headers().get(RequestIds.HEADER);
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        }
        long started = System.nanoTime();
        return context.sendRequest().recover(failure -> Future.succeededFuture(unavailable(context, failure, started)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        List<String> drop = null;
        for (String name : headers.names()) {
            if (name.regionMatches(true, 0, "access-control-", 0, 15) || name.equalsIgnoreCase(RequestIds.HEADER)) {
                if (drop == null) {
                    drop = new ArrayList<>(2);
                }
                drop.add(name);
            }
        }
        if (drop != null) {
            drop.forEach(headers::remove);
        }
        return context.sendResponse();
    }

    /** The 503 that replaces a failed exchange: the service named, and why in words a caller can act on. */
    private ProxyResponse unavailable(ProxyContext context, Throwable failure, long started) {
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String detail = describe(failure, elapsedMs);
        HttpServerRequest client = context.request().proxiedRequest();
        LOG.warnf(
                "%s %s -> %s failed after %d ms: %s (%s)",
                client.method(), client.path(), upstream.name(), elapsedMs, detail, String.valueOf(failure));
        boolean bodyUnread = !client.isEnded();
        ProxyResponse response = context.request().release().response();
        response.setStatusCode(CommonError.SERVICE_UNAVAILABLE.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(Problems.body(
                        CommonError.SERVICE_UNAVAILABLE,
                        detail,
                        client.path(),
                        Map.of("service", upstream.name(), "url", upstream.baseUrl()))));
        if (bodyUnread && client.version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        return response;
    }

    private String describe(Throwable failure, long elapsedMs) {
        if (elapsedMs + 50 >= upstream.timeout().toMillis()) {
            return upstream.name() + " did not answer within " + upstream.timeoutText();
        }
        if (hasCause(failure, ConnectException.class)) {
            return upstream.name() + " is not reachable at " + upstream.baseUrl();
        }
        return upstream.name() + " closed the connection without answering";
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int forwardedPort(HostAndPort authority, HttpServerRequest client) {
        if (authority.port() > 0) {
            return authority.port();
        }
        return "https".equals(client.scheme()) ? 443 : 80;
    }
}
