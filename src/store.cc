#include "hopper/store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <variant>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "hopper/normalize.h"

namespace hopper {
namespace {

// Each entry moves the schema one version forward; never edit a released one.
const char* const kMigrations[] = {
    // v1: the foundation.
    R"sql(
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
)sql",
    // v2: opportunities, their checked actions, to-dos and reorder cycles.
    R"sql(
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
)sql",
    // v3: the shared pool — claims, previous owners, return-to-owner, stakes.
    R"sql(
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
)sql",
    // v4: typed causes of owner changes (reports count by them, not by the
    // free-text reason); the real time and OS account of every event; the
    // indexes that let a write ask whether its event changed anything.
    R"sql(
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
)sql",
    // v5: the event log keeps only the columns an update changed (the
    // triggers are regenerated after every migration); follow-up counts per
    // rep and period read an index.
    R"sql(
CREATE INDEX activity_actor ON activity (actor_id, at);
)sql",
    // v6: duplicate keys compare look-alike text as the same (NFKC, no
    // zero-width or bidi characters); rekey_duplicates() recomputes them.
    // The event a session's changes are filed under is set by the session
    // (begin_event), not guessed as the newest event.
    R"sql(
CREATE TABLE IF NOT EXISTS current_event (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  event_id INTEGER REFERENCES event (id));
)sql",
};
constexpr int kMigrationCount = static_cast<int>(sizeof kMigrations / sizeof *kMigrations);
static_assert(kMigrationCount == Store::kSchemaVersion);

// Tables whose every insert and update lands in the event log.
const char* const kAuditedTables[] = {"rep",         "lead",   "customer", "person",  "activity", "conflict",
                                      "opportunity", "opportunity_action", "reorder", "todo"};

// The event log is kept by triggers, so no command can forget it. They are
// generated from the live columns after each migration; the column names come
// from the schema, never from input. Rows are never deleted (SPEC: data is
// closed, released or cooled), and a trigger enforces that too.
void install_audit_triggers(SQLite::Database& db) {
  for (const char* table : kAuditedTables) {
    // "SELECT 'col' AS k, OLD.col AS o, NEW.col AS n UNION ALL …" (a VALUES
    // list cannot name its columns inside a trigger); "OLD.a IS NOT NEW.a OR …"
    std::string columns, changed;
    SQLite::Statement cols(db, "SELECT name FROM pragma_table_info(?)");
    cols.bind(1, table);
    while (cols.executeStep()) {
      std::string c = cols.getColumn(0).getString();
      columns += columns.empty() ? fmt::format("SELECT '{}' AS k, OLD.{} AS o, NEW.{} AS n", c, c, c)
                                 : fmt::format(" UNION ALL SELECT '{}', OLD.{}, NEW.{}", c, c, c);
      changed += fmt::format("{}OLD.{} IS NOT NEW.{}", changed.empty() ? "" : " OR ", c, c);
    }
    // An insert logs no copy of the row (the row is the record, and its first
    // values follow from the updates after it); an update logs the columns
    // it changed, old and new, so the log stays a fraction of the data.
    db.exec(fmt::format(R"sql(
DROP TRIGGER IF EXISTS {0}_audit_insert;
DROP TRIGGER IF EXISTS {0}_audit_update;
DROP TRIGGER IF EXISTS {0}_never_delete;
CREATE TRIGGER {0}_audit_insert AFTER INSERT ON {0} BEGIN
  INSERT INTO event_change (event_id, tbl, row_id, op, before, after)
  VALUES ((SELECT event_id FROM current_event), '{0}', NEW.id, 'insert', NULL, NULL);
END;
CREATE TRIGGER {0}_audit_update AFTER UPDATE ON {0} WHEN {2} BEGIN
  INSERT INTO event_change (event_id, tbl, row_id, op, before, after)
  SELECT (SELECT event_id FROM current_event), '{0}', NEW.id, 'update',
         json_group_object(k, o), json_group_object(k, n)
  FROM ({1}) WHERE o IS NOT n;
END;
CREATE TRIGGER {0}_never_delete BEFORE DELETE ON {0} BEGIN
  SELECT RAISE(ABORT, 'hopper never deletes records');
END;
)sql",
                        table, columns, changed));
  }
}

// A WHERE clause of only the conditions a filter gives (fixed text, values
// bound by name): catch-all "?1 IS NULL OR col = ?1" conditions keep SQLite
// from using any index.
class Where {
 public:
  using Value = std::variant<std::int64_t, std::string>;
  // A condition the filter asks for; `name` (":owner") is bound to `value` then.
  Where& add(bool asked, const char* condition, const char* name = nullptr, Value value = {}) {
    if (!asked) return *this;
    text_ += (text_.empty() ? "WHERE " : " AND ") + std::string(condition);
    if (name) values_.emplace_back(name, std::move(value));
    return *this;
  }
  const std::string& text() const { return text_; }
  void bind(SQLite::Statement& st) const {
    for (const auto& [name, value] : values_) std::visit([&](const auto& v) { st.bind(name, v); }, value);
  }

 private:
  std::string text_;
  std::vector<std::pair<const char*, Value>> values_;
};

// Replaces bytes that are not UTF-8 (a hand-edited database) rather than throw.
std::string fields_json(const Fields& fields) {
  return nlohmann::json(fields).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
Fields parse_fields(const std::string& text) {
  Fields out;
  if (text == "{}") return out;  // most records: no custom field, no JSON parse
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object())
    for (auto& [k, v] : j.items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
  return out;
}

template <class T>
void bind_optional(SQLite::Statement& st, int index, const std::optional<T>& v) {
  if (v) st.bind(index, *v);
  else st.bind(index);
}

// Empty text is stored as NULL (dates and times that are not set).
void bind_text_or_null(SQLite::Statement& st, const char* name, const std::string& v) {
  if (v.empty()) st.bind(name);
  else st.bind(name, v);
}

std::optional<Id> optional_id(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

const char* kRepColumns = "id, name, team, role, active, capacity, created_at";
Rep read_rep(SQLite::Statement& st) {
  Rep r;
  r.id = st.getColumn("id").getInt64();
  r.name = st.getColumn("name").getString();
  r.team = st.getColumn("team").getString();
  r.role = parse_role(st.getColumn("role").getString()).value_or(Role::rep);
  r.active = st.getColumn("active").getInt() != 0;
  if (!st.getColumn("capacity").isNull()) r.capacity = st.getColumn("capacity").getInt();
  r.created_at = st.getColumn("created_at").getString();
  return r;
}

const char* kLeadSelect =
    "SELECT l.*, coalesce(r.name, '') AS owner_name FROM lead l LEFT JOIN rep r ON r.id = l.owner_id ";
Lead read_lead(SQLite::Statement& st) {
  Lead l;
  l.id = st.getColumn("id").getInt64();
  l.name = st.getColumn("name").getString();
  l.company = st.getColumn("company").getString();
  l.contact = st.getColumn("contact").getString();
  l.phone = st.getColumn("phone").getString();
  l.email = st.getColumn("email").getString();
  l.source = st.getColumn("source").getString();
  l.grade = st.getColumn("grade").getString();
  l.owner_id = optional_id(st.getColumn("owner_id"));
  l.owner = st.getColumn("owner_name").getString();
  l.status = st.getColumn("status").getString();
  l.drop_reason = st.getColumn("drop_reason").getString();
  l.customer_id = optional_id(st.getColumn("customer_id"));
  l.fields = parse_fields(st.getColumn("fields").getString());
  l.created_at = st.getColumn("created_at").getString();
  return l;
}

const char* kCustomerSelect = R"sql(
SELECT c.*, coalesce(r.name, '') AS owner_name, coalesce(pr.name, '') AS previous_owner_name,
       coalesce(rr.name, '') AS reserved_for_name, coalesce(sr.name, '') AS staked_by_name
FROM customer c LEFT JOIN rep r ON r.id = c.owner_id LEFT JOIN rep pr ON pr.id = c.previous_owner_id
  LEFT JOIN rep rr ON rr.id = c.reserved_for_id LEFT JOIN rep sr ON sr.id = c.staked_by_id )sql";
Customer read_customer(SQLite::Statement& st) {
  Customer c;
  c.id = st.getColumn("id").getInt64();
  c.name = st.getColumn("name").getString();
  c.grade = st.getColumn("grade").getString();
  c.segment = st.getColumn("segment").getString();
  c.layer = st.getColumn("layer").getString();
  c.owner_id = optional_id(st.getColumn("owner_id"));
  c.owner = st.getColumn("owner_name").getString();
  c.phone = st.getColumn("phone").getString();
  c.email = st.getColumn("email").getString();
  c.locked = st.getColumn("locked").getInt() != 0;
  c.lead_id = optional_id(st.getColumn("lead_id"));
  c.cool_until = st.getColumn("cool_until").isNull() ? "" : st.getColumn("cool_until").getString();
  c.claimed_at = st.getColumn("claimed_at").isNull() ? "" : st.getColumn("claimed_at").getString();
  c.previous_owner_id = optional_id(st.getColumn("previous_owner_id"));
  c.previous_owner = st.getColumn("previous_owner_name").getString();
  c.reserved_for_id = optional_id(st.getColumn("reserved_for_id"));
  c.reserved_for = st.getColumn("reserved_for_name").getString();
  c.staked_by_id = optional_id(st.getColumn("staked_by_id"));
  c.staked_by = st.getColumn("staked_by_name").getString();
  c.staked_at = st.getColumn("staked_at").isNull() ? "" : st.getColumn("staked_at").getString();
  c.fields = parse_fields(st.getColumn("fields").getString());
  c.created_at = st.getColumn("created_at").getString();
  return c;
}

void create_private_file(const std::filesystem::path& path, mode_t mode) {
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0) throw Error(Exit::config, fmt::format("cannot create '{}'", path.string()));
  ::fchmod(fd, mode);  // the umask must not widen or narrow what was asked for
  ::close(fd);
}

}  // namespace

