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
import java.util.Objects;
import vn.parindex.registry.domain.Level;

/** A member of one version of a peer group, as the unit was on the version's date. */
@Entity
@Table(name = "unit_group_member")
public class UnitGroupMember extends PanacheEntityBase {

    /** Group code, version and unit code. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "group_code")
        public String groupCode;

        @Column(name = "version")
        public int version;

        @Column(name = "unit_code")
        public String unitCode;

        public Key() {}

        public Key(String groupCode, int version, String unitCode) {
            this.groupCode = groupCode;
            this.version = version;
            this.unitCode = unitCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(groupCode, k.groupCode)
                    && version == k.version
                    && Objects.equals(unitCode, k.unitCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupCode, version, unitCode);
        }
    }

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;

    @Column(name = "parent_code")
    public String parentCode;
}
