package vn.parindex.scoring.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.parindex.common.api.client.RemoteService;
import vn.parindex.common.api.client.RemoteSettings;
import vn.parindex.scoring.ScoringError;

/** Peer groups, units and lineage from the unit registry; a registry that is down is a 503, never invented data. */
@ApplicationScoped
public class RegistryClient {

    /** A member of a peer group. */
    public record Member(String code, String name, String type, String level) {}

    /**
     * A peer group with its members and the day they were taken on, in one version ({@code null} from a registry
     * without group versions).
     */
    public record Group(String code, String name, int year, LocalDate asOf, List<Member> members, Integer version) {}

    /** A unit as the registry knows it on a day. */
    public record Unit(String code, String name, String type, String level) {}

    /** Units found on a day, and the codes that are no unit then. */
    public record Units(Map<String, Unit> found, List<String> unknown) {}

    private final RegistryApi api;
    private final RemoteService registry;

    public RegistryClient(@RestClient RegistryApi api, RemoteSettings settings) {
        this.api = api;
        this.registry = RemoteService.of("The unit registry", ScoringError.REGISTRY_UNAVAILABLE, settings);
    }

    /** The group in its latest version. */
    public Optional<Group> group(String code) {
        return registry.find(() -> api.group(code)).map(RegistryClient::group);
    }

    /** The group in its version in force in {@code year}; empty when there is none (or no such group). */
    public Optional<Group> group(String code, int year) {
        return registry.find(() -> api.group(code, year)).map(RegistryClient::group);
    }

    private static Group group(RegistryApi.Group g) {
        return new Group(
                g.code(),
                g.name(),
                g.year(),
                g.asOf(),
                g.members() == null
                        ? List.of()
                        : g.members().stream()
                                .map(m -> new Member(m.code(), m.name(), m.type(), m.level()))
                                .toList(),
                g.version());
    }

    /**
     * For each code (a unit on {@code to}), the units on {@code from} it was formed from: one call for all codes,
     * computed by the registry. A unit without a change in the window maps to nothing.
     */
    public Map<String, List<String>> predecessorsOn(List<String> codes, LocalDate from, LocalDate to) {
        // A read with a body: safe to try again.
        RegistryApi.LineageAnswer answer =
                registry.read(() -> api.lineage(new RegistryApi.LineageRequest(codes, from, to, false)));
        Map<String, List<String>> byCode = new LinkedHashMap<>();
        if (answer.items() == null) {
            return byCode;
        }
        for (RegistryApi.LineageItem item : answer.items()) {
            List<String> old = new ArrayList<>();
            if (item.predecessors() != null) {
                item.predecessors().stream()
                        .filter(RegistryApi.Relative::validOnFrom)
                        .map(RegistryApi.Relative::code)
                        .distinct()
                        .forEach(old::add);
            }
            if (!old.isEmpty()) {
                byCode.put(item.code(), old);
            }
        }
        return byCode;
    }

    /** The units of {@code codes} valid on {@code day}, and the codes that are not. */
    public Units unitsOn(List<String> codes, LocalDate day) {
        RegistryApi.LineageAnswer answer =
                registry.read(() -> api.lineage(new RegistryApi.LineageRequest(codes, day, day, false)));
        Map<String, Unit> found = new LinkedHashMap<>();
        if (answer.items() != null) {
            for (RegistryApi.LineageItem item : answer.items()) {
                if (item.unit() != null) {
                    RegistryApi.Unit u = item.unit();
                    found.put(item.code(), new Unit(u.code(), u.name(), u.type(), u.level()));
                }
            }
        }
        List<String> unknown = new ArrayList<>(answer.unknown() == null ? List.of() : answer.unknown());
        codes.stream()
                .filter(c -> !found.containsKey(c) && !unknown.contains(c))
                .forEach(unknown::add);
        return new Units(found, unknown);
    }
}