Store::Store(const std::filesystem::path& path, int busy_timeout_ms, bool create, bool shared,
             const EventStamp* migration) {
  if (!std::filesystem::exists(path)) {
    if (!create)
      throw Error(Exit::config, fmt::format("the workspace has no database at '{}'; run 'hopper init' to create one",
                                            path.string()));
    create_private_file(path, shared ? 0660 : 0600);
  }
  db_ = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE);
  db_->setBusyTimeout(busy_timeout_ms);
  db_->exec("PRAGMA foreign_keys = ON");
  db_->exec("PRAGMA journal_mode = WAL");
  db_->exec("PRAGMA synchronous = NORMAL");
  // 32 MB of pages: a big import or report would otherwise spill the 2 MB
  // default to disk over and over; peak RSS stays well under SPEC's 64 MB.
  db_->exec("PRAGMA cache_size = -32768");
  migrate(path, migration);
}

Store::~Store() {
  // SQLite's advice for a closing connection: refresh the planner's
  // statistics where they are stale (analysis_limit keeps it quick at any
  // size), so scans of most of a table do not pick a narrow index.
  if (!wrote_) return;
  try {
    statements_.clear();
    db_->exec("PRAGMA query_only = OFF; PRAGMA analysis_limit = 400; PRAGMA optimize");
  } catch (const SQLite::Exception&) {
    // Statistics are an optimisation; a busy or read-only file keeps the old ones.
  }
}

const char* Store::migration_script(int version) { return kMigrations[version]; }

// A lead's company key; a lead without a company matches none.
static std::string company_key(const std::string& company) {
  return company.empty() ? "" : normalize_company(company);
}

void Store::rekey_duplicates() {
  SQLite::Statement leads(*db_, "SELECT id, company, phone, email FROM lead");
  SQLite::Statement lead_keys(*db_, "UPDATE lead SET company_key = ?2, phone_key = ?3, email_key = ?4 WHERE id = ?1");
  while (leads.executeStep()) {
    lead_keys.bind(1, leads.getColumn(0).getInt64());
    lead_keys.bind(2, company_key(leads.getColumn(1).getString()));
    lead_keys.bind(3, normalize_phone(leads.getColumn(2).getString()));
    lead_keys.bind(4, normalize_email(leads.getColumn(3).getString()));
    lead_keys.exec();
    lead_keys.reset();
  }
  SQLite::Statement customers(*db_, "SELECT id, name, phone, email FROM customer");
  SQLite::Statement customer_keys(*db_, "UPDATE customer SET name_key = ?2, phone_key = ?3, email_key = ?4 WHERE id = ?1");
  while (customers.executeStep()) {
    customer_keys.bind(1, customers.getColumn(0).getInt64());
    customer_keys.bind(2, normalize_company(customers.getColumn(1).getString()));
    customer_keys.bind(3, normalize_phone(customers.getColumn(2).getString()));
    customer_keys.bind(4, normalize_email(customers.getColumn(3).getString()));
    customer_keys.exec();
    customer_keys.reset();
  }
}

int Store::schema_version() { return db_->execAndGet("PRAGMA user_version").getInt(); }

void Store::migrate(const std::filesystem::path& path, const EventStamp* stamp) {
  int version = schema_version();
  if (version > kSchemaVersion)
    throw Error(Exit::config, fmt::format("the database schema is version {}, newer than this hopper knows ({}); "
                                          "upgrade hopper",
                                          version, kSchemaVersion));
  if (version == kSchemaVersion) return;
  if (version < 0)
    throw Error(Exit::config, fmt::format("the database says its schema is version {}, which no hopper ever wrote; the file "
                                          "was changed by hand: run hopper doctor, or restore a backup",
                                          version));
  if (version == 0 && db_->execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0)
    throw Error(Exit::config, "the database holds tables but no hopper schema version (PRAGMA user_version is 0): it "
                              "is not a hopper database, or its version was reset by hand; restore a backup");
  if (version > 0) {  // with the database's own mode; an earlier copy is never overwritten
    auto backup = path;
    backup += fmt::format(".bak-v{}", version);
    for (int n = 2; std::filesystem::exists(backup); ++n) {
      backup = path;
      backup += fmt::format(".bak-v{}.{}", version, n);
    }
    backup_to(backup);
  }
  begin(true);
  try {
    // Without the audit triggers: a migration's own changes must not be
    // filed under the last user's event. They are installed anew after.
    for (const char* table : kAuditedTables)
      db_->exec(fmt::format("DROP TRIGGER IF EXISTS {0}_audit_insert; DROP TRIGGER IF EXISTS {0}_audit_update;", table));
    for (int v = version; v < kMigrationCount; ++v) db_->exec(kMigrations[v]);
    if (version > 0 && stamp) {  // the data a migration rewrites is filed under its own event
      EventStamp e = *stamp;
      e.argv = nlohmann::json({"migrate", fmt::format("schema {} to {}", version, kSchemaVersion)}).dump();
      begin_event(e);
      install_audit_triggers(*db_);
    }
    if (version > 0 && version < 6) rekey_duplicates();
    install_audit_triggers(*db_);
    db_->exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    commit();
  } catch (...) {
    rollback();
    throw;
  }
}

void Store::begin(bool write) {
  reset_statements();  // a snapshot left open by a read would make BEGIN IMMEDIATE fail at once
  try {
    // A read command runs query-only, so a future read path cannot write by accident.
    db_->exec(write ? "PRAGMA query_only = OFF" : "PRAGMA query_only = ON");
    // A write's statement journals are small and many (one per statement in
    // a long import): in memory, not a temp file. A read's big sorts may
    // still spill to disk.
    db_->exec(write ? "PRAGMA temp_store = MEMORY" : "PRAGMA temp_store = DEFAULT");
    db_->exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
    wrote_ = wrote_ || write;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED)
      throw Error(Exit::busy, "the workspace is busy (another hopper is writing); try again, or wait longer with --wait SECS");
    throw;
  }
}
// A statement stepped part way holds its read snapshot until reset.
void Store::commit() {
  reset_statements();
  db_->exec("COMMIT");
}
void Store::rollback() {
  reset_statements();
  if (sqlite3_get_autocommit(db_->getHandle()) == 0) db_->exec("ROLLBACK");
}

void Store::savepoint() { statement("SAVEPOINT row").exec(); }
void Store::release_savepoint() { statement("RELEASE row").exec(); }
void Store::rollback_to_savepoint() {
  statement("ROLLBACK TO row").exec();
  statement("RELEASE row").exec();
}

SQLite::Statement& Store::statement(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end())
    return *statements_.emplace(sql, std::make_unique<SQLite::Statement>(*db_, sql)).first->second;
  found->second->tryReset();  // returns the last step's error, already reported
  found->second->clearBindings();
  return *found->second;
}

void Store::reset_statements() {
  for (auto& [sql, st] : statements_) st->tryReset();
}

Id Store::begin_event(const EventStamp& e) {
  SQLite::Statement& st = statement("INSERT INTO event (at, actor, argv, real_at, os_user) VALUES (?, ?, ?, ?, ?)");
  st.bind(1, e.at);
  st.bind(2, e.actor);
  st.bind(3, e.argv);
  st.bind(4, e.real_at);
  st.bind(5, e.os_user);
  st.exec();
  set_current_event(db_->getLastInsertRowid());
  return current_event_;
}

// The triggers and history rows of this session file under this event.
void Store::set_current_event(Id event) {
  SQLite::Statement& current = statement(
      "INSERT INTO current_event (id, event_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id");
  if (event) current.bind(1, event);
  else current.bind(1);  // a log with no event yet
  current.exec();
  current_event_ = event;
}

void Store::set_event_outcome(Id event, const std::string& outcome) {
  SQLite::Statement& st = statement("UPDATE event SET outcome = ? WHERE id = ?");
  st.bind(1, outcome);
  st.bind(2, event);
  st.exec();
}

