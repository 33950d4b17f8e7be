-- Peer groups keep versions per year: members, rule, the reason for the change and who made it when.
-- A group's version in force in a year is the one of the greatest year not after it (a later correction of
-- the same year, with a higher number, wins). Every existing group becomes its own version 1.
CREATE TABLE unit_group_version (
    group_code       varchar(64)   NOT NULL REFERENCES unit_group (code) ON DELETE CASCADE,
    version          integer       NOT NULL CHECK (version > 0),
    year             integer       NOT NULL,
    as_of            date          NOT NULL,
    rule_parent_code varchar(32),
    rule_level       varchar(16),
    reason           varchar(2000) NOT NULL CHECK (length(trim(reason)) > 0),
    member_count     integer       NOT NULL,
    recorded_at      timestamptz   NOT NULL DEFAULT now(),
    recorded_by      varchar(100),
    PRIMARY KEY (group_code, version)
);
CREATE INDEX unit_group_version_year ON unit_group_version (group_code, year, version);

INSERT INTO unit_group_version (group_code, version, year, as_of, rule_parent_code, rule_level, reason,
                                member_count, recorded_at, recorded_by)
SELECT g.code, 1, g.year, g.as_of, g.rule_parent_code, g.rule_level, 'Group created (before group versions)',
       (SELECT count(*) FROM unit_group_member m WHERE m.group_code = g.code), g.created_at, g.created_by
FROM unit_group g;

ALTER TABLE unit_group_member ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE unit_group_member ALTER COLUMN version DROP DEFAULT;
ALTER TABLE unit_group_member DROP CONSTRAINT unit_group_member_pkey;
ALTER TABLE unit_group_member ADD CONSTRAINT unit_group_member_pkey PRIMARY KEY (group_code, version, unit_code);
ALTER TABLE unit_group_member ADD CONSTRAINT unit_group_member_version_fk
    FOREIGN KEY (group_code, version) REFERENCES unit_group_version (group_code, version) ON DELETE CASCADE;
