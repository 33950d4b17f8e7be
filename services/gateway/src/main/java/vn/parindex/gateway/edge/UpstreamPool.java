package vn.parindex.gateway.edge;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import vn.parindex.gateway.proxy.Upstream;
import vn.parindex.gateway.proxy.UpstreamInstance;

/**
 * Keep-alive connections from one event loop to one instance of an upstream service. Used only on its own event loop, so it needs no
 * locks, and an exchange never hops between threads: the client's connection and the upstream connection it uses
 * are served by the same thread.
 *
 * <p>Idle connections are reused most-recently-used first (as nginx does), so a light load keeps few connections
 * warm. At {@code max} open connections, further requests wait for one to be released. A connection that stays
 * idle (nothing read or written) for the upstream's timeout is closed; during an exchange that same timeout means
 * the service stopped answering.
 */
final class UpstreamPool {

    /** Who asked for a connection; called back on the pool's event loop. */
    interface Waiter {
        void acquired(Channel channel);

        void failed(Throwable cause);
    }

    private final Upstream upstream;
    private final UpstreamInstance instance;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int max;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int open;

    UpstreamPool(
            Upstream upstream,
            UpstreamInstance instance,
            EventLoop loop,
            Class<? extends Channel> channelType,
            int max,
            SslContext ssl) {
        this.upstream = upstream;
        this.instance = instance;
        this.max = max;
        this.loop = loop;
        long timeoutMs = upstream.timeout().toMillis();
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMs))
                .remoteAddress(instance.host(), instance.port())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (ssl != null) {
                            channel.pipeline()
                                    .addLast(ssl.newHandler(channel.alloc(), instance.host(), instance.port()));
                        }
                        channel.pipeline()
                                .addLast(
                                        new HttpClientCodec(4096, 16 * 1024, 64 * 1024),
                                        new IdleStateHandler(0, 0, timeoutMs, TimeUnit.MILLISECONDS),
                                        new UpstreamHandler());
                    }
                });
    }

    /** The service. */
    Upstream upstream() {
        return upstream;
    }

    /** The instance of the service this pool connects to. */
    UpstreamInstance instance() {
        return instance;
    }

    /** An idle connection, a new one, or the next one released: {@code waiter} is called back on this loop. */
    void acquire(Waiter waiter) {
        Channel channel;
        while ((channel = idle.pollFirst()) != null) {
            if (channel.isActive()) {
                waiter.acquired(channel);
                return;
            }
        }
        if (open >= max) {
            waiting.addLast(waiter);
            // All connections busy for the whole timeout: the waiter gets a 503 rather than waiting on.
            loop.schedule(
                    () -> {
                        if (waiting.remove(waiter)) {
                            waiter.failed(new java.util.concurrent.TimeoutException("all " + max + " connections to "
                                    + upstream.name() + " at " + instance.baseUrl() + " stayed busy"));
                        }
                    },
                    upstream.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        open++;
        ChannelFuture connecting = bootstrap.connect();
        Channel connection = connecting.channel();
        boolean[] counted = {true}; // until closed() gives the place back, exactly once
        Runnable giveBack = () -> {
            if (counted[0]) {
                counted[0] = false;
                closed(connection);
            }
        };
        connection.closeFuture().addListener(closed -> onLoop(giveBack));
        connecting.addListener(done -> onLoop(() -> {
            if (done.isSuccess()) {
                waiter.acquired(connection);
            } else {
                // A channel that could not even be created never closes: its place is given back here.
                giveBack.run();
                waiter.failed(done.cause());
            }
        }));
    }

    /** Gives back a connection whose exchange ended cleanly (request sent whole, answer read whole). */
    void release(Channel channel) {
        UpstreamHandler.of(channel).detach();
        if (!channel.isActive()) {
            return;
        }
        channel.config().setAutoRead(true);
        Waiter next = waiting.pollFirst();
        if (next != null) {
            // Not called from here: the releasing exchange is still on the stack.
            channel.eventLoop().execute(() -> {
                if (channel.isActive()) {
                    next.acquired(channel);
                } else {
                    acquire(next);
                }
            });
            return;
        }
        idle.addFirst(channel);
    }

    /** Closes a connection that cannot be reused (exchange broken off, answer without keep-alive). */
    void discard(Channel channel) {
        UpstreamHandler.of(channel).detach();
        channel.close();
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    private void closed(Channel channel) {
        open--;
        idle.remove(channel);
        Waiter next = waiting.pollFirst();
        if (next != null) {
            acquire(next);
        }
    }
}
