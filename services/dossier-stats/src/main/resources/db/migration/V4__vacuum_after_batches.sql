-- Statistics read dossiers by index-only scans, which visit the heap for every entry whose page is not yet marked
-- all-visible, and only vacuum marks pages. Autovacuum's defaults wait until the rows inserted (or changed) since
-- the last vacuum reach 20% of the table: at 10 million stored, 2 million rows, the most recent months, the ones
-- most read. After a batch of 1,000,000 new dossiers onto 10.2 million, no vacuum came, and a province's view
-- (Ho Chi Minh City) made 50,744 heap fetches and took 1.5-1.8 times as long; with these settings autovacuum
-- came within a minute and the view was back to its time. Vacuum of an insert-mostly table reads only the pages
-- not yet all-visible. A later status of a dossier updates its row, which unmarks pages the same way.
ALTER TABLE dossier SET (
    autovacuum_vacuum_insert_threshold = 100000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_threshold = 100000,
    autovacuum_vacuum_scale_factor = 0
);
