-- The timing rule is TimingClass (plain Java), and dossier.finish_class holds its explicit codes: EARLY(1),
-- ON_TIME(2), LATE(3), the same numbers the enum's ordinal + 1 gave, so no stored row changes meaning and none
-- is rewritten; the CHECK keeps any other number out.
--
-- An unfinished dossier (received, processing, supplement requested, paused) sent with a finished time is now a
-- rejected row. Earlier ones were stored and counted neither as resolved nor as pending; their finished time is
-- cleared so that they count as the rule says (pending within time or overdue). Only those rows are updated.
UPDATE dossier SET finished_at = NULL, finished_date = NULL, processing_days = NULL
WHERE finished_date IS NOT NULL AND finish_class IS NULL AND NOT excluded;

-- NOT VALID then VALIDATE: one scan of the table, no rewrite.
ALTER TABLE dossier ADD CONSTRAINT dossier_finish_class CHECK (finish_class IN (1, 2, 3)) NOT VALID;
ALTER TABLE dossier VALIDATE CONSTRAINT dossier_finish_class;
ALTER TABLE dossier ADD CONSTRAINT dossier_finished_has_class
    CHECK (finished_date IS NULL OR excluded OR finish_class IS NOT NULL) NOT VALID;
ALTER TABLE dossier VALIDATE CONSTRAINT dossier_finished_has_class;