Id Store::current_event() { return current_event_; }

bool Store::event_changed_anything(Id event) {
  SQLite::Statement& st = statement(R"sql(
SELECT EXISTS (SELECT 1 FROM event_change WHERE event_id = ?1) OR EXISTS (SELECT 1 FROM history WHERE event_id = ?1))sql");
  st.bind(1, event);
  st.executeStep();
  return st.getColumn(0).getInt() != 0;
}

std::vector<ChangeEntry> Store::changes(std::optional<Ref> subject, int limit) {
  // Events without row changes (refused commands) are shown too when no
  // subject is asked for.
  SQLite::Statement& st = statement(R"sql(
SELECT e.id, e.at, e.actor, e.argv, e.outcome, coalesce(c.tbl, ''), coalesce(c.row_id, 0),
       coalesce(c.op, e.outcome), coalesce(c.before, ''),
       CASE WHEN c.tbl = 'opportunity_action'
         THEN (SELECT json_object('opportunity_id', opportunity_id, 'action', action) FROM opportunity_action WHERE id = c.row_id)
         ELSE coalesce(c.after, '') END,
       (SELECT coalesce(group_concat(h.reason, '; '), '') FROM history h
        WHERE h.event_id = e.id AND h.subject_kind = c.tbl AND h.subject_id = c.row_id AND h.reason <> ''),
       e.real_at, e.os_user
FROM event e LEFT JOIN event_change c ON c.event_id = e.id
WHERE (?1 IS NULL AND (c.id IS NOT NULL OR e.outcome <> 'ok')) OR (c.tbl = ?1 AND c.row_id = ?2)
   OR (?1 = 'opportunity' AND c.tbl = 'opportunity_action'
       AND c.row_id IN (SELECT id FROM opportunity_action WHERE opportunity_id = ?2))
ORDER BY e.id DESC, c.id DESC LIMIT ?3)sql");
  if (subject) {
    st.bind(1, std::string(kind_table(subject->kind)));
    st.bind(2, subject->id);
  } else {
    st.bind(1);
    st.bind(2);
  }
  st.bind(3, limit);
  std::vector<ChangeEntry> out;
  while (st.executeStep()) {
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                   st.getColumn(3).getString(), st.getColumn(4).getString(), st.getColumn(5).getString(),
                   st.getColumn(6).getInt64(), st.getColumn(7).getString(), st.getColumn(8).getString(),
                   st.getColumn(9).getString(), st.getColumn(10).getString(), st.getColumn(11).getString(),
                   st.getColumn(12).getString()});
  }
  return out;
}

void Store::add_history(const HistoryEntry& h) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO history (at, actor, subject_kind, subject_id, field, from_value, to_value, reason, cause, rule, event_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT event_id FROM current_event)))sql");
  st.bind(1, h.at);
  st.bind(2, h.actor);
  st.bind(3, std::string(kind_table(h.subject.kind)));
  st.bind(4, h.subject.id);
  st.bind(5, h.field);
  st.bind(6, h.from);
  st.bind(7, h.to);
  st.bind(8, h.reason);
  st.bind(9, std::string(cause_name(h.cause)));
  st.bind(10, h.rule);
  st.exec();
}

std::vector<HistoryEntry> Store::history(Ref subject) {
  SQLite::Statement& st = statement(R"sql(
SELECT id, at, actor, field, from_value, to_value, reason, cause, rule FROM history
WHERE subject_kind = ? AND subject_id = ? ORDER BY at, id)sql");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  std::vector<HistoryEntry> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(), subject,
                   st.getColumn(3).getString(), st.getColumn(4).getString(), st.getColumn(5).getString(),
                   st.getColumn(6).getString(), parse_cause(st.getColumn(7).getString()), st.getColumn(8).getString()});
  return out;
}

void Store::each_history_row(Kind kind, const std::vector<std::string>& fields, const std::string& before,
                             const std::function<void(const HistoryEntry&)>& each) {
  // Not a cached statement: `each` may run others while this one steps.
  SQLite::Statement st(*db_, R"sql(
SELECT id, at, actor, subject_id, field, from_value, to_value, reason, cause, rule FROM history
WHERE subject_kind = ?1 AND field IN (SELECT value FROM json_each(?2)) AND at < ?3
ORDER BY subject_id, at, id)sql");
  st.bind(1, std::string(kind_table(kind)));
  st.bind(2, nlohmann::json(fields).dump());
  st.bind(3, before);
  while (st.executeStep())
    each({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
          Ref{kind, st.getColumn(3).getInt64()}, st.getColumn(4).getString(), st.getColumn(5).getString(),
          st.getColumn(6).getString(), st.getColumn(7).getString(), parse_cause(st.getColumn(8).getString()),
          st.getColumn(9).getString()});
}


// ---- reps

static void bind_rep(SQLite::Statement& st, const Rep& r) {
  st.bind(":name", r.name);
  st.bind(":team", r.team);
  st.bind(":role", std::string(role_name(r.role)));
  st.bind(":active", r.active ? 1 : 0);
  bind_optional(st, st.getIndex(":capacity"), r.capacity);
}

Id Store::insert_rep(const Rep& r) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO rep (name, team, role, active, capacity, created_at)
VALUES (:name, :team, :role, :active, :capacity, :created_at))sql");
  bind_rep(st, r);
  st.bind(":created_at", r.created_at);
  st.exec();
  return db_->getLastInsertRowid();
}

void Store::update_rep(const Rep& r) {
  SQLite::Statement& st = statement(R"sql(
UPDATE rep SET name = :name, team = :team, role = :role, active = :active, capacity = :capacity
WHERE id = :id)sql");
  bind_rep(st, r);
  st.bind(":id", r.id);
  st.exec();
}

std::optional<Rep> Store::find_rep(const std::string& name) {
  SQLite::Statement& st = statement(fmt::format("SELECT {} FROM rep WHERE name = ?", kRepColumns));
  st.bind(1, name);
  if (!st.executeStep()) return std::nullopt;
  return read_rep(st);
}

std::optional<Rep> Store::find_rep(Id id) {
  SQLite::Statement& st = statement(fmt::format("SELECT {} FROM rep WHERE id = ?", kRepColumns));
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_rep(st);
}

std::vector<Rep> Store::reps() {
  SQLite::Statement& st = statement(fmt::format("SELECT {} FROM rep ORDER BY id", kRepColumns));
  std::vector<Rep> out;
  while (st.executeStep()) out.push_back(read_rep(st));
  return out;
}

int Store::count_admins() {
  return db_->execAndGet("SELECT count(*) FROM rep WHERE role = 'admin' AND active").getInt();
}

// ---- leads

static void bind_lead(SQLite::Statement& st, const Lead& l) {
  st.bind(":name", l.name);
  st.bind(":company", l.company);
  st.bind(":company_key", company_key(l.company));
  st.bind(":contact", l.contact);
  st.bind(":phone", l.phone);
  st.bind(":phone_key", normalize_phone(l.phone));
  st.bind(":email", l.email);
  st.bind(":email_key", normalize_email(l.email));
  st.bind(":source", l.source);
  st.bind(":grade", l.grade);
  bind_optional(st, st.getIndex(":owner_id"), l.owner_id);
  st.bind(":status", l.status);
  st.bind(":drop_reason", l.drop_reason);
  bind_optional(st, st.getIndex(":customer_id"), l.customer_id);
  st.bind(":fields", fields_json(l.fields));
}

Id Store::insert_lead(const Lead& l) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO lead (name, company, company_key, contact, phone, phone_key, email, email_key, source, grade,
                  owner_id, status, drop_reason, customer_id, fields, created_at)
VALUES (:name, :company, :company_key, :contact, :phone, :phone_key, :email, :email_key, :source, :grade,
        :owner_id, :status, :drop_reason, :customer_id, :fields, :created_at))sql");
  bind_lead(st, l);
  st.bind(":created_at", l.created_at);
  st.exec();
  return db_->getLastInsertRowid();
}

void Store::update_lead(const Lead& l) {
  SQLite::Statement& st = statement(R"sql(
UPDATE lead SET name = :name, company = :company, company_key = :company_key, contact = :contact,
  phone = :phone, phone_key = :phone_key, email = :email, email_key = :email_key, source = :source,
  grade = :grade, owner_id = :owner_id, status = :status, drop_reason = :drop_reason,
  customer_id = :customer_id, fields = :fields
WHERE id = :id)sql");
  bind_lead(st, l);
  st.bind(":id", l.id);
  st.exec();
}

std::optional<Lead> Store::find_lead(Id id) {
  SQLite::Statement& st = statement(std::string(kLeadSelect) + "WHERE l.id = ?");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_lead(st);
}

