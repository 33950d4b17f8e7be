-- Monthly roll-ups of the citizen-side facts (issue 18), so that the service index of whole months reads a few rows
-- per unit and month instead of every payment, digitisation record and rating: one unit's year ranked among its
-- peers (all communes of a province, up to 168) read well over a million index entries at 10 million dossiers.
--
-- One table per fact table (a ratings batch and a payments batch never wait for each other's row locks), one row per
-- (unit, month of the fact's day), and for every indicator read from that table its denominator and numerator:
-- columns named after the indicator (Indicator.name() in lower case, then _den / _num). Maintained by statement-level
-- triggers with transition tables, like V8's, so every writer keeps them (the batch's COPY and upsert, a direct
-- UPDATE or DELETE). The conditions are written once, in fact_month_rule, exactly as Indicator.denominator() and
-- Indicator.numerator(): FactMonthRollupTest fails if the two differ, and checks the roll-ups against the raw counts.
-- Feedback has none: its on-time rule depends on the day it is asked (unanswered past the deadline), and it is ~1 %
-- of the rows.
CREATE TABLE payment_month (
    unit_code               varchar(32) NOT NULL,
    month                   date        NOT NULL,
    online_payment_rate_den bigint      NOT NULL DEFAULT 0,
    online_payment_rate_num bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, month)
);

CREATE TABLE digitisation_month (
    unit_code                     varchar(32) NOT NULL,
    month                         date        NOT NULL,
    dossier_digitisation_rate_den bigint      NOT NULL DEFAULT 0,
    dossier_digitisation_rate_num bigint      NOT NULL DEFAULT 0,
    result_electronic_rate_den    bigint      NOT NULL DEFAULT 0,
    result_electronic_rate_num    bigint      NOT NULL DEFAULT 0,
    digitised_reuse_rate_den      bigint      NOT NULL DEFAULT 0,
    digitised_reuse_rate_num      bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, month)
);

CREATE TABLE rating_month (
    unit_code             varchar(32) NOT NULL,
    month                 date        NOT NULL,
    satisfaction_rate_den bigint      NOT NULL DEFAULT 0,
    satisfaction_rate_num bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, month)
);

-- The statement adding the contributions of `source` (rows of a fact table with a `sign` column, +1 or -1) to
-- `target`: per (unit, month of `day_column`), for each (column, condition) pair of `counts`, the signed number of
-- rows meeting the condition (a NULL condition counts as false, as count(*) FILTER does), upserted in key order
-- (concurrent batches lock rows in the same order). Groups whose every sum is zero (an update that changed nothing
-- the roll-up counts) are not written.
CREATE FUNCTION fact_month_sql(target text, day_column text, counts text[], source text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    cols text := '';
    sums text := '';
    sets text := '';
    nonzero text := '';
BEGIN
    FOR i IN 1 .. array_length(counts, 1) BY 2 LOOP
        cols := cols || ', ' || counts[i];
        sums := sums || ', coalesce(sum(sign) FILTER (WHERE ' || counts[i + 1] || '), 0)';
        sets := sets || CASE WHEN i > 1 THEN ', ' ELSE '' END
            || counts[i] || ' = t.' || counts[i] || ' + EXCLUDED.' || counts[i];
        nonzero := nonzero || CASE WHEN i > 1 THEN ' OR ' ELSE '' END
            || 'coalesce(sum(sign) FILTER (WHERE ' || counts[i + 1] || '), 0) <> 0';
    END LOOP;
    RETURN 'INSERT INTO ' || target || ' AS t (unit_code, month' || cols || ')'
        || ' SELECT unit_code, date_trunc(''month'', ' || day_column || ')::date' || sums
        || ' FROM (' || source || ') s GROUP BY 1, 2 HAVING ' || nonzero || ' ORDER BY 1, 2'
        || ' ON CONFLICT (unit_code, month) DO UPDATE SET ' || sets;
END
$$;

-- What each roll-up counts, written once: the fact table, its roll-up, the day column placing a fact in a month,
-- then (column, condition) pairs; the conditions are Indicator.denominator() and Indicator.numerator() verbatim.
CREATE TABLE fact_month_rule (
    fact_table  varchar(64) PRIMARY KEY,
    target      varchar(64) NOT NULL,
    day_column  varchar(64) NOT NULL,
    counts      text[]      NOT NULL
);
INSERT INTO fact_month_rule VALUES
    ('dossier_payment', 'payment_month', 'paid_date', ARRAY[
        'online_payment_rate_den', '(fee > 0)',
        'online_payment_rate_num', '(fee > 0) AND (paid_online)']),
    ('dossier_digitisation', 'digitisation_month', 'digitised_date', ARRAY[
        'dossier_digitisation_rate_den', '(components_total > 0)',
        'dossier_digitisation_rate_num', '(components_total > 0) AND (components_digitised = components_total)',
        'result_electronic_rate_den', '(result_electronic IS NOT NULL)',
        'result_electronic_rate_num', '(result_electronic IS NOT NULL) AND (result_electronic)',
        'digitised_reuse_rate_den', '(true)',
        'digitised_reuse_rate_num', '(true) AND (reused_digitised)']),
    ('dossier_rating', 'rating_month', 'rated_date', ARRAY[
        'satisfaction_rate_den', '(true)',
        'satisfaction_rate_num', '(true) AND (level IN (''VERY_SATISFIED'', ''SATISFIED''))']);

CREATE FUNCTION fact_month_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r fact_month_rule;
BEGIN
    SELECT * INTO STRICT r FROM fact_month_rule WHERE fact_table = TG_TABLE_NAME;
    IF TG_OP = 'INSERT' THEN
        EXECUTE fact_month_sql(r.target, r.day_column, r.counts, 'SELECT *, 1 AS sign FROM new_rows');
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE fact_month_sql(r.target, r.day_column, r.counts, 'SELECT *, -1 AS sign FROM old_rows');
    ELSE
        EXECUTE fact_month_sql(r.target, r.day_column, r.counts,
            'SELECT *, -1 AS sign FROM old_rows UNION ALL SELECT *, 1 AS sign FROM new_rows');
    END IF;
    RETURN NULL;
END
$$;

-- The three triggers of each fact table, and the facts already stored.
DO $$
DECLARE
    r fact_month_rule;
BEGIN
    FOR r IN SELECT * FROM fact_month_rule LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows'
            || ' FOR EACH STATEMENT EXECUTE FUNCTION fact_month_apply()', r.target || '_insert', r.fact_table);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
            || ' FOR EACH STATEMENT EXECUTE FUNCTION fact_month_apply()', r.target || '_update', r.fact_table);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows'
            || ' FOR EACH STATEMENT EXECUTE FUNCTION fact_month_apply()', r.target || '_delete', r.fact_table);
        EXECUTE fact_month_sql(r.target, r.day_column, r.counts, 'SELECT *, 1 AS sign FROM ' || r.fact_table);
    END LOOP;
END
$$;
