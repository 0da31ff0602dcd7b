-- Calendar: a fingerprint of each stored VEVENT (its text without DTSTAMP), so that importing the
-- same invitation again is recognised as unchanged; and lookups of a series by UID.
ALTER TABLE calendar_event ADD COLUMN fingerprint VARCHAR(64);
CREATE INDEX calendar_event_uid_only ON calendar_event (uid);
CREATE INDEX occurrence_uid ON occurrence (uid);