static Where lead_filter(const LeadFilter& f) {
  Where where;
  where.add(f.owner_id.has_value(), "l.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      .add(!f.grade.empty(), "l.grade = :grade", ":grade", f.grade)
      .add(!f.source.empty(), "l.source = :source", ":source", f.source)
      .add(!f.status.empty(), "l.status = :status", ":status", f.status);
  return where;
}

void Store::each_lead(const LeadFilter& f, const std::function<void(const Lead&)>& each) {
  Where where = lead_filter(f);
  // Not a cached statement: `each` may run others while this one steps.
  SQLite::Statement st(*db_, std::string(kLeadSelect) + where.text() + " ORDER BY l.id");
  where.bind(st);
  while (st.executeStep()) each(read_lead(st));
}

std::vector<Lead> Store::leads(const LeadFilter& f) {
  Where where = lead_filter(f);
  SQLite::Statement& st = statement(std::string(kLeadSelect) + where.text() + " ORDER BY l.id");
  where.bind(st);
  std::vector<Lead> out;
  while (st.executeStep()) out.push_back(read_lead(st));
  return out;
}

// ---- customers

static void bind_customer(SQLite::Statement& st, const Customer& c) {
  st.bind(":name", c.name);
  st.bind(":name_key", normalize_company(c.name));
  st.bind(":grade", c.grade);
  st.bind(":segment", c.segment);
  st.bind(":layer", c.layer);
  bind_optional(st, st.getIndex(":owner_id"), c.owner_id);
  st.bind(":phone", c.phone);
  st.bind(":phone_key", normalize_phone(c.phone));
  st.bind(":email", c.email);
  st.bind(":email_key", normalize_email(c.email));
  st.bind(":locked", c.locked ? 1 : 0);
  bind_optional(st, st.getIndex(":lead_id"), c.lead_id);
  bind_text_or_null(st, ":cool_until", c.cool_until);
  bind_text_or_null(st, ":claimed_at", c.claimed_at);
  bind_optional(st, st.getIndex(":previous_owner_id"), c.previous_owner_id);
  bind_optional(st, st.getIndex(":reserved_for_id"), c.reserved_for_id);
  bind_optional(st, st.getIndex(":staked_by_id"), c.staked_by_id);
  bind_text_or_null(st, ":staked_at", c.staked_at);
  st.bind(":fields", fields_json(c.fields));
}

Id Store::insert_customer(const Customer& c) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO customer (name, name_key, grade, segment, layer, owner_id, phone, phone_key, email, email_key,
                      locked, lead_id, cool_until, claimed_at, previous_owner_id, reserved_for_id, staked_by_id,
                      staked_at, fields, created_at)
VALUES (:name, :name_key, :grade, :segment, :layer, :owner_id, :phone, :phone_key, :email, :email_key,
        :locked, :lead_id, :cool_until, :claimed_at, :previous_owner_id, :reserved_for_id, :staked_by_id,
        :staked_at, :fields, :created_at))sql");
  bind_customer(st, c);
  st.bind(":created_at", c.created_at);
  st.exec();
  return db_->getLastInsertRowid();
}

void Store::update_customer(const Customer& c) {
  SQLite::Statement& st = statement(R"sql(
UPDATE customer SET name = :name, name_key = :name_key, grade = :grade, segment = :segment, layer = :layer,
  owner_id = :owner_id, phone = :phone, phone_key = :phone_key, email = :email, email_key = :email_key,
  locked = :locked, lead_id = :lead_id, cool_until = :cool_until, claimed_at = :claimed_at,
  previous_owner_id = :previous_owner_id, reserved_for_id = :reserved_for_id, staked_by_id = :staked_by_id,
  staked_at = :staked_at, fields = :fields
WHERE id = :id)sql");
  bind_customer(st, c);
  st.bind(":id", c.id);
  st.exec();
}

std::optional<Customer> Store::find_customer(Id id) {
  SQLite::Statement& st = statement(std::string(kCustomerSelect) + "WHERE c.id = ?");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_customer(st);
}

static Where customer_filter(const CustomerFilter& f) {
  Where where;
  where.add(f.owner_id.has_value(), "c.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      .add(f.pool_only, "c.owner_id IS NULL")
      .add(!f.layer.empty(), "c.layer = :layer", ":layer", f.layer)
      .add(!f.grade.empty(), "c.grade = :grade", ":grade", f.grade)
      .add(!f.segment.empty(), "c.segment = :segment", ":segment", f.segment);
  return where;
}

void Store::each_customer(const CustomerFilter& f, const std::function<void(const Customer&)>& each) {
  Where where = customer_filter(f);
  // Not a cached statement: `each` may run others while this one steps.
  SQLite::Statement st(*db_, std::string(kCustomerSelect) + where.text() + " ORDER BY c.id");
  where.bind(st);
  while (st.executeStep()) each(read_customer(st));
}

std::vector<Customer> Store::customers(const CustomerFilter& f) {
  Where where = customer_filter(f);
  SQLite::Statement& st = statement(std::string(kCustomerSelect) + where.text() + " ORDER BY c.id");
  where.bind(st);
  std::vector<Customer> out;
  while (st.executeStep()) out.push_back(read_customer(st));
  return out;
}

std::vector<Id> Store::customers_named(const std::string& name) {
  SQLite::Statement& st = statement("SELECT id FROM customer WHERE name_key = ? AND name = ? ORDER BY id");
  st.bind(1, normalize_company(name));
  st.bind(2, name);
  std::vector<Id> ids;
  while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
  return ids;
}

int Store::held_customers(Id rep, const std::vector<std::string>& excluded_layers) {
  SQLite::Statement& st = statement(R"sql(
SELECT count(*) FROM customer
WHERE owner_id = ? AND layer NOT IN (SELECT value FROM json_each(?)))sql");
  st.bind(1, rep);
  st.bind(2, nlohmann::json(excluded_layers).dump());
  st.executeStep();
  return st.getColumn(0).getInt();
}

// ---- the pool

std::vector<CustomerClock> Store::customer_clocks(std::optional<Id> owner, std::optional<Id> customer,
                                                  const std::string& abandoned_layer,
                                                  const std::string& stage_probabilities) {
  std::string sql = R"sql(
WITH stage_probability (pipeline, stage, probability) AS (
  SELECT json_extract(value, '$.p'), json_extract(value, '$.s'), json_extract(value, '$.prob') FROM json_each(:stages))
SELECT c.id, c.name, c.owner_id, r.name, c.segment, c.grade, c.locked, coalesce(c.claimed_at, c.created_at),
  (SELECT coalesce(max(a.at), '') FROM activity a
   WHERE a.customer_id = c.id AND a.valid AND a.at >= coalesce(c.claimed_at, c.created_at)),
  (SELECT coalesce(min(a.at), '') FROM activity a
   WHERE a.customer_id = c.id AND a.valid AND a.at >= coalesce(c.claimed_at, c.created_at)),
  (SELECT coalesce(max(o.closed_at), '') FROM opportunity o WHERE o.customer_id = c.id AND o.status = 'won'),
  (SELECT max(coalesce(o.manual_probability, sp.probability)) FROM opportunity o
   JOIN stage_probability sp ON sp.pipeline = o.pipeline AND sp.stage = o.stage
   WHERE o.customer_id = c.id AND o.status = 'open'),
  c.layer
FROM customer c JOIN rep r ON r.id = c.owner_id )sql";
  Where where;
  where.add(true, "c.layer <> :abandoned", ":abandoned", abandoned_layer)
      .add(owner.has_value(), "c.owner_id = :owner", ":owner", owner.value_or(0))
      .add(customer.has_value(), "c.id = :customer", ":customer", customer.value_or(0));
  SQLite::Statement& st = statement(sql + where.text() + " ORDER BY c.id");
  st.bind(":stages", stage_probabilities);
  where.bind(st);
  std::vector<CustomerClock> out;
  while (st.executeStep()) {
    CustomerClock k;
    k.id = st.getColumn(0).getInt64();
    k.name = st.getColumn(1).getString();
    k.owner_id = st.getColumn(2).getInt64();
    k.owner = st.getColumn(3).getString();
    k.segment = st.getColumn(4).getString();
    k.grade = st.getColumn(5).getString();
    k.locked = st.getColumn(6).getInt() != 0;
    k.claimed_at = st.getColumn(7).getString();
    k.last_valid_followup = st.getColumn(8).getString();
    k.first_valid_followup = st.getColumn(9).getString();
    k.last_won = st.getColumn(10).getString();
    if (!st.getColumn(11).isNull()) k.open_probability = st.getColumn(11).getDouble();
    k.layer = st.getColumn(12).getString();
    out.push_back(k);
  }
  return out;
}

int Store::claims_on(const std::string& rep, const std::string& date) {
  SQLite::Statement& st = statement(R"sql(
SELECT count(*) FROM history h JOIN event e ON e.id = h.event_id
WHERE h.subject_kind = 'customer' AND h.field = 'owner' AND h.actor = ?1 AND h.to_value = ?1 AND h.cause = 'claimed'
  AND substr(e.at, 1, 10) = ?2)sql");
  st.bind(1, rep);
  st.bind(2, date);
  st.executeStep();
  return st.getColumn(0).getInt();
}

