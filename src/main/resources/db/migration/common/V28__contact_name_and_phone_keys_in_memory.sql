-- An import now finds people by name and by phone through keys it reads into memory once
-- (StoredKeys, decision record 015), so these indexes are no longer read. Each cost an entry at a
-- random place in its B-tree for every contact written, the largest share of an import's time on
-- H2. E-mail keys keep their unique indexes: two nodes must not create the same address twice, and
-- mail and calendar imports look people up by address.
DROP INDEX contact_name_key;
DROP INDEX contact_phone_key_first;
DROP INDEX contact_phone_key;

-- The organisation key was never read back: the import compares organisations by keys it computes
-- from contact.organization. Not writing it is one value less per contact.
ALTER TABLE contact DROP COLUMN org_key;
