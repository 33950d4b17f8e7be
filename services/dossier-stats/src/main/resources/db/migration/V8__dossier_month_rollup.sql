-- Monthly roll-up of the dossiers, maintained by statement-level triggers on dossier with transition tables (so
-- every writer keeps it: the ingestion's COPY and upsert, a moved dossier's delete, a direct DELETE). Statistics of
-- whole months are summed from it (StatsService) instead of reading every dossier.
--
-- One row per (unit, procedure, channel, service level, month). A dossier adds to up to three months' rows:
--   its receipt month r:  received (not excluded) or excluded; open_in (it is open from r on);
--   its finish month f:   resolved, early / on time / late, processing days; open_out (no longer open from f on);
--                         overdue_out (no longer overdue from f on, when it was overdue before f);
--   its overdue month s:  overdue_in: the first month whose last day is after its due date (and not before r).
-- Open at the end of month E = sum over months <= E of (open_in - open_out); carried over into month M = open at
-- the end of M - 1; overdue at the end of E = sum over months <= E of (overdue_in - overdue_out). These are
-- StatsService's raw definitions evaluated at a month's last day (a dossier is never finished before it is
-- received: the validator refuses it), checked against them on random data by DossierMonthRollupTest.
CREATE TABLE dossier_month (
    unit_code       varchar(32) NOT NULL,
    procedure_code  varchar(64) NOT NULL,
    channel         varchar(8)  NOT NULL,
    service_level   varchar(16) NOT NULL,
    month           date        NOT NULL,
    received        bigint      NOT NULL DEFAULT 0,
    excluded        bigint      NOT NULL DEFAULT 0,
    resolved        bigint      NOT NULL DEFAULT 0,
    early           bigint      NOT NULL DEFAULT 0,
    on_time         bigint      NOT NULL DEFAULT 0,
    late            bigint      NOT NULL DEFAULT 0,
    processing_days bigint      NOT NULL DEFAULT 0,
    open_in         bigint      NOT NULL DEFAULT 0,
    open_out        bigint      NOT NULL DEFAULT 0,
    overdue_in      bigint      NOT NULL DEFAULT 0,
    overdue_out     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, month, procedure_code, channel, service_level)
);

-- The statement that adds the contributions of the rows of `source` (a query giving dossier's columns and a
-- `sign` column, +1 or -1) to dossier_month, in key order (concurrent batches lock rows in the same order).
CREATE FUNCTION dossier_month_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT 'WITH c AS (SELECT unit_code, procedure_code, channel, service_level, sign, excluded, finish_class,'
    || ' processing_days, r, f, greatest(due_m + CASE WHEN due_date = (due_m + interval ''1 month - 1 day'')::date'
    || ' THEN interval ''1 month'' ELSE interval ''0'' END, r)::date AS s'
    || ' FROM (SELECT *, date_trunc(''month'', received_date)::date AS r, date_trunc(''month'', finished_date)::date AS f,'
    || ' date_trunc(''month'', due_date)::date AS due_m FROM (' || source || ') src) d)'
    || ' INSERT INTO dossier_month AS t (unit_code, procedure_code, channel, service_level, month, received, excluded,'
    || ' resolved, early, on_time, late, processing_days, open_in, open_out, overdue_in, overdue_out)'
    || ' SELECT unit_code, procedure_code, channel, service_level, x.month, sum(sign * x.received), sum(sign * x.excluded),'
    || ' sum(sign * x.resolved), sum(sign * x.early), sum(sign * x.on_time), sum(sign * x.late),'
    || ' sum(sign * x.processing_days), sum(sign * x.open_in), sum(sign * x.open_out), sum(sign * x.overdue_in),'
    || ' sum(sign * x.overdue_out)'
    || ' FROM c CROSS JOIN LATERAL (VALUES'
    || ' (c.r, (NOT c.excluded)::int, c.excluded::int, 0, 0, 0, 0, 0,'
    || '  (NOT c.excluded AND (c.f IS NULL OR c.f >= c.r))::int, 0, 0, 0),'
    || ' (c.f, 0, 0, (c.finish_class IS NOT NULL)::int, coalesce((c.finish_class = 1)::int, 0),'
    || '  coalesce((c.finish_class = 2)::int, 0), coalesce((c.finish_class = 3)::int, 0),'
    || '  CASE WHEN c.finish_class IS NOT NULL THEN coalesce(c.processing_days, 0) ELSE 0 END,'
    || '  0, (NOT c.excluded AND c.f >= c.r)::int, 0, (NOT c.excluded AND c.f > c.s)::int),'
    || ' (c.s, 0, 0, 0, 0, 0, 0, 0, 0, 0, (NOT c.excluded AND (c.f IS NULL OR c.f > c.s))::int, 0)'
    || ' ) x(month, received, excluded, resolved, early, on_time, late, processing_days, open_in, open_out,'
    || ' overdue_in, overdue_out)'
    || ' WHERE x.month IS NOT NULL'
    || ' GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 5, 2, 3, 4'
    || ' ON CONFLICT (unit_code, month, procedure_code, channel, service_level) DO UPDATE SET'
    || ' received = t.received + EXCLUDED.received, excluded = t.excluded + EXCLUDED.excluded,'
    || ' resolved = t.resolved + EXCLUDED.resolved, early = t.early + EXCLUDED.early,'
    || ' on_time = t.on_time + EXCLUDED.on_time, late = t.late + EXCLUDED.late,'
    || ' processing_days = t.processing_days + EXCLUDED.processing_days, open_in = t.open_in + EXCLUDED.open_in,'
    || ' open_out = t.open_out + EXCLUDED.open_out, overdue_in = t.overdue_in + EXCLUDED.overdue_in,'
    || ' overdue_out = t.overdue_out + EXCLUDED.overdue_out'
$$;

CREATE FUNCTION dossier_month_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE dossier_month_sql('SELECT *, 1 AS sign FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE dossier_month_sql('SELECT *, -1 AS sign FROM old_rows');
    ELSE
        EXECUTE dossier_month_sql('SELECT *, -1 AS sign FROM old_rows UNION ALL SELECT *, 1 AS sign FROM new_rows');
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dossier_month_insert AFTER INSERT ON dossier
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_month_apply();
CREATE TRIGGER dossier_month_update AFTER UPDATE ON dossier
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_month_apply();
CREATE TRIGGER dossier_month_delete AFTER DELETE ON dossier
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_month_apply();

-- The rows already stored.
DO $$ BEGIN EXECUTE dossier_month_sql('SELECT *, 1 AS sign FROM dossier'); END $$;
