package vn.parindex.registry.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.NameFolding;
import vn.parindex.registry.domain.UnitAttributes;

/** One effective-dated version of a unit. Attributes never change once written; only validTo is set on closing. */
@Entity
@Table(name = "unit_version")
public class UnitVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "opened_by_event")
    public Long openedByEvent;

    @Column(name = "closed_by_event")
    public Long closedByEvent;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Column(name = "search_bare", nullable = false)
    public String searchBare;

    @Column(name = "tone_key", nullable = false)
    public String toneKey;

    public static UnitVersion open(UnitAttributes unit, LocalDate validFrom, Long openedByEvent) {
        UnitVersion v = new UnitVersion();
        v.code = unit.code();
        v.name = unit.name();
        v.type = unit.type();
        v.level = unit.level();
        v.parentCode = unit.parentCode();
        v.validFrom = validFrom;
        v.openedByEvent = openedByEvent;
        v.searchName = NameFolding.fold(unit.name());
        v.searchBare = NameFolding.foldBare(unit.name());
        v.toneKey = NameFolding.toneKey(unit.name());
        return v;
    }

    public UnitAttributes attributes() {
        return new UnitAttributes(code, name, type, level, parentCode);
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
