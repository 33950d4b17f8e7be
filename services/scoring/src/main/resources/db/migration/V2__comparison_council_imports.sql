-- Wave 2 of scoring: ratios that survive appraisal, the group's structure date for lineage windows, idempotent
-- campaign creation, exclusions with a reason, an appraisal council per campaign, imported published results,
-- and external indices that know their kind.

-- An appraiser may give a level or a corrected ratio instead of points; confirming a self score keeps its ratio.
ALTER TABLE score
    ADD COLUMN appraisal1_level       varchar(32),
    ADD COLUMN appraisal1_numerator   numeric(18, 3),
    ADD COLUMN appraisal1_denominator numeric(18, 3),
    ADD COLUMN appraisal2_level       varchar(32),
    ADD COLUMN appraisal2_numerator   numeric(18, 3),
    ADD COLUMN appraisal2_denominator numeric(18, 3);

ALTER TABLE campaign
    -- The day the group's members were taken on: the end of the lineage window of the next campaign.
    ADD COLUMN unit_group_as_of   date,
    ADD COLUMN unit_level         varchar(16),
    -- SHA-256 of the creating request: the same POST again (a retry after a timeout) answers the campaign.
    ADD COLUMN request_fingerprint varchar(64),
    -- Results taken from a published table (decision), not computed from scores.
    ADD COLUMN results_imported   boolean NOT NULL DEFAULT false;

ALTER TABLE campaign_unit
    ADD COLUMN unit_level      varchar(16),
    ADD COLUMN excluded_reason text,
    ADD COLUMN excluded_by     varchar(200),
    ADD COLUMN excluded_at     timestamptz;

-- The appraisal council of a campaign: user names or token subjects an administrator assigned.
CREATE TABLE campaign_appraiser (
    campaign_code varchar(64)  NOT NULL REFERENCES campaign (code) ON DELETE CASCADE,
    appraiser     varchar(200) NOT NULL,
    assigned_by   varchar(200) NOT NULL,
    assigned_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_code, appraiser)
);

ALTER TABLE publication
    ADD COLUMN imported   boolean NOT NULL DEFAULT false,
    ADD COLUMN source_url varchar(1000);

-- What an external index is: a percentage (0–100) or a score, and whether lower values rank first.
CREATE TABLE external_index (
    code            varchar(32)  PRIMARY KEY,
    name            varchar(300),
    kind            varchar(16)  NOT NULL CHECK (kind IN ('PERCENT', 'SCORE')),
    lower_is_better boolean      NOT NULL DEFAULT false,
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    updated_by      varchar(200) NOT NULL
);
INSERT INTO external_index (code, kind, updated_by)
SELECT DISTINCT index_code, 'SCORE', 'migration' FROM external_index_value;

ALTER TABLE external_index_value ADD COLUMN updated_by varchar(200);
