-- v3: the shared pool — claims, previous owners, return-to-owner, stakes.
ALTER TABLE customer ADD COLUMN claimed_at TEXT;
ALTER TABLE customer ADD COLUMN previous_owner_id INTEGER REFERENCES rep (id);
ALTER TABLE customer ADD COLUMN reserved_for_id INTEGER REFERENCES rep (id);
ALTER TABLE customer ADD COLUMN staked_by_id INTEGER REFERENCES rep (id);
ALTER TABLE customer ADD COLUMN staked_at TEXT;
UPDATE customer SET claimed_at = created_at WHERE owner_id IS NOT NULL;
CREATE INDEX customer_staked ON customer (staked_by_id) WHERE staked_by_id IS NOT NULL;
CREATE INDEX history_owner ON history (field, actor, at);
ALTER TABLE conflict ADD COLUMN resolved_to TEXT NOT NULL DEFAULT '';
ALTER TABLE conflict ADD COLUMN resolution TEXT NOT NULL DEFAULT '';
