-- Name keys are made from contact.name whenever an import reads them (StoredKeys, decision record
-- 015), so the stored copy was written for every contact and never read.
ALTER TABLE contact DROP COLUMN name_key;
