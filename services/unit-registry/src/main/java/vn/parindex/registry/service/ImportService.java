package vn.parindex.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.parindex.common.api.ApiException;
import vn.parindex.registry.RegistryError;
import vn.parindex.registry.domain.Csv;
import vn.parindex.registry.domain.Part;
import vn.parindex.registry.domain.StructureImport;
import vn.parindex.registry.domain.UnitsChanged;
import vn.parindex.registry.store.LineageEdge;
import vn.parindex.registry.store.UnitEvent;
import vn.parindex.registry.store.UnitVersion;

/** CSV import of units: a dry run reports per-row problems; a real import stores all rows or none. */
@ApplicationScoped
public class ImportService {

    public record Report(
            boolean dryRun,
            LocalDate validFrom,
            int rows,
            long created,
            long changed,
            long unchanged,
            StructureImport.Result result) {}

    private final EntityManager em;
    private final Event<UnitsChanged> changed;

    public ImportService(EntityManager em, Event<UnitsChanged> changed) {
        this.em = em;
        this.changed = changed;
    }

    @Transactional
    public Report importUnits(String csv, LocalDate validFrom, String legalBasis, boolean dryRun, String actor) {
        List<Csv.Row> rows = Csv.read(new StringReader(csv == null ? "" : csv));
        StructureImport.Result result = StructureImport.check(rows, validFrom, latestVersions());
        Report report = new Report(
                dryRun,
                validFrom,
                Math.max(rows.size() - 1, 0),
                result.count(StructureImport.Outcome.CREATE),
                result.count(StructureImport.Outcome.CHANGE),
                result.count(StructureImport.Outcome.UNCHANGED),
                result);
        if (dryRun) {
            return report;
        }
        if (!result.errors().isEmpty()) {
            throw new ApiException(
                    RegistryError.IMPORT_INVALID,
                    result.errors().size() + " problem(s) in " + report.rows() + " rows; nothing was stored",
                    result.errors(),
                    Map.of("rows", report.rows(), "rejected", result.errors().size()));
        }
        Map<String, UnitVersion> open = new HashMap<>();
        for (StructureImport.Planned p : result.rows()) {
            if (p.outcome() == StructureImport.Outcome.UNCHANGED) {
                continue;
            }
            UnitEvent event = UnitEvent.of(
                    p.kind(),
                    validFrom,
                    legalBasis,
                    "Imported (line " + p.line() + "): " + p.unit().name(),
                    UnitEvent.Source.IMPORT,
                    actor);
            event.persist();
            if (p.outcome() == StructureImport.Outcome.CHANGE) {
                UnitVersion current = open.computeIfAbsent(p.unit().code(), this::latest);
                current.validTo = validFrom.minusDays(1);
                current.closedByEvent = event.id;
                LineageEdge.of(event.id, p.unit().code(), p.unit().code(), Part.FULL)
                        .persist();
            }
            UnitVersion.open(p.unit(), validFrom, event.id).persist();
        }
        changed.fire(new UnitsChanged("import of " + report.rows() + " rows"));
        return report;
    }

    private UnitVersion latest(String code) {
        return em.createQuery("from UnitVersion v where v.code = :c and v.validTo is null", UnitVersion.class)
                .setParameter("c", code)
                .getSingleResult();
    }

    private Map<String, StructureImport.Existing> latestVersions() {
        @SuppressWarnings("unchecked")
        List<UnitVersion> latest = em.createNativeQuery(
                        "SELECT DISTINCT ON (code) * FROM unit_version ORDER BY code, valid_from DESC NULLS LAST",
                        UnitVersion.class)
                .getResultList();
        Map<String, StructureImport.Existing> map = new HashMap<>(latest.size() * 2);
        for (UnitVersion v : latest) {
            map.put(v.code, new StructureImport.Existing(v.attributes(), v.validFrom, v.validTo));
            em.detach(v);
        }
        return map;
    }
}
