-- Criteria catalogue: one row per criteria set, the tree as a JSON document validated whole on every write.
-- A published set never changes (only its status moves to ARCHIVED); every change is kept in the history.
CREATE TABLE criteria_set (
    code         varchar(64)  PRIMARY KEY,
    name         varchar(300) NOT NULL,
    year         integer      NOT NULL,
    target_level varchar(16)  NOT NULL CHECK (target_level IN ('PROVINCE', 'AGENCY', 'DISTRICT', 'COMMUNE')),
    status       varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    proposal     boolean      NOT NULL DEFAULT false,
    total_points numeric(8, 3) NOT NULL,
    node_count   integer      NOT NULL,
    -- The set exactly as the API returns it (GET answers it verbatim, so it is text, not jsonb).
    document     text         NOT NULL,
    -- Bumped on every change; the ETag.
    revision     integer      NOT NULL,
    cloned_from  varchar(64),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX criteria_set_filter ON criteria_set (year, target_level, status);

CREATE TABLE criteria_set_history (
    id        bigserial    PRIMARY KEY,
    set_code  varchar(64)  NOT NULL,
    action    varchar(32)  NOT NULL,
    revision  integer      NOT NULL,
    actor     varchar(100),
    reason    varchar(1000),
    at        timestamptz  NOT NULL DEFAULT now(),
    before    text,
    after     text
);
CREATE INDEX criteria_set_history_set ON criteria_set_history (set_code, id);
