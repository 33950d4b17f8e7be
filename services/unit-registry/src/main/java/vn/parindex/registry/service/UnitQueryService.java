package vn.parindex.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.Page;
import vn.parindex.common.api.PageRequest;
import vn.parindex.registry.RegistryError;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.UnitSnapshot;
import vn.parindex.registry.domain.UnitView;
import vn.parindex.registry.store.UnitReadModel;

/** Read use cases of the unit tree on a given day, answered from the read model. */
@ApplicationScoped
public class UnitQueryService {

    private final UnitReadModel readModel;

    public UnitQueryService(UnitReadModel readModel) {
        this.readModel = readModel;
    }

    public UnitView findUnitAsOf(String code, LocalDate day) {
        UnitSnapshot s = readModel.current();
        return s.find(code, day).orElseThrow(() -> notFound(s, code, day));
    }

    public List<UnitView> history(String code) {
        List<UnitView> versions = readModel.current().versions(code);
        if (versions.isEmpty()) {
            throw new ApiException(
                    RegistryError.UNIT_NOT_FOUND, "No unit has code " + code, List.of(), Map.of("code", code));
        }
        return versions;
    }

    /** Every version of every unit, by code then start, a page at a time. */
    public Page<UnitView> allVersions(PageRequest page) {
        return slice(readModel.current().all(), page);
    }

    public Page<UnitView> listUnits(UnitSnapshot.Filter filter, PageRequest page) {
        return slice(readModel.current().list(filter), page);
    }

    public Page<UnitView> children(String code, LocalDate day, Level level, PageRequest page) {
        findUnitAsOf(code, day);
        return slice(readModel.current().children(code, day, level), page);
    }

    public Page<UnitView> descendants(String code, LocalDate day, Level level, PageRequest page) {
        findUnitAsOf(code, day);
        return slice(readModel.current().descendants(code, day, level), page);
    }

    public List<UnitView> ancestors(String code, LocalDate day, Level level) {
        return readModel.current().ancestors(findUnitAsOf(code, day), day).stream()
                .filter(v -> level == null || v.level() == level)
                .toList();
    }

    public Map<Level, Long> countByLevel(LocalDate day) {
        return readModel.current().countByLevel(day);
    }

    private static Page<UnitView> slice(List<UnitView> all, PageRequest page) {
        int from = (int) Math.min(page.offset(), all.size());
        int to = (int) Math.min(page.offset() + page.size(), all.size());
        return Page.of(all.subList(from, to), page, all.size());
    }

    private static ApiException notFound(UnitSnapshot s, String code, LocalDate day) {
        List<UnitView> versions = s.versions(code);
        if (versions.isEmpty()) {
            return new ApiException(
                    RegistryError.UNIT_NOT_FOUND, "No unit has code " + code, List.of(), Map.of("code", code));
        }
        UnitView first = versions.getFirst();
        UnitView last = versions.getLast();
        String span = "from " + (first.validFrom() == null ? "the start of the records" : first.validFrom()) + " to "
                + (last.validTo() == null ? "today" : last.validTo());
        return new ApiException(
                RegistryError.UNIT_NOT_FOUND,
                "Unit " + code + " is not valid on " + day + "; it exists " + span,
                List.of(),
                Map.of("code", code, "asOf", day.toString()));
    }
}
