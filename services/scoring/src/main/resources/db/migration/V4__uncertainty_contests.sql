-- Rank intervals and the contest window (issue 17).

-- A survey score may say how sure it is: the number of respondents behind it for the unit (the sampling error
-- follows from the share and n), or a stated standard error in percentage points of the criterion's maximum.
ALTER TABLE score
    ADD COLUMN survey_sample_size    integer       CHECK (survey_sample_size >= 1),
    ADD COLUMN survey_standard_error numeric(7, 3) CHECK (survey_standard_error >= 0);

-- A campaign may publish a preliminary ranking open to contests until a deadline, before its final one.
ALTER TABLE campaign DROP CONSTRAINT campaign_status_check;
ALTER TABLE campaign
    ADD CONSTRAINT campaign_status_check CHECK (status IN
        ('OPEN', 'SELF_ASSESSMENT_CLOSED', 'APPRAISAL', 'APPROVED', 'PRELIMINARY', 'PUBLISHED')),
    ADD COLUMN contest_deadline timestamptz;

-- Which stage a published version is: the preliminary ranking of the contest window, or a final one.
ALTER TABLE publication
    ADD COLUMN stage varchar(16) NOT NULL DEFAULT 'FINAL' CHECK (stage IN ('PRELIMINARY', 'FINAL'));

-- A unit's contest of one criterion's score in a preliminary ranking, and the council's decision.
CREATE TABLE contest (
    id               bigserial     PRIMARY KEY,
    campaign_code    varchar(64)   NOT NULL,
    unit_code        varchar(32)   NOT NULL,
    criterion_code   varchar(64)   NOT NULL,
    reason           text          NOT NULL,
    evidence         text,
    status           varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'REJECTED', 'LAPSED')),
    points_before    numeric(9, 3),
    points_after     numeric(9, 3),
    decision_reason  text,
    filed_by         varchar(200)  NOT NULL,
    filed_at         timestamptz   NOT NULL DEFAULT now(),
    decided_by       varchar(200),
    decided_at       timestamptz,
    FOREIGN KEY (campaign_code, unit_code) REFERENCES campaign_unit (campaign_code, unit_code) ON DELETE CASCADE
);
CREATE INDEX contest_campaign ON contest (campaign_code, status);
