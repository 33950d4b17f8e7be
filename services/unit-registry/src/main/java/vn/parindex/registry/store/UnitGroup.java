package vn.parindex.registry.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.parindex.registry.domain.Level;

/** A peer group (khối) of units ranked together; members are snapshotted when the group is made. */
@Entity
@Table(name = "unit_group")
public class UnitGroup extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int year;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(name = "rule_parent_code")
    public String ruleParentCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_level")
    public Level ruleLevel;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Who created the group (the token's principal; {@code demo-data} for the demo loader). */
    @Column(name = "created_by")
    public String createdBy;
}
