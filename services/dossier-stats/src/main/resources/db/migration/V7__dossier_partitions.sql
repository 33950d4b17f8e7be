-- The dossier table partitioned by month of receipt (declarative RANGE partitioning on received_date), for a
-- national store of ~100 million dossiers a year: statistics of a period read only the months they can need,
-- vacuum and index maintenance work month by month, and an old month can be detached for archive.
--
-- A partitioned table's unique keys must include the partition key, so (source_system, dossier_id) alone can no
-- longer be the primary key. The dossier's identity stays unique through dossier_key (one row per dossier: its
-- receipt date, hence its month), kept by ingestion in the same transaction as the chunk it writes: a re-sent
-- dossier updates its row, and one whose receipt date changed is deleted from its old month before it is written
-- to its new one (ChunkWriter).
ALTER TABLE dossier RENAME TO dossier_heap;
ALTER INDEX dossier_pkey RENAME TO dossier_heap_pkey;
ALTER INDEX dossier_unit_received RENAME TO dossier_heap_unit_received;

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
    CONSTRAINT dossier_finish_class CHECK (finish_class IN (1, 2, 3)),
    CONSTRAINT dossier_finished_has_class CHECK (finished_date IS NULL OR excluded OR finish_class IS NOT NULL),
    PRIMARY KEY (source_system, dossier_id, received_date)
) PARTITION BY RANGE (received_date);
CREATE INDEX dossier_unit_received ON dossier (unit_code, received_date)
    INCLUDE (finished_date, due_date, finish_class, excluded, channel, service_level, processing_days);

-- Rows of a month without its partition (a receipt date far in the future, or a month archived and re-sent) land
-- here; dossier_ensure_partitions moves them out when their month's partition is created.
CREATE TABLE dossier_default PARTITION OF dossier DEFAULT;

-- One row per dossier: where (which receipt date, hence which month's partition) its current row is.
CREATE TABLE dossier_key (
    source_system varchar(64)  NOT NULL,
    dossier_id    varchar(128) NOT NULL,
    received_date date         NOT NULL,
    PRIMARY KEY (source_system, dossier_id)
);

-- Creates the monthly partitions dossier_YYYY_MM of every month from first_day's to last_day's that has none yet,
-- moving the default partition's rows of that month into it; returns how many it created. Idempotent, serialised
-- by an advisory lock. Called by the service at startup (a few months back, parindex.dossier.partitions-ahead
-- months ahead) and, in a short transaction of its own, before each ingestion chunk for the months that chunk
-- touches. Each partition gets the insert-driven autovacuum settings of V4 (they are per table).
CREATE FUNCTION dossier_ensure_partitions(first_day date, last_day date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    m       date := date_trunc('month', first_day)::date;
    created integer := 0;
    part    text;
    next_m  date;
BEGIN
    IF first_day IS NULL OR last_day IS NULL OR last_day < first_day THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('dossier_ensure_partitions'));
    WHILE m <= last_day LOOP
        part := 'dossier_' || to_char(m, 'YYYY_MM');
        next_m := (m + interval '1 month')::date;
        IF to_regclass(part) IS NULL THEN
            EXECUTE format('CREATE TABLE %I (LIKE dossier INCLUDING DEFAULTS INCLUDING CONSTRAINTS) WITH ('
                || 'autovacuum_vacuum_insert_threshold = 100000, autovacuum_vacuum_insert_scale_factor = 0,'
                || ' autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_scale_factor = 0)', part);
            EXECUTE format('WITH moved AS (DELETE FROM dossier_default WHERE received_date >= %L AND received_date < %L'
                || ' RETURNING *) INSERT INTO %I SELECT * FROM moved', m, next_m, part);
            EXECUTE format('ALTER TABLE dossier ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, m, next_m);
            created := created + 1;
        END IF;
        m := next_m;
    END LOOP;
    RETURN created;
END
$$;

-- Detaches the partition of month_day's month for archive and renames it dossier_archive_YYYY_MM: its rows leave
-- every raw statistic; the monthly roll-up keeps their counts. The table stays in the database until it is dumped
-- and dropped (docs/operations.md). Its dossiers' keys are removed: the month is closed, and a dossier of it sent
-- again is stored as new. Returns the archive table's name, or NULL when the month has no partition.
CREATE FUNCTION dossier_detach_partition(month_day date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    m       date := date_trunc('month', month_day)::date;
    part    text := 'dossier_' || to_char(date_trunc('month', month_day), 'YYYY_MM');
    archive text := 'dossier_archive_' || to_char(date_trunc('month', month_day), 'YYYY_MM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('dossier_ensure_partitions'));
    IF to_regclass(part) IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('ALTER TABLE dossier DETACH PARTITION %I', part);
    EXECUTE format('ALTER TABLE %I RENAME TO %I', part, archive);
    DELETE FROM dossier_key WHERE received_date >= m AND received_date < (m + interval '1 month')::date;
    RETURN archive;
END
$$;

-- The existing rows: a partition for each month they use and for the months around today, then one copy.
SELECT dossier_ensure_partitions(
    least((SELECT min(received_date) FROM dossier_heap), (date_trunc('month', now()) - interval '1 month')::date),
    greatest((SELECT max(received_date) FROM dossier_heap), (date_trunc('month', now()) + interval '3 months')::date));
INSERT INTO dossier SELECT * FROM dossier_heap;
INSERT INTO dossier_key (source_system, dossier_id, received_date)
SELECT source_system, dossier_id, received_date FROM dossier_heap;
DROP TABLE dossier_heap;
