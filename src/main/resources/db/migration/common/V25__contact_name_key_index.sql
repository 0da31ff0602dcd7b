-- Contacts are looked up by name_key alone (the organisation is compared in memory), so the index
-- no longer carries org_key: smaller entries to write, compare and store on every import.
DROP INDEX contact_name_org;
CREATE INDEX contact_name_key ON contact (name_key);
