-- The file (or route) that created a contact is kept on the contact row itself; contact_source
-- holds only the sources added later. A bulk import of new people then writes no source row (a
-- row there costs a table entry and a key entry per contact, the largest single share of the
-- import's B-tree work on H2). contact_sources is the union readers use.
ALTER TABLE contact ADD COLUMN source VARCHAR(500);

CREATE VIEW contact_sources AS
  SELECT id AS contact_id, source, created_at AS added_at FROM contact WHERE source IS NOT NULL
  UNION ALL
  SELECT contact_id, source, added_at FROM contact_source;
