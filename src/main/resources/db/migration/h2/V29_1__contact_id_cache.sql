-- H2 writes an identity's next value to its system table every CACHE values (32 by default), a
-- system-table update and commit for every 32 contacts an import creates. A larger cache only
-- means that ids skip ahead after a crash. (PostgreSQL keeps its default: there each session
-- caches its own range, and ids would stop following the order contacts were created in.)
ALTER TABLE contact ALTER COLUMN id SET CACHE 1000;