std::string Store::last_lost_at(Id customer, const std::string& rep) {
  SQLite::Statement& st = statement(R"sql(
SELECT coalesce(max(max(h.at, e.at)), '') FROM history h JOIN event e ON e.id = h.event_id
WHERE h.subject_kind = 'customer' AND h.subject_id = ? AND h.field = 'owner' AND h.from_value = ?)sql");
  st.bind(1, customer);
  st.bind(2, rep);
  st.executeStep();
  return st.getColumn(0).getString();
}

int Store::staked_count(Id rep) {
  SQLite::Statement& st = statement("SELECT count(*) FROM customer WHERE staked_by_id = ? AND owner_id IS NULL");
  st.bind(1, rep);
  st.executeStep();
  return st.getColumn(0).getInt();
}

// ---- people

Id Store::insert_person(const Person& p) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO person (customer_id, name, phone, email, title, created_at) VALUES (?, ?, ?, ?, ?, ?))sql");
  st.bind(1, p.customer_id);
  st.bind(2, p.name);
  st.bind(3, p.phone);
  st.bind(4, p.email);
  st.bind(5, p.title);
  st.bind(6, p.created_at);
  st.exec();
  return db_->getLastInsertRowid();
}

std::vector<Person> Store::people(Id customer) {
  SQLite::Statement& st = statement("SELECT id, customer_id, name, phone, email, title, created_at FROM person WHERE customer_id = ? ORDER BY id");
  st.bind(1, customer);
  std::vector<Person> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getInt64(), st.getColumn(2).getString(),
                   st.getColumn(3).getString(), st.getColumn(4).getString(), st.getColumn(5).getString(),
                   st.getColumn(6).getString()});
  return out;
}

std::optional<Id> Store::customer_of_person(Id person) {
  SQLite::Statement& st = statement("SELECT customer_id FROM person WHERE id = ?");
  st.bind(1, person);
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getInt64();
}

// ---- activities

Id Store::insert_activity(const Activity& a) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO activity (subject_kind, subject_id, customer_id, type, text, at, actor_id, valid, invalid_reason)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
  st.bind(1, std::string(kind_table(a.subject.kind)));
  st.bind(2, a.subject.id);
  bind_optional(st, 3, a.customer_id);
  st.bind(4, a.type);
  st.bind(5, a.text);
  st.bind(6, a.at);
  st.bind(7, a.actor_id);
  st.bind(8, a.valid ? 1 : 0);
  st.bind(9, a.invalid_reason);
  st.exec();
  return db_->getLastInsertRowid();
}

std::vector<Activity> Store::activities(Ref subject) {
  // A customer's follow-ups include those logged on its converted lead.
  SQLite::Statement& st = statement(R"sql(
SELECT a.id, a.subject_kind, a.subject_id, a.customer_id, a.type, a.text, a.at, a.actor_id, r.name, a.valid,
       a.invalid_reason
FROM activity a JOIN rep r ON r.id = a.actor_id
WHERE (a.subject_kind = ?1 AND a.subject_id = ?2) OR (?1 = 'customer' AND a.customer_id = ?2)
ORDER BY a.at, a.id)sql");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  std::vector<Activity> out;
  while (st.executeStep()) {
    Activity a;
    a.id = st.getColumn(0).getInt64();
    a.subject = {kind_from_table(st.getColumn(1).getString()), st.getColumn(2).getInt64()};
    a.customer_id = optional_id(st.getColumn(3));
    a.type = st.getColumn(4).getString();
    a.text = st.getColumn(5).getString();
    a.at = st.getColumn(6).getString();
    a.actor_id = st.getColumn(7).getInt64();
    a.actor = st.getColumn(8).getString();
    a.valid = st.getColumn(9).getInt() != 0;
    a.invalid_reason = st.getColumn(10).getString();
    out.push_back(a);
  }
  return out;
}

// ---- duplicates

std::vector<DuplicateMatch> Store::find_duplicates(const DuplicateKeys& keys, std::optional<Ref> except) {
  // One indexed lookup per key given (each names its partial index's
  // condition, so SQLite may use it); UNION drops a record matched twice.
  struct Branch {
    const std::string& value;
    const char *customer_column, *lead_column;
  };
  std::vector<std::string> parts;
  for (const Branch& b : {Branch{keys.phone, "phone_key", "phone_key"}, Branch{keys.email, "email_key", "email_key"},
                          Branch{keys.company, "name_key", "company_key"}}) {
    if (b.value.empty()) continue;
    std::string param = std::string(":") + b.lead_column;
    parts.push_back(fmt::format(R"sql(
SELECT 'customer', c.id, c.name, coalesce(r.name, ''), c.layer, c.phone_key, c.email_key, c.name_key
FROM customer c LEFT JOIN rep r ON r.id = c.owner_id
WHERE c.{0} = {2} AND c.{0} <> '' AND NOT (:except_kind = 'customer' AND c.id = :except_id)
UNION
SELECT 'lead', l.id, l.name, coalesce(r.name, ''), 'lead', l.phone_key, l.email_key, l.company_key
FROM lead l LEFT JOIN rep r ON r.id = l.owner_id
WHERE l.{1} = {2} AND l.{1} <> '' AND l.status = 'open' AND NOT (:except_kind = 'lead' AND l.id = :except_id))sql",
                                b.customer_column, b.lead_column, param));
  }
  if (parts.empty()) return {};
  std::string sql;
  for (const auto& part : parts) sql += (sql.empty() ? "" : "\nUNION") + part;
  SQLite::Statement& st = statement(sql);
  if (!keys.phone.empty()) st.bind(":phone_key", keys.phone);
  if (!keys.email.empty()) st.bind(":email_key", keys.email);
  if (!keys.company.empty()) st.bind(":company_key", keys.company);
  st.bind(":except_kind", except ? std::string(kind_table(except->kind)) : std::string());
  st.bind(":except_id", except ? except->id : 0);
  std::vector<DuplicateMatch> out;
  while (st.executeStep()) {
    DuplicateMatch m;
    m.ref = {kind_from_table(st.getColumn(0).getString()), st.getColumn(1).getInt64()};
    m.name = st.getColumn(2).getString();
    m.owner = st.getColumn(3).getString();
    m.where = st.getColumn(4).getString();
    if (!keys.phone.empty() && st.getColumn(5).getString() == keys.phone) m.key = "phone", m.value = keys.phone;
    else if (!keys.email.empty() && st.getColumn(6).getString() == keys.email) m.key = "email", m.value = keys.email;
    else m.key = "company", m.value = keys.company;
    out.push_back(m);
  }
  return out;
}

// ---- opportunities

const char* kOpportunitySelect = R"sql(
SELECT o.*, c.name AS customer_name, coalesce(r.name, '') AS owner_name
FROM opportunity o JOIN customer c ON c.id = o.customer_id LEFT JOIN rep r ON r.id = o.owner_id )sql";

static Opportunity read_opportunity(SQLite::Statement& st) {
  Opportunity o;
  o.id = st.getColumn("id").getInt64();
  o.customer_id = st.getColumn("customer_id").getInt64();
  o.customer = st.getColumn("customer_name").getString();
  o.name = st.getColumn("name").getString();
  o.pipeline = st.getColumn("pipeline").getString();
  o.stage = st.getColumn("stage").getString();
  o.amount = st.getColumn("amount").getInt64();
  o.close_date = st.getColumn("close_date").isNull() ? "" : st.getColumn("close_date").getString();
  if (!st.getColumn("manual_probability").isNull()) o.manual_probability = st.getColumn("manual_probability").getDouble();
  o.owner_id = optional_id(st.getColumn("owner_id"));
  o.owner = st.getColumn("owner_name").getString();
  o.status = st.getColumn("status").getString();
  o.lost_reason = st.getColumn("lost_reason").getString();
  o.closed_at = st.getColumn("closed_at").isNull() ? "" : st.getColumn("closed_at").getString();
  o.stage_since = st.getColumn("stage_since").getString();
  o.fields = parse_fields(st.getColumn("fields").getString());
  o.created_at = st.getColumn("created_at").getString();
  return o;
}

static void bind_opportunity(SQLite::Statement& st, const Opportunity& o) {
  st.bind(":customer_id", o.customer_id);
  st.bind(":name", o.name);
  st.bind(":pipeline", o.pipeline);
  st.bind(":stage", o.stage);
  st.bind(":amount", o.amount);
  bind_text_or_null(st, ":close_date", o.close_date);
  bind_optional(st, st.getIndex(":manual_probability"), o.manual_probability);
  bind_optional(st, st.getIndex(":owner_id"), o.owner_id);
  st.bind(":status", o.status);
  st.bind(":lost_reason", o.lost_reason);
  bind_text_or_null(st, ":closed_at", o.closed_at);
  st.bind(":stage_since", o.stage_since);
  st.bind(":fields", fields_json(o.fields));
}

