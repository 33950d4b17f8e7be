package vn.parindex.dossier.domain;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One dossier of a batch as the OpenAPI document describes it: the fields {@link RecordReader} reads from a JSON
 * array item, an NDJSON line or a CSV row (the reader streams the batch; this record is never deserialised).
 */
@Schema(name = "DossierInput", description = "One dossier of a batch (a JSON array item, an NDJSON line, a CSV row)")
public record DossierInput(
        @Schema(required = true, maxLength = 64, examples = "DVC-LAOCAI")
        String sourceSystem,

        @Schema(required = true, maxLength = 128, examples = "000.00.10.H32-250701-0001")
        String dossierId,

        @Schema(required = true, maxLength = 64, examples = "1.001612")
        String procedureCode,

        @Schema(required = true, maxLength = 32, examples = "02647")
        String unitCode,

        @Schema(required = true, examples = "ONLINE") Channel channel,

        @Schema(required = true, examples = "2025-07-01T08:30:00+07:00")
        OffsetDateTime receivedAt,

        @Schema(
                description = "Computed from the procedure's working days when absent",
                examples = "2025-07-15T17:00:00+07:00")
        OffsetDateTime dueAt,

        @Schema(examples = "2025-07-10T10:00:00+07:00") OffsetDateTime finishedAt,

        @Schema(
                required = true,
                description = "received, processing, supplement requested, paused, resolved, returned, refused,"
                        + " withdrawn or cancelled (any case; '_', '-' or ' ' between words)",
                examples = "resolved")
        String status) {}
