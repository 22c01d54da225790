-- Who sees and changes what, enforced by the server for hopper and for any
-- other client (psql included). Each rep is a PostgreSQL role of the same
-- name, a member of hopper_member; the role that created the schema owns
-- the tables and is not bound by the policies (the workspace's DBA).
--
--   rep      reads and changes their own leads, customers, deals and to-dos
--            and the shared pool (records without an owner);
--   manager  the same for every rep of their team;
--   admin    everything.
--
-- The event log is append-only for members: they add to it (through
-- hopper's triggers and history rows) and never edit or delete it.
SET search_path = hopper;

-- Roles are the cluster's, shared by its databases: two workspaces made at
-- once may both create one, and the second is then told it exists.
DO $$
BEGIN
  CREATE ROLE hopper_member NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;

-- The connected rep and what they may see. Not SECURITY DEFINER: there
-- current_user would be the definer. Every member reads rep.
CREATE FUNCTION my_rep() RETURNS bigint LANGUAGE sql STABLE SET search_path = hopper, pg_temp AS $$
  SELECT id FROM rep WHERE name = current_user AND active = 1
$$;
CREATE FUNCTION is_admin() RETURNS boolean LANGUAGE sql STABLE SET search_path = hopper, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM rep WHERE name = current_user AND active = 1 AND role = 'admin')
      OR pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'hopper'), 'MEMBER')
$$;
-- Whether the connected rep may see and change what `owner` owns: their
-- own, their team's for a manager, everything for an admin.
CREATE FUNCTION sees(owner bigint) RETURNS boolean LANGUAGE sql STABLE SET search_path = hopper, pg_temp AS $$
  SELECT is_admin() OR EXISTS (
    SELECT 1 FROM rep me JOIN rep o ON o.id = owner
    WHERE me.name = current_user AND me.active = 1
      AND (o.id = me.id OR (me.role = 'manager' AND o.team = me.team AND me.team <> '')))
$$;
CREATE FUNCTION sees_rep_named(name text) RETURNS boolean LANGUAGE sql STABLE SET search_path = hopper, pg_temp AS $$
  SELECT name = current_user OR sees((SELECT id FROM rep r WHERE r.name = sees_rep_named.name))
$$;

