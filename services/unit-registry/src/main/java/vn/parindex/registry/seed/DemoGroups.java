package vn.parindex.registry.seed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.UnitAttributes;
import vn.parindex.registry.service.UnitChangeService;
import vn.parindex.registry.service.UnitGroupService;
import vn.parindex.registry.store.UnitGroup;
import vn.parindex.registry.store.UnitRepository;
import vn.parindex.registry.store.UnitVersion;

/**
 * Demo data (embedded mode, {@code parindex.demo-data}): the peer groups of scoring's demo campaigns, created after
 * the seed when missing (each on its own, so a restart completes what an interrupted one left):
 *
 * <ul>
 *   <li>Yên Bái's nine district-level units of 2019, 2020 and 2021 ({@code YB-DISTRICTS-2019} …) and the communes
 *       of Thành phố Yên Bái in 2021;
 *   <li>the district-level units of Quảng Ninh in 2019 and of Sơn La in 2020 and 2021 (the seed articles of Uông Bí
 *       and Thành phố Sơn La);
 *   <li>eight provincial departments of Yên Bái in 2019 and 2020 — units of level AGENCY ({@code 15.SNV} …) that the
 *       seed does not hold, created here through the registry's own use case;
 *   <li>the 63 provinces of 2024 and the 34 of 2025 (every PROVINCE valid on 31 December), and the communes of the
 *       new Tỉnh Lào Cai (15) on 2025-12-31;
 *   <li>one versioned group, {@code VN-PROVINCES}: version 1 of 2024 (63 provinces), version 2 of 2025 (34), the
 *       change's reason citing the provincial reform resolution.
 * </ul>
 */
@ApplicationScoped
public class DemoGroups {

    private static final Logger LOG = Logger.getLogger(DemoGroups.class);
    static final String YEN_BAI_DISTRICTS = "YB-DISTRICTS-2021";

    /** Yên Bái's departments as they were named in 2019–2020; the seed has no agencies. */
    static final List<Agency> YEN_BAI_AGENCIES = List.of(
            new Agency("15.VP", "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh Yên Bái", "văn phòng"),
            new Agency("15.SNV", "Sở Nội vụ tỉnh Yên Bái", "sở"),
            new Agency("15.STP", "Sở Tư pháp tỉnh Yên Bái", "sở"),
            new Agency("15.SKHDT", "Sở Kế hoạch và Đầu tư tỉnh Yên Bái", "sở"),
            new Agency("15.STC", "Sở Tài chính tỉnh Yên Bái", "sở"),
            new Agency("15.STTTT", "Sở Thông tin và Truyền thông tỉnh Yên Bái", "sở"),
            new Agency("15.SYT", "Sở Y tế tỉnh Yên Bái", "sở"),
            new Agency("15.SGDDT", "Sở Giáo dục và Đào tạo tỉnh Yên Bái", "sở"));

    private static final LocalDate AGENCIES_FROM = LocalDate.of(2019, 1, 1);

    record Agency(String code, String name, String type) {}

    private final boolean enabled;
    private final UnitGroupService groups;
    private final UnitChangeService changes;
    private final UnitRepository units;

    @Inject
    public DemoGroups(
            @ConfigProperty(name = "parindex.demo-data", defaultValue = "false") boolean enabled,
            UnitGroupService groups,
            UnitChangeService changes,
            UnitRepository units) {
        this.enabled = enabled;
        this.groups = groups;
        this.changes = changes;
        this.units = units;
    }

    /** For callers outside injection (tests): the unit use cases come from the running container. */
    DemoGroups(boolean enabled, UnitGroupService groups) {
        this(
                enabled,
                groups,
                CDI.current().select(UnitChangeService.class).get(),
                CDI.current().select(UnitRepository.class).get());
    }

