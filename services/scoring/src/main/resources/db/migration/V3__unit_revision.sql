-- Each member's own score revision, bumped by every write of its scores: results re-evaluate only the units whose
-- scores changed since the last computation (a campaign of every commune holds 330,000 score rows).
ALTER TABLE campaign_unit ADD COLUMN revision bigint NOT NULL DEFAULT 0;
