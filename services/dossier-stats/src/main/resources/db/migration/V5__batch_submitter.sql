-- Who pushed which batch: every batch (asynchronous or answered in its request) is an ingestion_job row with its
-- submitter, readable at GET /api/dossier-jobs.
ALTER TABLE ingestion_job ADD COLUMN submitted_by varchar(100);
ALTER TABLE ingestion_job ADD COLUMN async boolean NOT NULL DEFAULT true;
CREATE INDEX ingestion_job_created ON ingestion_job (created_at DESC);
CREATE INDEX ingestion_job_submitter ON ingestion_job (submitted_by, created_at DESC);
