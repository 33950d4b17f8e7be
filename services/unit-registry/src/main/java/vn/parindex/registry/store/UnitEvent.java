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
import java.time.OffsetDateTime;
import vn.parindex.registry.domain.ChangeKind;

/** A dated change of the administrative structure with its legal basis. */
@Entity
@Table(name = "unit_event")
public class UnitEvent extends PanacheEntityBase {

    /** Where an event was recorded from. */
    public enum Source {
        SEED,
        API,
        IMPORT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChangeKind kind;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "legal_basis")
    public String legalBasis;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    public static UnitEvent of(
            ChangeKind kind,
            LocalDate effectiveDate,
            String legalBasis,
            String description,
            Source source,
            String recordedBy) {
        UnitEvent e = new UnitEvent();
        e.kind = kind;
        e.effectiveDate = effectiveDate;
        e.legalBasis = legalBasis;
        e.description = description;
        e.source = source;
        e.recordedAt = OffsetDateTime.now();
        e.recordedBy = recordedBy;
        return e;
    }
}
