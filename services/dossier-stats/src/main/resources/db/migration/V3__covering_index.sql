-- Statistics read a unit's dossiers by (unit_code, received_date) and aggregate a handful of columns: carry
-- them in the index so the read is an index-only scan (a province with ~100 communes and 300,000 dossiers a
-- year took ~1.9 s through the heap). The (unit_code, finished_date) index was not used by any query and
-- cost every ingestion an index insert.
DROP INDEX dossier_unit_finished;
DROP INDEX dossier_unit_received;
CREATE INDEX dossier_unit_received ON dossier (unit_code, received_date)
    INCLUDE (finished_date, due_date, finish_class, excluded, channel, service_level, processing_days);