Id Store::insert_opportunity(const Opportunity& o) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO opportunity (customer_id, name, pipeline, stage, amount, close_date, manual_probability, owner_id,
                         status, lost_reason, closed_at, stage_since, fields, created_at)
VALUES (:customer_id, :name, :pipeline, :stage, :amount, :close_date, :manual_probability, :owner_id,
        :status, :lost_reason, :closed_at, :stage_since, :fields, :created_at))sql");
  bind_opportunity(st, o);
  st.bind(":created_at", o.created_at);
  st.exec();
  return db_->getLastInsertRowid();
}

void Store::update_opportunity(const Opportunity& o) {
  SQLite::Statement& st = statement(R"sql(
UPDATE opportunity SET customer_id = :customer_id, name = :name, pipeline = :pipeline, stage = :stage,
  amount = :amount, close_date = :close_date, manual_probability = :manual_probability, owner_id = :owner_id,
  status = :status, lost_reason = :lost_reason, closed_at = :closed_at, stage_since = :stage_since,
  fields = :fields
WHERE id = :id)sql");
  bind_opportunity(st, o);
  st.bind(":id", o.id);
  st.exec();
}

std::optional<Opportunity> Store::find_opportunity(Id id) {
  SQLite::Statement& st = statement(std::string(kOpportunitySelect) + "WHERE o.id = ?");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_opportunity(st);
}

static Where opportunity_filter(const OpportunityFilter& f) {
  Where where;
  where.add(f.owner_id.has_value(), "o.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      .add(f.customer_id.has_value(), "o.customer_id = :customer", ":customer", f.customer_id.value_or(0))
      .add(!f.pipeline.empty(), "o.pipeline = :pipeline", ":pipeline", f.pipeline)
      .add(!f.stage.empty(), "o.stage = :stage", ":stage", f.stage)
      .add(!f.status.empty(), "o.status = :status", ":status", f.status);
  return where;
}

void Store::each_opportunity(const OpportunityFilter& f, const std::function<void(const Opportunity&)>& each) {
  Where where = opportunity_filter(f);
  // Not a cached statement: `each` may run others while this one steps.
  SQLite::Statement st(*db_, std::string(kOpportunitySelect) + where.text() + " ORDER BY o.id");
  where.bind(st);
  while (st.executeStep()) each(read_opportunity(st));
}

std::vector<Opportunity> Store::opportunities(const OpportunityFilter& f) {
  Where where = opportunity_filter(f);
  SQLite::Statement& st = statement(std::string(kOpportunitySelect) + where.text() + " ORDER BY o.id");
  where.bind(st);
  std::vector<Opportunity> out;
  while (st.executeStep()) out.push_back(read_opportunity(st));
  return out;
}

std::optional<Id> Store::opportunity_named(Id customer, const std::string& name) {
  SQLite::Statement& st = statement("SELECT max(id) FROM opportunity WHERE customer_id = ? AND name = ?");
  st.bind(1, customer);
  st.bind(2, name);
  st.executeStep();
  return optional_id(st.getColumn(0));
}

void Store::check_action(Id opportunity, const std::string& action, const std::string& at, const std::string& actor) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO opportunity_action (opportunity_id, action, checked_at, actor) VALUES (?, ?, ?, ?)
ON CONFLICT (opportunity_id, action) DO NOTHING)sql");
  st.bind(1, opportunity);
  st.bind(2, action);
  st.bind(3, at);
  st.bind(4, actor);
  st.exec();
}

std::vector<std::string> Store::checked_actions(Id opportunity) {
  SQLite::Statement& st = statement("SELECT action FROM opportunity_action WHERE opportunity_id = ? ORDER BY id");
  st.bind(1, opportunity);
  std::vector<std::string> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  return out;
}

std::string Store::last_activity_at(Ref subject) {
  SQLite::Statement& st = statement("SELECT coalesce(max(at), '') FROM activity WHERE subject_kind = ? AND subject_id = ?");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  st.executeStep();
  return st.getColumn(0).getString();
}

// ---- to-dos and reorder cycles

static Todo read_todo(SQLite::Statement& st) {
  Todo t;
  t.id = st.getColumn("id").getInt64();
  t.text = st.getColumn("text").getString();
  t.due = st.getColumn("due").isNull() ? "" : st.getColumn("due").getString();
  t.owner_id = optional_id(st.getColumn("owner_id"));
  t.owner = st.getColumn("owner_name").getString();
  if (!st.getColumn("subject_kind").isNull())
    t.subject = Ref{kind_from_table(st.getColumn("subject_kind").getString()), st.getColumn("subject_id").getInt64()};
  t.reorder_id = optional_id(st.getColumn("reorder_id"));
  t.occurrence = st.getColumn("occurrence").isNull() ? "" : st.getColumn("occurrence").getString();
  t.status = st.getColumn("status").getString();
  t.done_at = st.getColumn("done_at").isNull() ? "" : st.getColumn("done_at").getString();
  t.created_at = st.getColumn("created_at").getString();
  return t;
}

static void bind_todo(SQLite::Statement& st, const Todo& t) {
  st.bind(":text", t.text);
  bind_text_or_null(st, ":due", t.due);
  bind_optional(st, st.getIndex(":owner_id"), t.owner_id);
  if (t.subject) {
    st.bind(":subject_kind", std::string(kind_table(t.subject->kind)));
    st.bind(":subject_id", t.subject->id);
  } else {
    st.bind(":subject_kind");
    st.bind(":subject_id");
  }
  bind_optional(st, st.getIndex(":reorder_id"), t.reorder_id);
  bind_text_or_null(st, ":occurrence", t.occurrence);
  st.bind(":status", t.status);
  bind_text_or_null(st, ":done_at", t.done_at);
}

Id Store::insert_todo(const Todo& t) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO todo (text, due, owner_id, subject_kind, subject_id, reorder_id, occurrence, status, done_at, created_at)
VALUES (:text, :due, :owner_id, :subject_kind, :subject_id, :reorder_id, :occurrence, :status, :done_at, :created_at))sql");
  bind_todo(st, t);
  st.bind(":created_at", t.created_at);
  st.exec();
  return db_->getLastInsertRowid();
}

void Store::update_todo(const Todo& t) {
  SQLite::Statement& st = statement(R"sql(
UPDATE todo SET text = :text, due = :due, owner_id = :owner_id, subject_kind = :subject_kind,
  subject_id = :subject_id, reorder_id = :reorder_id, occurrence = :occurrence, status = :status, done_at = :done_at
WHERE id = :id)sql");
  bind_todo(st, t);
  st.bind(":id", t.id);
  st.exec();
}

const char* kTodoSelect = "SELECT t.*, coalesce(r.name, '') AS owner_name FROM todo t LEFT JOIN rep r ON r.id = t.owner_id ";

std::optional<Todo> Store::find_todo(Id id) {
  SQLite::Statement& st = statement(std::string(kTodoSelect) + "WHERE t.id = ?");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_todo(st);
}

std::vector<Todo> Store::todos(const TodoFilter& f) {
  Where where;
  where.add(f.open_only, "t.status = 'open'")
      .add(f.owner_id.has_value(), "t.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      // about the customer, or about one of its deals (todo_subject serves both)
      .add(f.customer_id.has_value(), R"sql(((t.subject_kind = 'customer' AND t.subject_id = :customer)
       OR (t.subject_kind = 'opportunity' AND t.subject_id IN (SELECT id FROM opportunity WHERE customer_id = :customer))))sql",
           ":customer", f.customer_id.value_or(0));
  SQLite::Statement& st = statement(std::string(kTodoSelect) + where.text() + " ORDER BY t.due IS NULL, t.due, t.id");
  where.bind(st);
  std::vector<Todo> out;
  while (st.executeStep()) out.push_back(read_todo(st));
  return out;
}

static Reorder read_reorder(SQLite::Statement& st) {
  Reorder r;
  r.id = st.getColumn("id").getInt64();
  r.customer_id = st.getColumn("customer_id").getInt64();
  r.customer = st.getColumn("customer_name").getString();
  r.product = st.getColumn("product").getString();
  r.every = st.getColumn("every").getString();
  r.first_due = st.getColumn("first_due").getString();
  r.until = st.getColumn("until").isNull() ? "" : st.getColumn("until").getString();
  r.remind_days = st.getColumn("remind_days").getInt();
  r.active = st.getColumn("active").getInt() != 0;
  r.created_at = st.getColumn("created_at").getString();
  return r;
}

const char* kReorderSelect = "SELECT y.*, c.name AS customer_name FROM reorder y JOIN customer c ON c.id = y.customer_id ";

Id Store::insert_reorder(const Reorder& r) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO reorder (customer_id, product, every, first_due, until, remind_days, active, created_at)
VALUES (:customer_id, :product, :every, :first_due, :until, :remind_days, :active, :created_at))sql");
  st.bind(":customer_id", r.customer_id);
  st.bind(":product", r.product);
  st.bind(":every", r.every);
  st.bind(":first_due", r.first_due);
  bind_text_or_null(st, ":until", r.until);
  st.bind(":remind_days", r.remind_days);
  st.bind(":active", r.active ? 1 : 0);
  st.bind(":created_at", r.created_at);
  st.exec();
  return db_->getLastInsertRowid();
}

