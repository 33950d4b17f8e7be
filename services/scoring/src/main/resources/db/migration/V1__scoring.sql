-- Scoring: campaigns with their snapshots, per-leaf scores, score history, publications, external indices.

-- A campaign snapshots what it scores against: the criteria set's tree (JSON as the catalogue served it), the
-- peer group's members and, for year-over-year comparison across unit changes, the registry's change links.
CREATE TABLE campaign (
    code                     varchar(64)  PRIMARY KEY,
    name                     varchar(300) NOT NULL,
    year                     integer      NOT NULL,
    criteria_set_code        varchar(64)  NOT NULL,
    criteria_set_etag        varchar(100),
    criteria_snapshot        text         NOT NULL,
    unit_group_code          varchar(64)  NOT NULL,
    previous_campaign_code   varchar(64)  REFERENCES campaign (code),
    comparison_rule          varchar(32)  NOT NULL CHECK (comparison_rule IN ('NONE', 'MEAN_OF_PREDECESSORS')),
    lineage_snapshot         text,
    appraisal_required       boolean      NOT NULL,
    self_assessment_deadline timestamptz  NOT NULL,
    status                   varchar(32)  NOT NULL
        CHECK (status IN ('OPEN', 'SELF_ASSESSMENT_CLOSED', 'APPRAISAL', 'APPROVED', 'PUBLISHED')),
    -- Bumped by every score change: results are cached per revision.
    revision                 bigint       NOT NULL DEFAULT 0,
    created_at               timestamptz  NOT NULL DEFAULT now(),
    created_by               varchar(200),
    updated_at               timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE campaign_unit (
    campaign_code  varchar(64)  NOT NULL REFERENCES campaign (code) ON DELETE CASCADE,
    unit_code      varchar(32)  NOT NULL,
    unit_name      varchar(300) NOT NULL,
    unit_type      varchar(100),
    position       integer      NOT NULL,
    self_status    varchar(16)  NOT NULL DEFAULT 'DRAFT' CHECK (self_status IN ('DRAFT', 'SUBMITTED')),
    submitted_at   timestamptz,
    submitted_by   varchar(200),
    PRIMARY KEY (campaign_code, unit_code)
);

-- One row per campaign × unit × leaf criterion, holding every stage of its score.
CREATE TABLE score (
    campaign_code        varchar(64)   NOT NULL,
    unit_code            varchar(32)   NOT NULL,
    criterion_code       varchar(64)   NOT NULL,
    self_points          numeric(9, 3),
    self_level           varchar(32),
    self_numerator       numeric(18, 3),
    self_denominator     numeric(18, 3),
    self_not_applicable  boolean       NOT NULL DEFAULT false,
    self_explanation     text,
    evidence             text,
    appraisal1_points    numeric(9, 3),
    appraisal1_reason    text,
    unit_explanation     text,
    appraisal2_points    numeric(9, 3),
    appraisal2_reason    text,
    survey_points        numeric(9, 3),
    survey_value         numeric(9, 3),
    auto_value           numeric(12, 4),
    auto_numerator       numeric(18, 3),
    auto_denominator     numeric(18, 3),
    auto_fetched_at      timestamptz,
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_code, unit_code, criterion_code),
    FOREIGN KEY (campaign_code, unit_code) REFERENCES campaign_unit (campaign_code, unit_code) ON DELETE CASCADE
);

-- Who changed which score when, before and after (JSON of the stage's fields), and why.
CREATE TABLE score_history (
    id             bigserial    PRIMARY KEY,
    campaign_code  varchar(64)  NOT NULL,
    unit_code      varchar(32)  NOT NULL,
    criterion_code varchar(64),
    action         varchar(32)  NOT NULL,
    before         text,
    after          text,
    reason         text,
    actor          varchar(200) NOT NULL,
    at             timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX score_history_unit ON score_history (campaign_code, unit_code, id);

-- A published ranking is an immutable document; a correction is a new version with its reason.
CREATE TABLE publication (
    campaign_code   varchar(64)  NOT NULL REFERENCES campaign (code),
    version         integer      NOT NULL,
    decision_number varchar(100) NOT NULL,
    decision_date   date         NOT NULL,
    reason          text,
    published_at    timestamptz  NOT NULL DEFAULT now(),
    published_by    varchar(200) NOT NULL,
    document        text         NOT NULL,
    etag            varchar(80)  NOT NULL,
    PRIMARY KEY (campaign_code, version)
);

-- External indices (SIPAS, PAPI, PCI, DDCI ...): one value per unit and year, ranked like results.
CREATE TABLE external_index_value (
    index_code  varchar(32)   NOT NULL,
    year        integer       NOT NULL,
    unit_code   varchar(32)   NOT NULL,
    unit_name   varchar(300),
    value       numeric(12, 4) NOT NULL,
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (index_code, year, unit_code)
);
