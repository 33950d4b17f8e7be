-- The citizen's side of a dossier (issue 18): payment, digitisation, rating, and feedback/complaints, each its own
-- streamed record. Dossier facts are keyed by the dossier's code (source system, dossier id) WITHOUT a foreign key
-- to dossier: the dossier table is partitioned by month and a fact may arrive before its dossier. Each fact carries
-- its unit and the day it belongs to, so the service index (Decision 766/QĐ-TTg) is read from these tables alone,
-- by (unit_code, day) index-only scans. Every row records who sent it (recorded_by) and when.

-- Fee and payment. fee is in VND; a zero-fee dossier has nothing to pay and is left out of the online payment
-- rate (numerator and denominator), see docs/domain.md. paid_date: the day paid (a zero-fee dossier: its receipt).
CREATE TABLE dossier_payment (
    source_system  varchar(64)   NOT NULL,
    dossier_id     varchar(128)  NOT NULL,
    unit_code      varchar(32)   NOT NULL,
    procedure_code varchar(64),
    fee            numeric(15,0) NOT NULL CHECK (fee >= 0),
    paid_online    boolean       NOT NULL,
    paid_at        timestamptz   NOT NULL,
    paid_date      date          NOT NULL,
    recorded_by    varchar(100),
    recorded_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, dossier_id),
    CHECK (fee > 0 OR NOT paid_online)
);
CREATE INDEX dossier_payment_unit_day ON dossier_payment (unit_code, paid_date) INCLUDE (fee, paid_online);

-- Digitisation: components digitised out of the dossier's components; the result issued electronically (NULL while
-- no result is issued); the result reused from digitised data (a component taken from the data warehouse instead of
-- a paper copy).
CREATE TABLE dossier_digitisation (
    source_system        varchar(64)  NOT NULL,
    dossier_id           varchar(128) NOT NULL,
    unit_code            varchar(32)  NOT NULL,
    procedure_code       varchar(64),
    components_total     integer      NOT NULL CHECK (components_total >= 0),
    components_digitised integer      NOT NULL CHECK (components_digitised BETWEEN 0 AND components_total),
    result_electronic    boolean,
    reused_digitised     boolean      NOT NULL,
    digitised_at         timestamptz  NOT NULL,
    digitised_date       date         NOT NULL,
    recorded_by          varchar(100),
    recorded_at          timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, dossier_id)
);
CREATE INDEX dossier_digitisation_unit_day ON dossier_digitisation (unit_code, digitised_date)
    INCLUDE (components_total, components_digitised, result_electronic, reused_digitised);

-- The citizen's rating of a dossier: one per dossier (a later rating replaces it).
CREATE TABLE dossier_rating (
    source_system varchar(64)  NOT NULL,
    dossier_id    varchar(128) NOT NULL,
    unit_code     varchar(32)  NOT NULL,
    procedure_code varchar(64),
    channel       varchar(8)   NOT NULL CHECK (channel IN ('DEVICE', 'ONLINE', 'SMS')),
    level         varchar(16)  NOT NULL CHECK (level IN ('VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED')),
    criteria      varchar(1000),
    rated_at      timestamptz  NOT NULL,
    rated_date    date         NOT NULL,
    recorded_by   varchar(100),
    recorded_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, dossier_id)
);
CREATE INDEX dossier_rating_unit_day ON dossier_rating (unit_code, rated_date) INCLUDE (level);

-- Feedback and complaints (phản ánh, kiến nghị) about a unit and optionally a procedure.
CREATE TABLE feedback (
    source_system  varchar(64)  NOT NULL,
    feedback_id    varchar(128) NOT NULL,
    unit_code      varchar(32)  NOT NULL,
    procedure_code varchar(64),
    kind           varchar(12)  NOT NULL CHECK (kind IN ('FEEDBACK', 'COMPLAINT')),
    received_at    timestamptz  NOT NULL,
    received_date  date         NOT NULL,
    deadline       date         NOT NULL CHECK (deadline >= received_date),
    answered_at    timestamptz,
    answered_date  date,
    outcome        varchar(16)  CHECK (outcome IN ('RESOLVED', 'EXPLAINED', 'REJECTED', 'TRANSFERRED')),
    recorded_by    varchar(100),
    recorded_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (source_system, feedback_id),
    CHECK (answered_date IS NULL OR answered_date >= received_date)
);
CREATE INDEX feedback_unit_day ON feedback (unit_code, received_date) INCLUDE (deadline, answered_date);
