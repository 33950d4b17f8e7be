package vn.parindex.gateway.edge;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import vn.parindex.gateway.config.GatewayConfig;
import vn.parindex.gateway.proxy.Upstream;
import vn.parindex.gateway.proxy.Upstreams;

/**
 * The gateway's public HTTP/1.1 listener (port 8080): every request arrives here. API requests go straight to
 * their service; everything else (tokens, health, the merged OpenAPI document, Swagger UI) goes to the gateway's
 * own endpoints, which Quarkus serves on a loopback port ({@code parindex.gateway.own-url}).
 *
 * <p>Written on Netty rather than on Quarkus' router: a proxied request then costs two reads, two writes and no
 * thread hop, which is what lets the gateway keep up with nginx on the same cores (docs/performance.md). Native
 * epoll where Linux offers it, NIO elsewhere.
 */
@ApplicationScoped
public class EdgeServer {

    private static final Logger LOG = Logger.getLogger(EdgeServer.class);

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final Admission admission;
    private EventLoopGroup group;
    private Channel listener;

    public EdgeServer(GatewayConfig config, Upstreams upstreams, Admission admission) {
        this.config = config;
        this.upstreams = upstreams;
        this.admission = admission;
    }

    void start(@Observes StartupEvent event) throws InterruptedException {
        GatewayConfig.Http http = config.http();
        int threads = http.ioThreads().orElse(Runtime.getRuntime().availableProcessors());
        boolean epoll = Epoll.isAvailable();
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("gateway-edge", true);
        group = epoll ? new EpollEventLoopGroup(threads, threadFactory) : new NioEventLoopGroup(threads, threadFactory);
        Class<? extends ServerChannel> serverType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Class<? extends Channel> clientType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;

        Upstream own = new Upstream("gateway", config.ownUrl(), config.ownTimeout(), Admission.MAX_OWN_BODY_BYTES);
        int maxHeaderSize =
                (int) Math.min(Integer.MAX_VALUE, http.maxHeaderSize().asLongValue());
        Edge.Limits limits = new Edge.Limits(
                http.maxInitialLineLength(),
                maxHeaderSize,
                http.headerTimeout(),
                http.bodyTimeout(),
                http.bodyMinRate().asLongValue());
        Edge edge = new Edge(
                admission,
                CorsPolicy.from(ConfigProvider.getConfig()),
                upstreams.all(),
                own,
                clientType,
                config.maxConnectionsPerUpstream(),
                clientSsl(),
                http.trustedProxies().orElse(Set.of()),
                limits);
        long idleMs = http.idleTimeout().toMillis();
        long headNanos = http.headerTimeout().toNanos();
        long bodyNanos = http.bodyTimeout().toNanos();
        listener = new ServerBootstrap()
                .group(group)
                .channel(serverType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        // Before the decoder: it watches bytes arrive, before they make a message.
                        ClientDeadlines deadlines =
                                new ClientDeadlines(headNanos, bodyNanos, limits.minBodyBytesPerSecond());
                        channel.pipeline().addLast(deadlines);
                        channel.pipeline()
                                .addLast(new HttpServerCodec(limits.maxInitialLineLength(), maxHeaderSize, 64 * 1024));
                        if (idleMs > 0) {
                            channel.pipeline().addLast(new IdleStateHandler(0, 0, idleMs, TimeUnit.MILLISECONDS));
                        }
                        channel.pipeline().addLast(new ClientConnection(edge, deadlines));
                    }
                })
                .bind(http.host(), http.port())
                .sync()
                .channel();
        LOG.infof(
                "Gateway listening on http://%s:%d (%d event loops, %s); own endpoints at %s",
                http.host(), port(), threads, epoll ? "epoll" : "nio", own.baseUrl());
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** The port the edge listens on (the configured one, or the one the system chose for port 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    private static SslContext clientSsl() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS to upstream services", e);
        }
    }
}
