package vn.parindex.registry;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.parindex.common.api.CommonError;
import vn.parindex.common.api.ErrorCode;
import vn.parindex.common.api.ProblemExceptionMappers;

/**
 * Database constraints are the last line of defence when two writers race past the service checks; their
 * violations are conflicts (409) with the registry's codes, not server errors.
 */
public class RegistryExceptionMappers {

    @ServerExceptionMapper
    public Response mapConstraint(ConstraintViolationException e, UriInfo uriInfo) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        ErrorCode code = switch (constraint) {
            case "unit_version_no_overlap" -> RegistryError.VALIDITY_OVERLAP;
            case "unit_group_pkey" -> RegistryError.GROUP_CODE_EXISTS;
            default -> CommonError.CONFLICT;
        };
        return ProblemExceptionMappers.problem(
                code,
                "A concurrent change conflicts with this one (" + constraint + "); read again and retry",
                List.of(),
                Map.of(),
                uriInfo);
    }
}
