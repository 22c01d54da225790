-- v4: typed causes of owner changes (reports count by them, not by the
-- free-text reason); the real time and OS account of every event; the
-- indexes that let a write ask whether its event changed anything.
ALTER TABLE history ADD COLUMN cause TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN rule TEXT NOT NULL DEFAULT '';
UPDATE history SET cause = CASE
    WHEN reason = 'added' THEN 'added'
    WHEN reason LIKE 'converted from %' THEN 'converted'
    WHEN reason = 'claimed' THEN 'claimed'
    WHEN reason LIKE 'released%' THEN 'released'
    WHEN reason LIKE 'recycled: %' THEN 'recycled'
    WHEN reason LIKE 'assigned%' THEN 'assigned'
    WHEN reason LIKE 'abandoned%' THEN 'abandoned'
    WHEN reason LIKE 'conflict %' THEN 'conflict'
    WHEN reason LIKE '% left; handed over to %' THEN 'left'
    ELSE 'edited' END
  WHERE field = 'owner';
-- "recycled: RULE (N days)": the rule ends at the last " (" (a rule's name may hold one).
UPDATE history SET rule = (
    WITH RECURSIVE open_paren (at) AS (
      SELECT instr(reason, ' (')
      UNION ALL SELECT at + instr(substr(reason, at + 1), ' (') FROM open_paren
      WHERE instr(substr(reason, at + 1), ' (') > 0)
    SELECT substr(reason, 11, max(at) - 11) FROM open_paren)
  WHERE cause = 'recycled' AND instr(reason, ' (') > 11;
CREATE INDEX history_event ON history (event_id);
CREATE INDEX history_cause ON history (cause, at) WHERE cause <> '';
ALTER TABLE event ADD COLUMN real_at TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN os_user TEXT NOT NULL DEFAULT '';
CREATE INDEX event_change_event ON event_change (event_id);
CREATE INDEX todo_subject ON todo (subject_kind, subject_id);