void Store::update_reorder(const Reorder& r) {
  SQLite::Statement& st = statement("UPDATE reorder SET active = ? WHERE id = ?");
  st.bind(1, r.active ? 1 : 0);
  st.bind(2, r.id);
  st.exec();
}

std::optional<Reorder> Store::find_reorder(Id id) {
  SQLite::Statement& st = statement(std::string(kReorderSelect) + "WHERE y.id = ?");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_reorder(st);
}

std::vector<Reorder> Store::reorders(bool active_only) {
  SQLite::Statement& st = statement(std::string(kReorderSelect) + "WHERE ?1 = 0 OR y.active ORDER BY y.id");
  st.bind(1, active_only ? 1 : 0);
  std::vector<Reorder> out;
  while (st.executeStep()) out.push_back(read_reorder(st));
  return out;
}

std::optional<std::pair<std::string, bool>> Store::last_reorder_todo(Id reorder) {
  SQLite::Statement& st = statement(R"sql(
SELECT occurrence, status = 'open' FROM todo WHERE reorder_id = ? ORDER BY occurrence DESC LIMIT 1)sql");
  st.bind(1, reorder);
  if (!st.executeStep()) return std::nullopt;
  return std::make_pair(st.getColumn(0).getString(), st.getColumn(1).getInt() != 0);
}

// ---- conflicts

Id Store::insert_conflict(const Conflict& c) {
  SQLite::Statement& st = statement(R"sql(
INSERT INTO conflict (record_kind, record_id, existing_kind, existing_id, key, value, status, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?))sql");
  st.bind(1, std::string(kind_table(c.record.kind)));
  st.bind(2, c.record.id);
  st.bind(3, std::string(kind_table(c.existing.kind)));
  st.bind(4, c.existing.id);
  st.bind(5, c.key);
  st.bind(6, c.value);
  st.bind(7, c.status);
  st.bind(8, c.created_at);
  st.exec();
  return db_->getLastInsertRowid();
}

std::vector<Conflict> Store::conflicts(const std::string& status) {
  SQLite::Statement& st = statement(R"sql(
SELECT id, record_kind, record_id, existing_kind, existing_id, key, value, status, created_at, resolved_to, resolution
FROM conflict WHERE ?1 = '' OR status = ?1 ORDER BY id)sql");
  st.bind(1, status);
  std::vector<Conflict> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(),
                   {kind_from_table(st.getColumn(1).getString()), st.getColumn(2).getInt64()},
                   {kind_from_table(st.getColumn(3).getString()), st.getColumn(4).getInt64()},
                   st.getColumn(5).getString(), st.getColumn(6).getString(), st.getColumn(7).getString(),
                   st.getColumn(8).getString(), st.getColumn(9).getString(), st.getColumn(10).getString()});
  return out;
}

void Store::resolve_conflict(Id id, const std::string& to, const std::string& resolution) {
  SQLite::Statement& st = statement("UPDATE conflict SET status = 'resolved', resolved_to = ?, resolution = ? WHERE id = ?");
  st.bind(1, to);
  st.bind(2, resolution);
  st.bind(3, id);
  st.exec();
}

std::string Store::first_valid_followup(Ref subject) {
  SQLite::Statement& st = statement(R"sql(
SELECT coalesce(min(at), '') FROM activity
WHERE valid AND ((subject_kind = ?1 AND subject_id = ?2) OR (?1 = 'customer' AND customer_id = ?2)))sql");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  st.executeStep();
  return st.getColumn(0).getString();
}

std::pair<int, int> Store::followup_counts(Id rep, const std::string& from, const std::string& to) {
  SQLite::Statement& st = statement(R"sql(
SELECT count(*), coalesce(sum(NOT valid), 0) FROM activity WHERE actor_id = ? AND at >= ? AND at < ?)sql");
  st.bind(1, rep);
  st.bind(2, from);
  st.bind(3, to);
  st.executeStep();
  return {st.getColumn(0).getInt(), st.getColumn(1).getInt()};
}

int Store::staked_signings(const std::string& rep, const std::string& from, const std::string& to) {
  SQLite::Statement& st = statement(R"sql(
SELECT count(*) FROM opportunity o JOIN rep r ON r.id = o.owner_id
WHERE o.status = 'won' AND o.closed_at >= ?2 AND o.closed_at < ?3 AND r.name = ?1
  AND EXISTS (SELECT 1 FROM history h WHERE h.subject_kind = 'customer' AND h.subject_id = o.customer_id
              AND h.field = 'stake' AND h.to_value = ?1))sql");
  st.bind(1, rep);
  st.bind(2, from);
  st.bind(3, to);
  st.executeStep();
  return st.getColumn(0).getInt();
}

// ---- funnel.toml keys in the records

namespace {
// Table names come from this fixed list, never from input.
const char* entity_table(const std::string& entity) {
  if (entity == "lead") return "lead";
  if (entity == "customer") return "customer";
  if (entity == "opportunity") return "opportunity";
  throw Error(Exit::internal, fmt::format("no record kind '{}' has custom fields", entity));
}
std::string json_path(const std::string& key) {
  std::string escaped;
  for (char ch : key) escaped += ch == '"' ? std::string("\\\"") : std::string(1, ch);
  return "$.\"" + escaped + "\"";
}
}  // namespace

std::vector<StoredKey> Store::stored_keys() {
  SQLite::Statement& st = statement(R"sql(
SELECT 0, '', pipeline, count(*) FROM opportunity GROUP BY pipeline
UNION ALL SELECT 1, pipeline, stage, count(*) FROM opportunity GROUP BY pipeline, stage
UNION ALL SELECT 2, '', layer, count(*) FROM customer GROUP BY layer
UNION ALL SELECT 3, 'customer', grade, count(*) FROM customer WHERE grade <> '' GROUP BY grade
UNION ALL SELECT 3, 'lead', grade, count(*) FROM lead WHERE grade <> '' GROUP BY grade
UNION ALL SELECT 4, '', segment, count(*) FROM customer GROUP BY segment
UNION ALL SELECT 5, 'lead', j.key, count(*) FROM lead, json_each(lead.fields) j GROUP BY j.key
UNION ALL SELECT 5, 'customer', j.key, count(*) FROM customer, json_each(customer.fields) j GROUP BY j.key
UNION ALL SELECT 5, 'opportunity', j.key, count(*) FROM opportunity, json_each(opportunity.fields) j GROUP BY j.key)sql");
  std::vector<StoredKey> out;
  while (st.executeStep())
    out.push_back({static_cast<KeyKind>(st.getColumn(0).getInt()), st.getColumn(1).getString(),
                   st.getColumn(2).getString(), st.getColumn(3).getInt()});
  return out;
}

std::vector<std::pair<std::string, int>> Store::field_values(const std::string& entity, const std::string& key) {
  SQLite::Statement& st = statement(fmt::format(R"sql(
SELECT CAST(json_extract(fields, ?1) AS TEXT) AS v, count(*) FROM {} WHERE v IS NOT NULL GROUP BY v ORDER BY v)sql",
                                         entity_table(entity)));
  st.bind(1, json_path(key));
  std::vector<std::pair<std::string, int>> out;
  while (st.executeStep()) out.push_back({st.getColumn(0).getString(), st.getColumn(1).getInt()});
  return out;
}