    void onStart(@Observes @Priority(150) StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (Agency a : YEN_BAI_AGENCIES) {
            if (!QuarkusTransaction.requiringNew().call(() -> units.codeExists(a.code()))) {
                try {
                    changes.createUnit(
                            new UnitAttributes(a.code(), a.name(), a.type(), Level.AGENCY, "15"),
                            AGENCIES_FROM,
                            "Demo data: a provincial department of Yên Bái for the demo agency campaigns",
                            "demo-data");
                    LOG.infof("Demo agency %s created", a.code());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Demo agency %s NOT created", a.code());
                }
            }
        }
        for (int year = 2019; year <= 2021; year++) {
            byRule("YB-DISTRICTS-" + year, "Huyện, thị xã, thành phố tỉnh Yên Bái " + year, year, "15", Level.DISTRICT);
        }
        byRule("YB-CITY-COMMUNES-2021", "Xã, phường thuộc thành phố Yên Bái 2021", 2021, "132", Level.COMMUNE);
        byRule("QN-DISTRICTS-2019", "Huyện, thị xã, thành phố tỉnh Quảng Ninh 2019", 2019, "22", Level.DISTRICT);
        for (int year = 2020; year <= 2021; year++) {
            byRule("SL-DISTRICTS-" + year, "Huyện, thành phố tỉnh Sơn La " + year, year, "14", Level.DISTRICT);
        }
        List<String> agencies = YEN_BAI_AGENCIES.stream().map(Agency::code).toList();
        for (int year = 2019; year <= 2020; year++) {
            byList("YB-AGENCIES-" + year, "Sở, ban, ngành tỉnh Yên Bái " + year, year, agencies);
        }
        byList("VN-PROVINCES-2024", "63 tỉnh, thành phố trực thuộc Trung ương 2024", 2024, provincesOn(2024));
        byList("VN-PROVINCES-2025", "34 tỉnh, thành phố trực thuộc Trung ương 2025", 2025, provincesOn(2025));
        byRule("LC-COMMUNES-2025", "Xã, phường tỉnh Lào Cai 2025", 2025, "15", Level.COMMUNE);
        versionedProvinces();
    }

    static final String VERSIONED_PROVINCES = "VN-PROVINCES";

    /** {@code VN-PROVINCES}: 63 provinces in 2024, 34 from 2025 (a retry adds only what is missing). */
    private void versionedProvinces() {
        create(new UnitGroupService.GroupSpec(
                VERSIONED_PROVINCES,
                "Tỉnh, thành phố trực thuộc Trung ương",
                2024,
                provincesOn(2024),
                null,
                null,
                LocalDate.of(2024, 12, 31),
                "demo-data",
                "63 tỉnh, thành phố trực thuộc Trung ương năm 2024"));
        try {
            var write = groups.putVersion(new UnitGroupService.VersionSpec(
                    VERSIONED_PROVINCES,
                    2025,
                    provincesOn(2025),
                    null,
                    null,
                    LocalDate.of(2025, 12, 31),
                    "34 tỉnh, thành phố từ 01/7/2025 theo " + ReformLegalBasis.PROVINCES,
                    "demo-data"));
            if (write.created()) {
                LOG.infof("Demo peer group %s: version of 2025 recorded", VERSIONED_PROVINCES);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Demo peer group %s: version of 2025 NOT recorded", VERSIONED_PROVINCES);
        }
    }

    private void byRule(String code, String name, int year, String parent, Level level) {
        create(new UnitGroupService.GroupSpec(
                code, name, year, null, parent, level, LocalDate.of(year, 12, 31), "demo-data"));
    }

    private void byList(String code, String name, int year, List<String> members) {
        create(new UnitGroupService.GroupSpec(
                code, name, year, members, null, null, LocalDate.of(year, 12, 31), "demo-data"));
    }

    private void create(UnitGroupService.GroupSpec spec) {
        if (QuarkusTransaction.requiringNew().call(() -> UnitGroup.findById(spec.code()) != null)) {
            return;
        }
        try {
            groups.createGroup(spec);
            LOG.infof("Demo peer group %s created", spec.code());
        } catch (RuntimeException e) {
            // The registry still starts; scoring's demo waits for the group and names it in its own failure.
            LOG.errorf(e, "Demo peer group %s NOT created", spec.code());
        }
    }

    /** Every province valid on 31 December of {@code year}, by code. */
    private static List<String> provincesOn(int year) {
        LocalDate day = LocalDate.of(year, 12, 31);
        return QuarkusTransaction.requiringNew()
                .call(() -> UnitVersion.<UnitVersion>list(
                                "level = ?1 and (validFrom is null or validFrom <= ?2) and (validTo is null or validTo >= ?2)"
                                        + " order by code",
                                Level.PROVINCE,
                                day)
                        .stream()
                        .map(v -> v.code)
                        .distinct()
                        .toList());
    }
}
