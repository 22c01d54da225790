-- v7: the security settings that guard a shared workspace, where a rep's
-- own funnel.toml cannot replace them (hopper config strict). One row:
-- every member reads it, only an admin sets it. Run by the schema's owner,
-- once, on a server made at version 6 (and by init, after schema.sql and
-- security.sql).
SET search_path = hopper;
CREATE TABLE security (
  id bigint PRIMARY KEY CHECK (id = 1),
  strict bigint NOT NULL DEFAULT 0 CHECK (strict IN (0, 1)));
-- Its audit and never_delete triggers: hopper's, after the migration.
GRANT SELECT, INSERT, UPDATE ON security TO hopper_member;
ALTER TABLE security ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON security FOR SELECT USING (true);
CREATE POLICY admins_set ON security FOR INSERT WITH CHECK (is_admin());
CREATE POLICY admins_change ON security FOR UPDATE USING (is_admin());
UPDATE schema_version SET version = 7;
