-- Schedule: what each reminder was computed from, so a sweep can tell a moved event or an answered
-- cadence from the reminder row alone, and the indexes its queries follow.
--   event_start  prepare, follow-up: the occurrence start the reminder was computed for (a change = a move)
--   event_end    follow-up: the end of the meeting; an interaction after it closes the follow-up
--   cadence_due  keep-in-touch: the contact's next_due this reminder answers
--   budget_week  keep-in-touch: the ISO week (owner zone, e.g. 2025-W10) whose energy budget it used
ALTER TABLE reminder ADD COLUMN event_start TIMESTAMP;
ALTER TABLE reminder ADD COLUMN event_end TIMESTAMP;
ALTER TABLE reminder ADD COLUMN cadence_due TIMESTAMP;
ALTER TABLE reminder ADD COLUMN budget_week VARCHAR(10);

CREATE INDEX reminder_budget_week ON reminder (budget_week);

-- The row a sweep locks (SELECT ... FOR UPDATE SKIP LOCKED) so that one sweep at a time runs,
-- whichever node or command starts it.
INSERT INTO app_setting (name, setting_value) VALUES ('schedule.sweep.lock', NULL);
