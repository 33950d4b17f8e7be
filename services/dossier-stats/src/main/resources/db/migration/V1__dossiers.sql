-- Dossier statistics: procedures, the working-day calendar, dossiers and ingestion jobs.

CREATE TABLE procedure (
    code                  varchar(64)   PRIMARY KEY,
    name                  varchar(1000) NOT NULL,
    field                 varchar(300),
    authority_level       varchar(32),
    deadline_working_days integer       NOT NULL CHECK (deadline_working_days >= 0),
    service_level         varchar(16)   NOT NULL
        CHECK (service_level IN ('FULL', 'PARTIAL', 'NONE', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4')),
    updated_at            timestamptz   NOT NULL DEFAULT now()
);

-- Exceptions to the Monday–Friday week: weekday days off and worked weekend days.
CREATE TABLE calendar_day (
    day        date         PRIMARY KEY,
    kind       varchar(16)  NOT NULL CHECK (kind IN ('HOLIDAY', 'MAKEUP_WORKDAY')),
    name_vi    varchar(300),
    name_en    varchar(300),
    year       integer      NOT NULL,
    source     varchar(300),
    updated_at timestamptz  NOT NULL DEFAULT now()
);

-- One row per (source system, dossier id): a later status of the same dossier replaces the earlier row.
-- Derived columns (dates in Vietnam's day, due date, finish class, working days) are computed at ingestion.
CREATE TABLE dossier (
    source_system   varchar(64)  NOT NULL,
    dossier_id      varchar(128) NOT NULL,
    procedure_code  varchar(64)  NOT NULL,
    unit_code       varchar(32)  NOT NULL,
    channel         varchar(8)   NOT NULL CHECK (channel IN ('DIRECT', 'POSTAL', 'ONLINE')),
    service_level   varchar(16)  NOT NULL,
    status          varchar(24)  NOT NULL,
    received_at     timestamptz  NOT NULL,
    received_date   date         NOT NULL,
    due_at          timestamptz,
    due_date        date         NOT NULL,
    finished_at     timestamptz,
    finished_date   date,
    -- 1 early, 2 on time, 3 late; NULL while unfinished or when excluded.
    finish_class    smallint,
    excluded        boolean      NOT NULL,
    processing_days integer,
    ingested_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, dossier_id)
);
CREATE INDEX dossier_unit_received ON dossier (unit_code, received_date);
CREATE INDEX dossier_unit_finished ON dossier (unit_code, finished_date);

CREATE TABLE ingestion_state (
    id            integer     PRIMARY KEY CHECK (id = 1),
    last_ingested timestamptz NOT NULL
);