-- A session may set the outcome of its own event, nothing else of the log.
CREATE FUNCTION set_event_outcome(own_event bigint, new_outcome text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = hopper, pg_temp AS $$
BEGIN
  IF own_event IS DISTINCT FROM CAST(nullif(current_setting('hopper.event', true), '') AS bigint) THEN
    RAISE EXCEPTION 'only the session''s own event may be given an outcome' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE hopper.event SET outcome = new_outcome WHERE id = own_event;
END $$;

-- What a rule must see past the policies, and returns no more than it needs.
-- Each body is the lookup a file runs as it is (src/store/lookups.cc), put
-- in place of its marker when the schema is created.
-- Duplicates (撞单) are found across every owner: the match's ref, name,
-- owner and layer, and only for keys the caller already holds.
CREATE FUNCTION duplicates(phone text, email text, company text, except_kind text, except_id bigint)
RETURNS TABLE (kind text, id bigint, name text, owner text, layer text, phone_key text, email_key text, name_key text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = hopper, pg_temp AS $$
@lookup(duplicates)
$$;
-- When a rep last lost a customer (a cooldown), whoever released it.
CREATE FUNCTION last_lost_at(customer bigint, rep text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = hopper, pg_temp AS $$
@lookup(last_lost_at)
$$;

-- A new rep's role: made when missing (LOGIN, no password: the DBA sets
-- one, or the server trusts peers), and let in. Runs with the rights of the
-- admin who adds the rep, who needs CREATEROLE. Another database of the
-- cluster may make the same role at the same moment: then it is tried again.
CREATE FUNCTION map_role(name text) RETURNS void LANGUAGE plpgsql SET search_path = hopper, pg_temp AS $$
BEGIN
  FOR attempt IN 1..5 LOOP
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', name);
      END IF;
      EXECUTE format('GRANT hopper_member TO %I', name);
      RETURN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      PERFORM pg_sleep(0.05 * attempt);
    END;
  END LOOP;
  EXECUTE format('GRANT hopper_member TO %I', name);
END $$;
REVOKE ALL ON FUNCTION map_role(text) FROM PUBLIC;

GRANT USAGE ON SCHEMA hopper TO hopper_member;
GRANT SELECT ON ALL TABLES IN SCHEMA hopper TO hopper_member;
GRANT INSERT, UPDATE ON lead, customer, person, activity, conflict, opportunity, opportunity_action, reorder, todo
  TO hopper_member;
GRANT INSERT, UPDATE ON rep TO hopper_member;  -- the policy leaves it to admins
GRANT INSERT ON event, history TO hopper_member;
-- UPDATE: a rollback puts the ids' sequences back (PostgresConnection::restore_ids).
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA hopper TO hopper_member;
REVOKE ALL ON FUNCTION set_event_outcome(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA hopper TO hopper_member;
REVOKE EXECUTE ON FUNCTION map_role(text) FROM hopper_member;

ALTER TABLE rep ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON rep FOR SELECT USING (true);
CREATE POLICY admins_add ON rep FOR INSERT WITH CHECK (is_admin());
CREATE POLICY admins_change ON rep FOR UPDATE USING (is_admin());

-- Owned records: one's own (or team's, or all), and the unowned pool.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['lead', 'customer', 'opportunity', 'todo'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_or_pool ON %I USING (owner_id IS NULL OR sees(owner_id)) '
                   'WITH CHECK (owner_id IS NULL OR sees(owner_id))', t);
  END LOOP;
END $$;

-- Records of a customer: as far as its customer is seen.
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
CREATE POLICY with_customer ON person USING (EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_id));
ALTER TABLE reorder ENABLE ROW LEVEL SECURITY;
CREATE POLICY with_customer ON reorder USING (EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_id));
ALTER TABLE opportunity_action ENABLE ROW LEVEL SECURITY;
CREATE POLICY with_deal ON opportunity_action USING (EXISTS (SELECT 1 FROM opportunity o WHERE o.id = opportunity_id));
-- Follow-ups: one's own, and those on a lead or customer one sees.
ALTER TABLE activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_or_seen ON activity
  USING (sees(actor_id) OR EXISTS (SELECT 1 FROM customer c WHERE c.id = customer_id)
         OR (subject_kind = 'lead' AND EXISTS (SELECT 1 FROM lead l WHERE l.id = subject_id)))
  WITH CHECK (actor_id = my_rep() OR is_admin());
-- Conflicts are the team's to see; a manager or admin resolves them.
ALTER TABLE conflict ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON conflict FOR SELECT USING (true);
CREATE POLICY everyone_records ON conflict FOR INSERT WITH CHECK (true);
CREATE POLICY managers_resolve ON conflict FOR UPDATE
  USING (is_admin() OR EXISTS (SELECT 1 FROM rep WHERE name = current_user AND active = 1 AND role = 'manager'));

-- The log: history (stage, layer and owner moves; no contacts) is open to
-- every member, as reports replay it. Events carry whole command lines, so
-- each is seen by its actor, their manager and admins, as are its changes.
ALTER TABLE history ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON history FOR SELECT USING (true);
CREATE POLICY own_name ON history FOR INSERT WITH CHECK (actor = current_user OR is_admin());
ALTER TABLE event ENABLE ROW LEVEL SECURITY;
CREATE POLICY actor_reads ON event FOR SELECT USING (sees_rep_named(actor));
CREATE POLICY own_name ON event FOR INSERT WITH CHECK (actor = current_user OR is_admin());
ALTER TABLE event_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY with_event ON event_change FOR SELECT USING (EXISTS (SELECT 1 FROM event e WHERE e.id = event_id));
