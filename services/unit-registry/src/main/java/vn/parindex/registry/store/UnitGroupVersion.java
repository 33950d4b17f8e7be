package vn.parindex.registry.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import vn.parindex.registry.domain.Level;

/**
 * One version of a peer group: its members of a year (taken on {@code asOf}), the rule they were taken by, why
 * the group changed and who changed it when. Never changed once written; a correction is a new version.
 */
@Entity
@Table(name = "unit_group_version")
public class UnitGroupVersion extends PanacheEntityBase {

    /** Group code and version number (1, 2, … per group). */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "group_code")
        public String groupCode;

        @Column(name = "version")
        public int version;

        public Key() {}

        public Key(String groupCode, int version) {
            this.groupCode = groupCode;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(groupCode, k.groupCode) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupCode, version);
        }
    }

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public int year;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(name = "rule_parent_code")
    public String ruleParentCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_level")
    public Level ruleLevel;

    @Column(nullable = false)
    public String reason;

    @Column(name = "member_count", nullable = false)
    public int memberCount;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** Who recorded the version (the token's principal; {@code demo-data} for the demo loader). */
    @Column(name = "recorded_by")
    public String recordedBy;
}
