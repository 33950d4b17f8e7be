package vn.parindex.dossier.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

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
