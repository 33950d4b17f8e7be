package vn.parindex.scoring.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.parindex.common.api.ApiException;
import vn.parindex.scoring.ScoringError;

/** Peer groups and unit changes from the unit registry; a registry that is down is a 503, never invented data. */
@ApplicationScoped
public class RegistryClient {

    /** A member of a peer group. */
    public record Member(String code, String name, String type) {}

    /** A peer group with its members. */
    public record Group(String code, String name, int year, List<Member> members) {}

    /** An old → new lineage link. */
    public record Link(String oldCode, String newCode, LocalDate effectiveDate) {}

    private static final int PAGE = 1000;

    private final RegistryApi api;

    public RegistryClient(@RestClient RegistryApi api) {
        this.api = api;
    }

    public Optional<Group> group(String code) {
        return Remote.call(
                        () -> guarded(Remote.notFoundAsEmpty(() -> api.group(code))),
                        ScoringError.REGISTRY_UNAVAILABLE,
                        "The unit registry")
                .map(g -> new Group(
                        g.code(),
                        g.name(),
                        g.year(),
                        g.members() == null
                                ? List.of()
                                : g.members().stream()
                                        .map(m -> new Member(m.code(), m.name(), m.type()))
                                        .toList()));
    }

    /** Every change link (derived ones included) effective in [from, to]. */
    public List<Link> changes(LocalDate from, LocalDate to) {
        List<Link> links = new ArrayList<>();
        for (int page = 0; ; page++) {
            int p = page;
            RegistryApi.ChangePage answer = Remote.call(
                    () -> guarded(() -> api.changes(from, to, true, p, PAGE)),
                    ScoringError.REGISTRY_UNAVAILABLE,
                    "The unit registry");
            answer.items().forEach(l -> links.add(new Link(l.oldCode(), l.newCode(), l.effectiveDate())));
            if (answer.items().size() < PAGE || links.size() >= answer.total()) {
                return links;
            }
        }
    }

    @Timeout(10_000)
    @Retry(
            maxRetries = 2,
            delay = 200,
            abortOn = {ApiException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    <T> T guarded(Supplier<T> request) {
        return request.get();
    }
}
