package vn.parindex.registry.unit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.ApiException;
import vn.parindex.common.api.PageRequest;
import vn.parindex.registry.RegistryError;
import vn.parindex.registry.unit.domain.Level;
import vn.parindex.registry.unit.repository.UnitFilter;
import vn.parindex.registry.unit.repository.UnitRepository;
import vn.parindex.registry.unit.repository.UnitVersion;

/** Read use cases of the unit tree on a given day. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UnitQueryService {

    private final UnitRepository units;

    public UnitQueryService(UnitRepository units) {
        this.units = units;
    }

    public UnitVersion findUnitAsOf(String code, LocalDate day) {
        return units.findAsOf(code, day).orElseThrow(() -> notFound(code, day));
    }

    public List<UnitVersion> history(String code) {
        List<UnitVersion> versions = units.versionsOf(code);
        if (versions.isEmpty()) {
            throw new ApiException(RegistryError.UNIT_NOT_FOUND, "No unit has code " + code);
        }
        return versions;
    }

    public UnitRepository.Listing listUnits(UnitFilter filter, PageRequest page) {
        return units.search(filter, page);
    }

    public UnitRepository.Listing children(String code, LocalDate day, Level level, PageRequest page) {
        findUnitAsOf(code, day);
        return units.children(code, day, level, page);
    }

    public UnitRepository.Listing descendants(String code, LocalDate day, Level level, PageRequest page) {
        findUnitAsOf(code, day);
        return units.descendants(code, day, level, page);
    }

    public List<UnitVersion> ancestors(String code, LocalDate day, Level level) {
        return units.ancestors(findUnitAsOf(code, day), day).stream()
                .filter(v -> level == null || v.level == level)
                .toList();
    }

    public Map<Level, Long> countByLevel(LocalDate day) {
        return units.countByLevel(day);
    }

    ApiException notFound(String code, LocalDate day) {
        List<UnitVersion> versions = units.versionsOf(code);
        if (versions.isEmpty()) {
            return new ApiException(
                    RegistryError.UNIT_NOT_FOUND, "No unit has code " + code, List.of(), Map.of("code", code));
        }
        UnitVersion first = versions.getFirst();
        UnitVersion last = versions.getLast();
        String span = "from " + (first.validFrom == null ? "the start of the records" : first.validFrom) + " to "
                + (last.validTo == null ? "today" : last.validTo);
        return new ApiException(
                RegistryError.UNIT_NOT_FOUND,
                "Unit " + code + " is not valid on " + day + "; it exists " + span,
                List.of(),
                Map.of("code", code, "asOf", day.toString()));
    }
}
