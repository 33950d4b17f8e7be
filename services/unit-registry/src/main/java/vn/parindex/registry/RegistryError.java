package vn.parindex.registry;

import vn.parindex.common.api.ErrorCode;

/** Stable error codes of the unit registry. */
public final class RegistryError {

    private RegistryError() {}

    public static final ErrorCode UNIT_NOT_FOUND = ErrorCode.of("UNIT_NOT_FOUND", 404, "Unit not found");

    public static final ErrorCode UNIT_CODE_EXISTS = ErrorCode.of("UNIT_CODE_EXISTS", 409, "Unit code already used");

    public static final ErrorCode VALIDITY_OVERLAP =
            ErrorCode.of("VALIDITY_OVERLAP", 409, "Validity periods would overlap");

    public static final ErrorCode PARENT_CYCLE =
            ErrorCode.of("PARENT_CYCLE", 409, "The change would make a unit its own ancestor");

    public static final ErrorCode UNIT_HAS_CHILDREN =
            ErrorCode.of("UNIT_HAS_CHILDREN", 409, "The unit still has children on that date");

    public static final ErrorCode INVALID_PARENT =
            ErrorCode.of("INVALID_PARENT", 400, "Parent unit is unknown or of the wrong level");

    public static final ErrorCode NO_CHANGE = ErrorCode.of("NO_CHANGE", 400, "The change changes nothing");

    public static final ErrorCode INVALID_EVENT =
            ErrorCode.of("INVALID_EVENT", 400, "The change event is inconsistent");

    public static final ErrorCode EVENT_NOT_FOUND = ErrorCode.of("EVENT_NOT_FOUND", 404, "Change event not found");

    public static final ErrorCode IMPORT_INVALID =
            ErrorCode.of("IMPORT_INVALID", 400, "The import has invalid rows; nothing was stored");

    public static final ErrorCode GROUP_NOT_FOUND = ErrorCode.of("GROUP_NOT_FOUND", 404, "Unit group not found");

    public static final ErrorCode GROUP_VERSION_NOT_FOUND =
            ErrorCode.of("GROUP_VERSION_NOT_FOUND", 404, "The unit group has no version in force in that year");

    public static final ErrorCode GROUP_CODE_EXISTS =
            ErrorCode.of("GROUP_CODE_EXISTS", 409, "Unit group code already used");

    public static final ErrorCode MIXED_LEVELS =
            ErrorCode.of("MIXED_LEVELS", 400, "The members of a peer group are not all of one level");

    public static final ErrorCode UNKNOWN_MEMBERS =
            ErrorCode.of("UNKNOWN_MEMBERS", 400, "Some member codes are not units on the group's date");
}
