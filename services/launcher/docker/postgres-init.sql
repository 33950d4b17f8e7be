-- One database per ParIndex service. docker-compose.yml mounts this file into /docker-entrypoint-initdb.d;
-- the postgres image runs it once, as POSTGRES_USER, on the first start with an empty data volume.
-- The embedded default (services/launcher) creates the same databases itself.
CREATE DATABASE unit_registry;
CREATE DATABASE criteria_catalogue;
CREATE DATABASE scoring;
CREATE DATABASE dossier_stats;
