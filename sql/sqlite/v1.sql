-- v1: the foundation.
CREATE TABLE rep (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  team TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('rep', 'manager', 'admin')),
  active INTEGER NOT NULL DEFAULT 1,
  capacity INTEGER,
  created_at TEXT NOT NULL);
CREATE TABLE customer (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  grade TEXT NOT NULL DEFAULT '',
  segment TEXT NOT NULL,
  layer TEXT NOT NULL,
  owner_id INTEGER REFERENCES rep (id),
  phone TEXT NOT NULL DEFAULT '',
  phone_key TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  email_key TEXT NOT NULL DEFAULT '',
  locked INTEGER NOT NULL DEFAULT 0,
  lead_id INTEGER REFERENCES lead (id),
  cool_until TEXT,
  fields TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL);
CREATE INDEX customer_owner ON customer (owner_id, layer);
CREATE INDEX customer_name_key ON customer (name_key);
CREATE INDEX customer_phone_key ON customer (phone_key) WHERE phone_key <> '';
CREATE INDEX customer_email_key ON customer (email_key) WHERE email_key <> '';
CREATE TABLE lead (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  company TEXT NOT NULL DEFAULT '',
  company_key TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  phone_key TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  email_key TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  grade TEXT NOT NULL DEFAULT '',
  owner_id INTEGER REFERENCES rep (id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'converted', 'dropped')),
  drop_reason TEXT NOT NULL DEFAULT '',
  customer_id INTEGER REFERENCES customer (id),
  fields TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL);
CREATE INDEX lead_owner ON lead (owner_id, status);
CREATE INDEX lead_company_key ON lead (company_key) WHERE company_key <> '';
CREATE INDEX lead_phone_key ON lead (phone_key) WHERE phone_key <> '';
CREATE INDEX lead_email_key ON lead (email_key) WHERE email_key <> '';
CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer (id),
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL);
CREATE INDEX person_customer ON person (customer_id);
CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  subject_kind TEXT NOT NULL,
  subject_id INTEGER NOT NULL,
  customer_id INTEGER REFERENCES customer (id),
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES rep (id),
  valid INTEGER NOT NULL,
  invalid_reason TEXT NOT NULL DEFAULT '');
CREATE INDEX activity_subject ON activity (subject_kind, subject_id, at);
CREATE INDEX activity_customer_valid ON activity (customer_id, valid, at);
CREATE TABLE conflict (
  id INTEGER PRIMARY KEY,
  record_kind TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  existing_kind TEXT NOT NULL,
  existing_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at TEXT NOT NULL);
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  from_value TEXT NOT NULL DEFAULT '',
  to_value TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  event_id INTEGER REFERENCES event (id));
CREATE INDEX history_subject ON history (subject_kind, subject_id, at);
CREATE TABLE event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  argv TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT 'ok');
CREATE TABLE event_change (
  id INTEGER PRIMARY KEY,
  event_id INTEGER REFERENCES event (id),
  tbl TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  op TEXT NOT NULL,
  before TEXT,
  after TEXT);
CREATE INDEX event_change_row ON event_change (tbl, row_id);
