-- A second, coarser monthly roll-up: dossier_month without the procedure, one row per (unit, month, channel,
-- service level). dossier_month has one row per procedure too, and at national scale it is nearly as long as the
-- dossier table itself (3,321 communes × 200 procedures × 3 channels × the months: measured 1.4 roll-up rows per
-- dossier at 580,000 dossiers), so a national report read ~10 million of its rows at 10 million dossiers. Reports
-- that do not group by procedure or field (one total, months, units, channels, provinces) read this table instead:
-- at most units × months × 9 rows, whatever the number of dossiers.
CREATE TABLE dossier_unit_month (
    unit_code       varchar(32) NOT NULL,
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
    PRIMARY KEY (unit_code, month, channel, service_level)
);

-- The statement of V8's triggers now writes both roll-ups: the contributions grouped by the full key once
-- (materialised), upserted into dossier_month, and summed over the procedures into dossier_unit_month, in key order.
CREATE OR REPLACE FUNCTION dossier_month_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT 'WITH c AS (SELECT unit_code, procedure_code, channel, service_level, sign, excluded, finish_class,'
    || ' processing_days, r, f, greatest(due_m + CASE WHEN due_date = (due_m + interval ''1 month - 1 day'')::date'
    || ' THEN interval ''1 month'' ELSE interval ''0'' END, r)::date AS s'
    || ' FROM (SELECT *, date_trunc(''month'', received_date)::date AS r, date_trunc(''month'', finished_date)::date AS f,'
    || ' date_trunc(''month'', due_date)::date AS due_m FROM (' || source || ') src) d),'
    || ' g AS MATERIALIZED (SELECT unit_code, procedure_code, channel, service_level, x.month,'
    || ' sum(sign * x.received) AS received, sum(sign * x.excluded) AS excluded,'
    || ' sum(sign * x.resolved) AS resolved, sum(sign * x.early) AS early, sum(sign * x.on_time) AS on_time,'
    || ' sum(sign * x.late) AS late, sum(sign * x.processing_days) AS processing_days,'
    || ' sum(sign * x.open_in) AS open_in, sum(sign * x.open_out) AS open_out, sum(sign * x.overdue_in) AS overdue_in,'
    || ' sum(sign * x.overdue_out) AS overdue_out'
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
    || ' GROUP BY 1, 2, 3, 4, 5),'
    || ' fine AS (INSERT INTO dossier_month AS t (unit_code, procedure_code, channel, service_level, month, received,'
    || ' excluded, resolved, early, on_time, late, processing_days, open_in, open_out, overdue_in, overdue_out)'
    || ' SELECT * FROM g ORDER BY unit_code, month, procedure_code, channel, service_level'
    || ' ON CONFLICT (unit_code, month, procedure_code, channel, service_level) DO UPDATE SET'
    || ' received = t.received + EXCLUDED.received, excluded = t.excluded + EXCLUDED.excluded,'
    || ' resolved = t.resolved + EXCLUDED.resolved, early = t.early + EXCLUDED.early,'
    || ' on_time = t.on_time + EXCLUDED.on_time, late = t.late + EXCLUDED.late,'
    || ' processing_days = t.processing_days + EXCLUDED.processing_days, open_in = t.open_in + EXCLUDED.open_in,'
    || ' open_out = t.open_out + EXCLUDED.open_out, overdue_in = t.overdue_in + EXCLUDED.overdue_in,'
    || ' overdue_out = t.overdue_out + EXCLUDED.overdue_out)'
    || ' INSERT INTO dossier_unit_month AS t (unit_code, channel, service_level, month, received, excluded, resolved,'
    || ' early, on_time, late, processing_days, open_in, open_out, overdue_in, overdue_out)'
    || ' SELECT unit_code, channel, service_level, month, sum(received), sum(excluded), sum(resolved), sum(early),'
    || ' sum(on_time), sum(late), sum(processing_days), sum(open_in), sum(open_out), sum(overdue_in), sum(overdue_out)'
    || ' FROM g GROUP BY 1, 2, 3, 4 ORDER BY 1, 4, 2, 3'
    || ' ON CONFLICT (unit_code, month, channel, service_level) DO UPDATE SET'
    || ' received = t.received + EXCLUDED.received, excluded = t.excluded + EXCLUDED.excluded,'
    || ' resolved = t.resolved + EXCLUDED.resolved, early = t.early + EXCLUDED.early,'
    || ' on_time = t.on_time + EXCLUDED.on_time, late = t.late + EXCLUDED.late,'
    || ' processing_days = t.processing_days + EXCLUDED.processing_days, open_in = t.open_in + EXCLUDED.open_in,'
    || ' open_out = t.open_out + EXCLUDED.open_out, overdue_in = t.overdue_in + EXCLUDED.overdue_in,'
    || ' overdue_out = t.overdue_out + EXCLUDED.overdue_out'
$$;

-- The months already rolled up.
INSERT INTO dossier_unit_month (unit_code, channel, service_level, month, received, excluded, resolved, early,
    on_time, late, processing_days, open_in, open_out, overdue_in, overdue_out)
SELECT unit_code, channel, service_level, month, sum(received), sum(excluded), sum(resolved), sum(early),
    sum(on_time), sum(late), sum(processing_days), sum(open_in), sum(open_out), sum(overdue_in), sum(overdue_out)
FROM dossier_month GROUP BY 1, 2, 3, 4;