int Store::rename_key(KeyKind kind, const std::string& scope, const std::string& from, const std::string& to) {
  auto run = [&](const std::string& sql) {
    SQLite::Statement& st = statement(sql);
    if (st.getIndex(":from")) st.bind(":from", from);
    if (st.getIndex(":to")) st.bind(":to", to);
    if (st.getIndex(":scope")) st.bind(":scope", scope);
    if (st.getIndex(":from_path")) st.bind(":from_path", json_path(from));
    if (st.getIndex(":to_path")) st.bind(":to_path", json_path(to));
    return st.exec();
  };
  switch (kind) {
    case KeyKind::pipeline:
      return run("UPDATE opportunity SET pipeline = :to WHERE pipeline = :from");
    case KeyKind::stage: {
      const char* in_scope = "(:scope = '' OR pipeline = :scope)";
      run(fmt::format(R"sql(
UPDATE history SET from_value = CASE WHEN from_value = :from THEN :to ELSE from_value END,
                   to_value = CASE WHEN to_value = :from THEN :to ELSE to_value END
WHERE subject_kind = 'opportunity' AND field = 'stage' AND (from_value = :from OR to_value = :from)
  AND subject_id IN (SELECT id FROM opportunity WHERE {}))sql", in_scope));
      return run(fmt::format("UPDATE opportunity SET stage = :to WHERE stage = :from AND {}", in_scope));
    }
    case KeyKind::layer:
      run(R"sql(
UPDATE history SET from_value = CASE WHEN from_value = :from THEN :to ELSE from_value END,
                   to_value = CASE WHEN to_value = :from THEN :to ELSE to_value END
WHERE subject_kind = 'customer' AND field = 'layer' AND (from_value = :from OR to_value = :from))sql");
      return run("UPDATE customer SET layer = :to WHERE layer = :from");
    case KeyKind::grade:
      return run("UPDATE customer SET grade = :to WHERE grade = :from") +
             run("UPDATE lead SET grade = :to WHERE grade = :from");
    case KeyKind::segment:
      return run("UPDATE customer SET segment = :to WHERE segment = :from");
    case KeyKind::field:
      return run(fmt::format(R"sql(
UPDATE {} SET fields = json_set(json_remove(fields, :from_path), :to_path, json_extract(fields, :from_path))
WHERE json_extract(fields, :from_path) IS NOT NULL)sql", entity_table(scope)));
  }
  return 0;
}

// ---- backup and doctor

namespace {

std::vector<std::string> table_names(SQLite::Database& db) {
  SQLite::Statement st(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name");
  std::vector<std::string> names;
  while (st.executeStep()) names.push_back(st.getColumn(0).getString());
  return names;
}

std::vector<std::string> column_names(SQLite::Database& db, const std::string& table) {
  SQLite::Statement st(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
  st.bind(1, table);
  std::vector<std::string> names;
  while (st.executeStep()) names.push_back(st.getColumn(0).getString());
  return names;
}

}  // namespace

void Store::export_rows(const std::function<void(const std::string& table, const std::string& row)>& each) {
  for (const auto& table : table_names(*db_)) {
    if (table == "current_event") continue;  // a session's state, not data
    std::string object;
    for (const auto& c : column_names(*db_, table))
      object += fmt::format("{}'{}', \"{}\"", object.empty() ? "" : ", ", c, c);  // names from the schema
    SQLite::Statement st(*db_, fmt::format("SELECT json_object({}) FROM \"{}\" ORDER BY rowid", object, table));
    while (st.executeStep()) each(table, st.getColumn(0).getString());
  }
}

long Store::record_count() {
  long n = 0;
  for (const char* table : kAuditedTables)
    if (std::string_view(table) != "rep")
      n += db_->execAndGet(fmt::format("SELECT count(*) FROM {}", table)).getInt64();
  return n;
}

void Store::begin_restore() {
  // Deferred foreign keys and undoing a half restore both need a transaction.
  if (sqlite3_get_autocommit(db_->getHandle()))
    throw std::logic_error("a restore runs inside a write transaction");
  db_->exec("PRAGMA defer_foreign_keys = ON");
  for (const char* table : kAuditedTables)
    db_->exec(fmt::format("DROP TRIGGER {0}_audit_insert; DROP TRIGGER {0}_audit_update; DROP TRIGGER {0}_never_delete",
                          table));
  restore_columns_.clear();
  for (const auto& table : table_names(*db_)) {
    db_->exec(fmt::format("DELETE FROM \"{}\"", table));
    restore_columns_[table] = column_names(*db_, table);
  }
}

void Store::restore_row(const std::string& table, const nlohmann::json& j) {
  auto found = restore_columns_.find(table);
  if (!j.is_object() || found == restore_columns_.end())
    throw Error(Exit::config, fmt::format("table '{}' is not in this schema (version {})", table, kSchemaVersion));
  const auto& known = found->second;
  std::string columns, values;
  for (auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end())
      throw Error(Exit::config, fmt::format("column {}.{} is not in this schema (version {})", table, key, kSchemaVersion));
    columns += (columns.empty() ? "\"" : ", \"") + key + "\"";
    values += values.empty() ? "?" : ", ?";
  }
  SQLite::Statement& st = statement(fmt::format("INSERT INTO \"{}\" ({}) VALUES ({})", table, columns, values));
  int i = 1;
  for (auto& [key, value] : j.items()) {
    if (value.is_null()) st.bind(i);
    else if (value.is_number_integer()) st.bind(i, value.get<std::int64_t>());
    else if (value.is_number()) st.bind(i, value.get<double>());
    else if (value.is_string()) st.bind(i, value.get<std::string>());
    else st.bind(i, value.dump());
    ++i;
  }
  try {
    st.exec();
  } catch (const SQLite::Exception& e) {
    throw Error(Exit::invalid, fmt::format("{}: {}", table, e.what()));
  }
}

void Store::end_restore() {
  install_audit_triggers(*db_);
  restore_columns_.clear();
  // The restored log's newest event is where the log goes on.
  set_current_event(db_->execAndGet("SELECT coalesce(max(id), 0) FROM event").getInt64());
}

void Store::backup_to(const std::filesystem::path& file) {
  struct stat source {};
  if (::stat(db_->getFilename().c_str(), &source) != 0)
    throw Error(Exit::config, fmt::format("cannot read the mode of '{}'", db_->getFilename()));
  if (std::filesystem::exists(file))
    throw Error(Exit::config, fmt::format("'{}' exists; backup never overwrites: choose another name", file.string()));
  create_private_file(file, source.st_mode & 0777);  // a copy is as private as the original
  try {
    db_->backup(file.c_str(), SQLite::Database::Save);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(file, ec);  // no half backup left behind
    throw;
  }
}

namespace {
std::vector<std::string> sentences(SQLite::Statement& st) {
  std::vector<std::string> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  return out;
}
}  // namespace

std::vector<std::string> Store::integrity_problems(int limit) {
  SQLite::Statement& st = statement("SELECT * FROM pragma_integrity_check(?)");
  st.bind(1, limit);
  auto out = sentences(st);
  if (out.size() == 1 && out[0] == "ok") out.clear();
  return out;
}

std::vector<std::string> Store::foreign_key_problems(int limit) {
  SQLite::Statement& st = statement(R"sql(
SELECT "table" || ' row ' || rowid || ' points to a missing ' || parent FROM pragma_foreign_key_check LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::deals_not_with_their_customer(int limit) {
  SQLite::Statement& st = statement(R"sql(
SELECT 'O' || o.id || ' is open with ' || coalesce(r.name, 'nobody') || ' but customer C' || c.id || ' belongs to '
       || coalesce(cr.name, 'the pool')
FROM opportunity o JOIN customer c ON c.id = o.customer_id
  LEFT JOIN rep r ON r.id = o.owner_id LEFT JOIN rep cr ON cr.id = c.owner_id
WHERE o.status = 'open' AND o.owner_id IS NOT c.owner_id LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::stages_not_matching_history(int limit) {
  SQLite::Statement& st = statement(R"sql(
SELECT 'O' || o.id || ' is in ' || o.stage || ' but its history last moved it to ' || coalesce(h.to_value, 'nothing')
FROM opportunity o LEFT JOIN history h ON h.id = (
  SELECT max(id) FROM history WHERE subject_kind = 'opportunity' AND subject_id = o.id AND field = 'stage')
WHERE h.to_value IS NOT o.stage LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::changes_without_event(int limit) {
  SQLite::Statement& st = statement(R"sql(
SELECT 'change ' || c.id || ' of ' || c.tbl || ' ' || c.row_id || ' has no event'
FROM event_change c LEFT JOIN event e ON e.id = c.event_id WHERE e.id IS NULL
UNION ALL
SELECT 'history row ' || h.id || ' (' || h.subject_kind || ' ' || h.subject_id || ') has no event'
FROM history h LEFT JOIN event e ON e.id = h.event_id WHERE e.id IS NULL LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::records_of_departed_reps(int limit) {
  SQLite::Statement& st = statement(R"sql(
SELECT 'customer C' || c.id || ' is owned by ' || r.name || ', who has left'
FROM customer c JOIN rep r ON r.id = c.owner_id WHERE NOT r.active
UNION ALL
SELECT 'open lead L' || l.id || ' is owned by ' || r.name || ', who has left'
FROM lead l JOIN rep r ON r.id = l.owner_id WHERE NOT r.active AND l.status = 'open' LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::optional<std::string> Store::last_assigned_rep() {
  SQLite::Statement& st = statement(R"sql(
SELECT to_value FROM history WHERE field = 'owner' AND subject_kind = 'customer' AND cause = 'assigned'
ORDER BY id DESC LIMIT 1)sql");
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getString();
}

std::map<Id, double> Store::won_amounts_since(const std::string& since) {
  // total(), not sum(): a float ranks reps and cannot overflow.
  SQLite::Statement& st = statement(R"sql(
SELECT owner_id, total(amount) FROM opportunity
WHERE status = 'won' AND closed_at >= ? AND owner_id IS NOT NULL GROUP BY owner_id)sql");
  st.bind(1, since);
  std::map<Id, double> out;
  while (st.executeStep()) out[st.getColumn(0).getInt64()] = st.getColumn(1).getDouble();
  return out;
}

}  // namespace hopper
