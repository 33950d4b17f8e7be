package vn.parindex.registry.domain;

import java.util.Objects;

/** The attributes that define one version of a unit: a change of any of them opens a new version. */
public record UnitAttributes(String code, String name, String type, Level level, String parentCode) {

    public UnitAttributes {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
    }

    /** Same name, type, level and parent (the code is the unit's identity, compared by the caller). */
    public boolean sameVersionAs(UnitAttributes other) {
        return name.equals(other.name)
                && type.equals(other.type)
                && level == other.level
                && Objects.equals(parentCode, other.parentCode);
    }

    /** The kind of a one-to-one change from {@code before} to this, or {@code null} when nothing changed. */
    public ChangeKind changeFrom(UnitAttributes before) {
        if (!name.equals(before.name)) {
            return ChangeKind.RENAME;
        }
        if (!type.equals(before.type) || level != before.level) {
            return ChangeKind.RETYPE;
        }
        if (!Objects.equals(parentCode, before.parentCode)) {
            return ChangeKind.REPARENT;
        }
        return null;
    }
}
