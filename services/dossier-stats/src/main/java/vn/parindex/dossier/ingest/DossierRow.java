package vn.parindex.dossier.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.parindex.dossier.domain.Channel;
import vn.parindex.dossier.domain.DossierStatus;
import vn.parindex.dossier.domain.ServiceLevel;

/** A validated dossier with the columns derived at ingestion. */
public record DossierRow(
        String sourceSystem,
        String dossierId,
        String procedureCode,
        String unitCode,
        Channel channel,
        ServiceLevel serviceLevel,
        DossierStatus status,
        OffsetDateTime receivedAt,
        LocalDate receivedDate,
        OffsetDateTime dueAt,
        LocalDate dueDate,
        OffsetDateTime finishedAt,
        LocalDate finishedDate,
        Integer finishClass,
        boolean excluded,
        Integer processingDays) {}
