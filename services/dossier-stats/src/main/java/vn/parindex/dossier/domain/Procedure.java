package vn.parindex.dossier.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An administrative procedure (TTHC) of the national catalogue. */
@Schema(name = "Procedure")
public record Procedure(
        @Schema(description = "National procedure code", examples = "1.001234.000.00.00.H15")
        String code,

        @Schema(examples = "Cấp giấy chứng nhận đăng ký hộ kinh doanh")
        String name,

        @Schema(description = "Field (lĩnh vực)", examples = "Thành lập và hoạt động của hộ kinh doanh")
        String field,

        @Schema(description = "Level of the authority that resolves it", examples = "COMMUNE")
        String authorityLevel,

        @Schema(description = "Deadline in working days", examples = "3")
        Integer deadlineWorkingDays,

        @Schema(examples = "FULL") ServiceLevel serviceLevel) {}
