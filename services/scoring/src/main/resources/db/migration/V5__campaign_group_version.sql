-- A campaign names the version of its peer group it took its members from (the registry's group versions);
-- NULL for campaigns made before group versions, or on a registry group without one.
ALTER TABLE campaign ADD COLUMN unit_group_version integer;
