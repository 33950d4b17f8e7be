-- Asynchronous batches: the job's state and progress, readable from any replica while it runs.
CREATE TABLE ingestion_job (
    id          uuid         PRIMARY KEY,
    status      varchar(16)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    format      varchar(16)  NOT NULL,
    bytes       bigint       NOT NULL,
    rows_read   bigint       NOT NULL DEFAULT 0,
    rejected    bigint       NOT NULL DEFAULT 0,
    result      text,
    error       text,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    finished_at timestamptz
);
