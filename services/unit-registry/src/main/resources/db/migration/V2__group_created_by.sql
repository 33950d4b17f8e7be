-- Every write records who made it: unit events had recorded_by (now filled from the token), groups get created_by.
ALTER TABLE unit_group ADD COLUMN created_by varchar(100);
