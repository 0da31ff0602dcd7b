-- A contact's first e-mail address and first phone number live on the contact row itself, with
-- their matching keys; contact_email and contact_phone hold only the ones added after it (ord 1 and
-- up). Importing a new person with one address and one number then writes one row instead of three:
-- each row in those tables cost a table entry, a primary-key entry, a key entry and a foreign-key
-- check, and on H2 they were the bulk of a vCard import's time. The views contact_emails and
-- contact_phones are the union readers use (as contact_sources is for sources, V24).
ALTER TABLE contact ADD COLUMN email VARCHAR(320);
ALTER TABLE contact ADD COLUMN email_key VARCHAR(320);
ALTER TABLE contact ADD COLUMN phone VARCHAR(100);
ALTER TABLE contact ADD COLUMN phone_key VARCHAR(40);

-- The first address is the one with the lowest ord (then the lowest key: (contact_id, email_key) is
-- the primary key, so exactly one row is picked).
UPDATE contact SET email_key =
  (SELECT MIN(e.email_key) FROM contact_email e WHERE e.contact_id = contact.id
     AND e.ord = (SELECT MIN(f.ord) FROM contact_email f WHERE f.contact_id = contact.id));
UPDATE contact SET email =
  (SELECT e.email FROM contact_email e WHERE e.contact_id = contact.id AND e.email_key = contact.email_key)
  WHERE email_key IS NOT NULL;
DELETE FROM contact_email WHERE EXISTS
  (SELECT 1 FROM contact c WHERE c.id = contact_email.contact_id AND c.email_key = contact_email.email_key);

UPDATE contact SET phone_key =
  (SELECT MIN(p.phone_key) FROM contact_phone p WHERE p.contact_id = contact.id
     AND p.ord = (SELECT MIN(q.ord) FROM contact_phone q WHERE q.contact_id = contact.id));
UPDATE contact SET phone =
  (SELECT p.phone FROM contact_phone p WHERE p.contact_id = contact.id AND p.phone_key = contact.phone_key)
  WHERE phone_key IS NOT NULL;
DELETE FROM contact_phone WHERE EXISTS
  (SELECT 1 FROM contact c WHERE c.id = contact_phone.contact_id AND c.phone_key = contact_phone.phone_key);

CREATE UNIQUE INDEX contact_email_key_first ON contact (email_key);
CREATE INDEX contact_phone_key_first ON contact (phone_key);

CREATE VIEW contact_emails AS
  SELECT id AS contact_id, email, email_key, 0 AS ord FROM contact WHERE email IS NOT NULL
  UNION ALL
  SELECT contact_id, email, email_key, ord FROM contact_email;

CREATE VIEW contact_phones AS
  SELECT id AS contact_id, phone, phone_key, 0 AS ord FROM contact WHERE phone IS NOT NULL
  UNION ALL
  SELECT contact_id, phone, phone_key, ord FROM contact_phone;
