-- v6: duplicate keys compare look-alike text as the same (NFKC, no
-- zero-width or bidi characters); rekey_duplicates() recomputes them.
-- The event a session's changes are filed under is set by the session
-- (begin_event), not guessed as the newest event.
CREATE TABLE IF NOT EXISTS current_event (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  event_id INTEGER REFERENCES event (id));
