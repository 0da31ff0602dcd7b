-- Embedded H2 only: the first e-mail key of a contact (contact.email_key) loses its unique index.
-- The index cost a third of an import's insert time on H2: an entry at a random place in a B-tree
-- for every contact written, a null entry even for the many without an address, each visited
-- again at commit. Its two jobs are done in the one process an H2 database belongs to
-- (FirstEmailKeys, decision record 018): lookups by address go through keys held in memory, and
-- transactions that may create contacts by address run one at a time. PostgreSQL keeps the index:
-- there several nodes share the database, and the index is what stops two of them creating the
-- same address twice. Second and later addresses (contact_email) keep theirs on both.
DROP INDEX contact_email_key_first;
