package vn.parindex.registry;

import vn.parindex.common.api.ErrorCode;

/** Stable error codes of the unit registry. */
public enum RegistryError implements ErrorCode {
    UNIT_NOT_FOUND(404, "Unit not found"),
    UNIT_CODE_EXISTS(409, "Unit code already used"),
    VALIDITY_OVERLAP(409, "Validity periods would overlap"),
    PARENT_CYCLE(409, "The change would make a unit its own ancestor"),
    UNIT_HAS_CHILDREN(409, "The unit still has children on that date"),
    INVALID_PARENT(400, "Parent unit is unknown or of the wrong level"),
    NO_CHANGE(400, "The change changes nothing"),
    INVALID_EVENT(400, "The change event is inconsistent"),
    EVENT_NOT_FOUND(404, "Change event not found"),
    IMPORT_INVALID(400, "The import has invalid rows; nothing was stored"),
    GROUP_NOT_FOUND(404, "Unit group not found"),
    GROUP_CODE_EXISTS(409, "Unit group code already used"),
    UNKNOWN_MEMBERS(400, "Some member codes are not units on the group's date");

    private final int status;
    private final String title;

    RegistryError(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
