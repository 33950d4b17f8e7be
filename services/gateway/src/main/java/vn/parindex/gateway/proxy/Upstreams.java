package vn.parindex.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.parindex.gateway.config.GatewayConfig;

/**
 * The services of the route table with their configured addresses (one, or one per replica), checked once at start so a typo in a URL stops
 * the gateway with a message instead of answering 503 forever.
 */
@ApplicationScoped
public class Upstreams {

    private final List<Upstream> all;

    public Upstreams(GatewayConfig config) {
        this.all = fromConfig(config);
    }

    static List<Upstream> fromConfig(GatewayConfig config) {
        List<Upstream> upstreams = new ArrayList<>();
        Map<String, GatewayConfig.UpstreamConfig> configured = config.upstreams();
        for (String name : RouteTable.SERVICES) {
            GatewayConfig.UpstreamConfig upstream = configured.get(name);
            if (upstream == null) {
                throw new IllegalStateException("No address for service " + name + ": set parindex.gateway.upstreams."
                        + name + ".url (environment PARINDEX_GATEWAY_UPSTREAMS_"
                        + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL)");
            }
            List<URI> urls = upstream.instances()
                    .filter(list -> !list.isEmpty())
                    .or(() -> upstream.url().map(List::of))
                    .orElseThrow(() -> new IllegalStateException("No address for service " + name
                            + ": set parindex.gateway.upstreams." + name + ".url or ." + name + ".instances"));
            // instances, when set, take the place of url (the file's default url stays harmless).
            upstreams.add(Upstream.of(
                    name,
                    urls,
                    upstream.timeout().orElse(config.timeout()),
                    upstream.maxBodySize().orElse(config.maxBodySize()).asLongValue()));
        }
        return List.copyOf(upstreams);
    }

    /** Every service, in route-table order. */
    public List<Upstream> all() {
        return all;
    }
}
