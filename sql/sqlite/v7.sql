-- v7: the security settings that guard a shared workspace, where a rep's
-- own funnel.toml cannot replace them (hopper config strict). One row, set
-- by an admin; without it nothing is recorded and funnel.toml alone speaks.
CREATE TABLE IF NOT EXISTS security (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  strict INTEGER NOT NULL DEFAULT 0 CHECK (strict IN (0, 1)));
