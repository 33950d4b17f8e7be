-- Unit registry schema: effective-dated unit versions, change events, lineage edges, peer groups.
-- btree_gist lets one exclusion constraint forbid two versions of a code that overlap in time;
-- pg_trgm indexes the folded names for substring search.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE unit_event (
    id             bigserial PRIMARY KEY,
    kind           varchar(16)   NOT NULL
        CHECK (kind IN ('CREATE', 'RENAME', 'RETYPE', 'REPARENT', 'MERGE', 'SPLIT', 'DISSOLVE')),
    effective_date date          NOT NULL,
    legal_basis    varchar(500),
    description    varchar(4000),
    source         varchar(16)   NOT NULL CHECK (source IN ('SEED', 'API', 'IMPORT')),
    recorded_at    timestamptz   NOT NULL DEFAULT now(),
    recorded_by    varchar(100)
);
CREATE INDEX unit_event_effective ON unit_event (effective_date);

CREATE TABLE unit_version (
    id              bigserial PRIMARY KEY,
    code            varchar(32)  NOT NULL,
    name            varchar(200) NOT NULL,
    type            varchar(64)  NOT NULL,
    level           varchar(16)  NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE', 'AGENCY')),
    parent_code     varchar(32),
    -- NULL valid_from: the version existed before the registry's records begin (the seed's oldest structure).
    valid_from      date,
    -- NULL valid_to: still valid.
    valid_to        date,
    opened_by_event bigint REFERENCES unit_event (id),
    closed_by_event bigint REFERENCES unit_event (id),
    search_name     varchar(200) NOT NULL,
    search_bare     varchar(200) NOT NULL,
    tone_key        varchar(400) NOT NULL,
    recorded_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT unit_version_dates CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
    CONSTRAINT unit_version_no_overlap
        EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);
CREATE INDEX unit_version_code ON unit_version (code, valid_from);
CREATE INDEX unit_version_parent ON unit_version (parent_code, level);
CREATE INDEX unit_version_search ON unit_version USING gin (search_name gin_trgm_ops);

CREATE TABLE lineage_edge (
    id               bigserial PRIMARY KEY,
    event_id         bigint      NOT NULL REFERENCES unit_event (id),
    predecessor_code varchar(32) NOT NULL,
    successor_code   varchar(32) NOT NULL,
    part             varchar(8)  NOT NULL CHECK (part IN ('FULL', 'PARTIAL')),
    -- Derived edges are inferred (district → new communes through the district's communes), not stated by a source.
    derived          boolean     NOT NULL DEFAULT false
);
CREATE INDEX lineage_edge_successor ON lineage_edge (successor_code);
CREATE INDEX lineage_edge_predecessor ON lineage_edge (predecessor_code);
CREATE INDEX lineage_edge_event ON lineage_edge (event_id);

CREATE TABLE unit_group (
    code             varchar(64)  PRIMARY KEY,
    name             varchar(300) NOT NULL,
    year             integer      NOT NULL,
    as_of            date         NOT NULL,
    rule_parent_code varchar(32),
    rule_level       varchar(16),
    created_at       timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE unit_group_member (
    group_code  varchar(64)  NOT NULL REFERENCES unit_group (code) ON DELETE CASCADE,
    unit_code   varchar(32)  NOT NULL,
    position    integer      NOT NULL,
    name        varchar(200) NOT NULL,
    type        varchar(64)  NOT NULL,
    level       varchar(16)  NOT NULL,
    parent_code varchar(32),
    PRIMARY KEY (group_code, unit_code)
);

CREATE TABLE registry_seed (
    name        varchar(64) PRIMARY KEY,
    loaded_at   timestamptz NOT NULL DEFAULT now(),
    versions    integer     NOT NULL,
    events      integer     NOT NULL,
    edges       integer     NOT NULL,
    millis      bigint      NOT NULL
);
