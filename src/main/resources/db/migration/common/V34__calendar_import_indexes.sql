-- Calendar import speed: every occurrence and every event row wrote one index entry too many.
-- Lookups by UID alone are served by the unique keys, whose first column is the UID
-- (calendar_event_uid on (uid, recurrence_id), occurrence_key on (uid, recurrence_id)), so the
-- single-column UID indexes of V30 only cost time on each insert and at commit.
DROP INDEX IF EXISTS occurrence_uid;
DROP INDEX IF EXISTS calendar_event_uid_only;
