-- v2: opportunities, their checked actions, to-dos and reorder cycles.
CREATE TABLE opportunity (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer (id),
  name TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  stage TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  close_date TEXT,
  manual_probability REAL CHECK (manual_probability BETWEEN 0 AND 100),
  owner_id INTEGER REFERENCES rep (id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  lost_reason TEXT NOT NULL DEFAULT '',
  closed_at TEXT,
  stage_since TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL);
CREATE INDEX opportunity_customer ON opportunity (customer_id);
CREATE INDEX opportunity_owner ON opportunity (owner_id, status);
CREATE INDEX opportunity_status_close ON opportunity (status, close_date);
CREATE TABLE opportunity_action (
  id INTEGER PRIMARY KEY,
  opportunity_id INTEGER NOT NULL REFERENCES opportunity (id),
  action TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  UNIQUE (opportunity_id, action));
CREATE TABLE reorder (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer (id),
  product TEXT NOT NULL,
  every TEXT NOT NULL,
  first_due TEXT NOT NULL,
  until TEXT,
  remind_days INTEGER NOT NULL DEFAULT 3,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL);
CREATE TABLE todo (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  due TEXT,
  owner_id INTEGER REFERENCES rep (id),
  subject_kind TEXT,
  subject_id INTEGER,
  reorder_id INTEGER REFERENCES reorder (id),
  occurrence TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (reorder_id, occurrence));
CREATE INDEX todo_owner ON todo (owner_id, status, due);
