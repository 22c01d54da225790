#include "hopper/store.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <limits>
#include <variant>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "hopper/normalize.h"
#include "sql_postgresql.h"
#include "sql_scripts.h"
#include "sql_sqlite.h"

namespace hopper {
namespace {

// Tables whose every insert and update lands in the event log.
const char* const kAuditedTables[] = {"rep",         "lead",   "customer", "person",  "activity", "conflict",
                                      "opportunity", "opportunity_action", "reorder", "todo", "security"};

// The event log is kept by triggers, so no command can forget it. They are
// generated from the live columns after each migration; the column names come
// from the schema, never from input. Rows are never deleted (SPEC: data is
// closed, released or cooled), and a trigger enforces that too.
void install_audit_triggers(sql::Connection& db) {  // SQLite's; a server's are in sql/postgresql/schema.sql
  for (const char* table : kAuditedTables) {
    // "SELECT 'col' AS k, OLD.col AS o, NEW.col AS n UNION ALL …" (a VALUES
    // list cannot name its columns inside a trigger); "OLD.a IS NOT NEW.a OR …"
    std::string columns, changed;
    auto cols = db.prepare("SELECT name FROM pragma_table_info(?)");
    cols->bind(1, table);
    while (cols->step()) {
      std::string c = cols->column(0).text();
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
  // A condition with several parameters.
  Where& add(bool asked, const char* condition, std::initializer_list<std::pair<const char*, Value>> values) {
    if (!asked) return *this;
    add(true, condition);
    values_.insert(values_.end(), values.begin(), values.end());
    return *this;
  }
  const std::string& text() const { return text_; }
  void bind(sql::Statement& st) const {
    for (const auto& [name, value] : values_) std::visit([&](const auto& v) { st.bind(name, v); }, value);
  }

 private:
  std::string text_;
  std::vector<std::pair<const char*, Value>> values_;
};

// "?3, ?4, …": `count` numbered parameters from `first`, for an IN list; a
// list of none is an empty set.
std::string numbered_parameters(int first, std::size_t count) {
  if (count == 0) return "SELECT NULL WHERE 1 = 0";
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += fmt::format("{}?{}", i ? ", " : "", first + static_cast<int>(i));
  return out;
}

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
void bind_optional(sql::Statement& st, int index, const std::optional<T>& v) {
  if (v) st.bind(index, *v);
  else st.bind(index);
}

// Empty text is stored as NULL (dates and times that are not set).
void bind_text_or_null(sql::Statement& st, const char* name, const std::string& v) {
  if (v.empty()) st.bind(name);
  else st.bind(name, v);
}

std::optional<Id> optional_id(const sql::Column& c) {
  if (c.null()) return std::nullopt;
  return c.int64();
}

const char* kRepColumns = "id, name, team, role, active, capacity, created_at";
Rep read_rep(sql::Statement& st) {
  Rep r;
  r.id = st.column("id").int64();
  r.name = st.column("name").text();
  r.team = st.column("team").text();
  r.role = parse_role(st.column("role").text()).value_or(Role::rep);
  r.active = st.column("active").integer() != 0;
  if (!st.column("capacity").null()) r.capacity = st.column("capacity").integer();
  r.created_at = st.column("created_at").text();
  return r;
}

const char* kLeadSelect =
    "SELECT l.*, coalesce(r.name, '') AS owner_name FROM lead l LEFT JOIN rep r ON r.id = l.owner_id ";
Lead read_lead(sql::Statement& st) {
  Lead l;
  l.id = st.column("id").int64();
  l.name = st.column("name").text();
  l.company = st.column("company").text();
  l.contact = st.column("contact").text();
  l.phone = st.column("phone").text();
  l.email = st.column("email").text();
  l.source = st.column("source").text();
  l.grade = st.column("grade").text();
  l.owner_id = optional_id(st.column("owner_id"));
  l.owner = st.column("owner_name").text();
  l.status = kLeadStatuses.stored(st.column("status").text());
  l.drop_reason = st.column("drop_reason").text();
  l.customer_id = optional_id(st.column("customer_id"));
  l.fields = parse_fields(st.column("fields").text());
  l.created_at = st.column("created_at").text();
  return l;
}

const char* kCustomerSelect = R"sql(
SELECT c.*, coalesce(r.name, '') AS owner_name, coalesce(pr.name, '') AS previous_owner_name,
       coalesce(rr.name, '') AS reserved_for_name, coalesce(sr.name, '') AS staked_by_name
FROM customer c LEFT JOIN rep r ON r.id = c.owner_id LEFT JOIN rep pr ON pr.id = c.previous_owner_id
  LEFT JOIN rep rr ON rr.id = c.reserved_for_id LEFT JOIN rep sr ON sr.id = c.staked_by_id )sql";
Customer read_customer(sql::Statement& st) {
  Customer c;
  c.id = st.column("id").int64();
  c.name = st.column("name").text();
  c.grade = st.column("grade").text();
  c.segment = st.column("segment").text();
  c.layer = st.column("layer").text();
  c.owner_id = optional_id(st.column("owner_id"));
  c.owner = st.column("owner_name").text();
  c.phone = st.column("phone").text();
  c.email = st.column("email").text();
  c.locked = st.column("locked").integer() != 0;
  c.lead_id = optional_id(st.column("lead_id"));
  c.cool_until = st.column("cool_until").text();
  c.claimed_at = st.column("claimed_at").text();
  c.previous_owner_id = optional_id(st.column("previous_owner_id"));
  c.previous_owner = st.column("previous_owner_name").text();
  c.reserved_for_id = optional_id(st.column("reserved_for_id"));
  c.reserved_for = st.column("reserved_for_name").text();
  c.staked_by_id = optional_id(st.column("staked_by_id"));
  c.staked_by = st.column("staked_by_name").text();
  c.staked_at = st.column("staked_at").text();
  c.fields = parse_fields(st.column("fields").text());
  c.created_at = st.column("created_at").text();
  return c;
}

// The id an INSERT … RETURNING id gave its row.
Id inserted(sql::Statement& st) {
  if (!st.step()) throw std::logic_error("an INSERT … RETURNING id returned no row");
  Id id = st.column(0).int64();
  st.step();  // to its end: a statement left part way blocks a savepoint
  return id;
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
  auto sqlite = std::make_unique<sql::SqliteConnection>(path, busy_timeout_ms);
  sqlite_ = sqlite.get();
  db_ = std::move(sqlite);
  db_->exec("PRAGMA foreign_keys = ON");
  db_->exec("PRAGMA journal_mode = WAL");
  db_->exec("PRAGMA synchronous = NORMAL");
  // 32 MB of pages: a big import or report would otherwise spill the 2 MB
  // default to disk over and over; peak RSS stays well under SPEC's 64 MB.
  db_->exec("PRAGMA cache_size = -32768");
  migrate(path, migration);
}

Store::Store(const ServerStore& server, int busy_timeout_ms, bool create) {
  auto pg = std::make_unique<sql::PostgresConnection>(server.url, busy_timeout_ms);
  postgres_ = pg.get();
  db_ = std::move(pg);
  if (create) {
    postgres_->create_schema();
    return;
  }
  if (sql::kPostgresqlBaseVersion + static_cast<int>(sql::postgresql_migrations().size()) != kSchemaVersion)
    throw std::logic_error("sql/postgresql/ holds a migration per schema version after its base");
  int version = postgres_->schema_version();
  if (version >= sql::kPostgresqlBaseVersion && version < kSchemaVersion) {
    if (!server_session().owner)
      throw Error(Exit::config, fmt::format("the server's hopper schema is version {}, this hopper knows {}: the "
                                            "schema's owner (the DBA) moves it forward by running any hopper command "
                                            "in the workspace once (see docs/team.md)",
                                            version, kSchemaVersion));
    postgres_->migrate_schema();
    version = postgres_->schema_version();
  }
  if (version != kSchemaVersion)
    throw Error(Exit::config, fmt::format("the server's hopper schema is version {}, this hopper knows {}; {}", version,
                                          kSchemaVersion,
                                          version > kSchemaVersion ? "upgrade hopper" : "migrate it with a hopper of "
                                                                                        "its version first"));
}

Store::~Store() {
  // SQLite's advice for a closing connection: refresh the planner's
  // statistics where they are stale (analysis_limit keeps it quick at any
  // size), so scans of most of a table do not pick a narrow index. A
  // server keeps its own (autovacuum).
  if (!wrote_ || !sqlite_) return;
  try {
    statements_.clear();
    db_->exec("PRAGMA query_only = OFF; PRAGMA analysis_limit = 400; PRAGMA optimize");
  } catch (const sql::Failure&) {
    // Statistics are an optimisation; a busy or read-only file keeps the old ones.
  }
}

bool Store::on_server() const { return postgres_ != nullptr; }

ServerSession Store::server_session() {
  if (!postgres_) throw std::logic_error("a workspace file has no server session");
  auto st = db_->prepare(R"sql(
SELECT current_user, to_char(localtimestamp, 'YYYY-MM-DD"T"HH24:MI:SS'),
       pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'hopper'), 'MEMBER'))sql");
  st->step();
  return {st->column(0).text(), st->column(1).text(), st->column(2).int64() != 0};
}

std::string Store::current_event_sql() const {
  return sqlite_ ? "(SELECT event_id FROM current_event)" : "CAST(nullif(current_setting('hopper.event', true), '') AS bigint)";
}

std::string Store::migration_script(int version) { return sql::sqlite_migrations().at(version).text; }

// A lead's company key; a lead without a company matches none.
static std::string company_key(const std::string& company) {
  return company.empty() ? "" : normalize_company(company);
}

void Store::rekey_duplicates() {
  auto leads = db_->prepare("SELECT id, company, phone, email FROM lead");
  auto lead_keys = db_->prepare("UPDATE lead SET company_key = ?2, phone_key = ?3, email_key = ?4 WHERE id = ?1");
  while (leads->step()) {
    lead_keys->bind(1, leads->column(0).int64());
    lead_keys->bind(2, company_key(leads->column(1).text()));
    lead_keys->bind(3, normalize_phone(leads->column(2).text()));
    lead_keys->bind(4, normalize_email(leads->column(3).text()));
    lead_keys->exec();
    lead_keys->reset();
  }
  auto customers = db_->prepare("SELECT id, name, phone, email FROM customer");
  auto customer_keys = db_->prepare("UPDATE customer SET name_key = ?2, phone_key = ?3, email_key = ?4 WHERE id = ?1");
  while (customers->step()) {
    customer_keys->bind(1, customers->column(0).int64());
    customer_keys->bind(2, normalize_company(customers->column(1).text()));
    customer_keys->bind(3, normalize_phone(customers->column(2).text()));
    customer_keys->bind(4, normalize_email(customers->column(3).text()));
    customer_keys->exec();
    customer_keys->reset();
  }
}

int Store::schema_version() {
  if (postgres_) return postgres_->schema_version();
  return static_cast<int>(db_->query_int("PRAGMA user_version"));
}

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
  if (version == 0 && static_cast<int>(db_->query_int("SELECT count(*) FROM sqlite_schema")) > 0)
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
  const auto& migrations = sql::sqlite_migrations();
  if (static_cast<int>(migrations.size()) != kSchemaVersion)
    throw std::logic_error("sql/sqlite/ holds a script per schema version");
  begin(true);
  try {
    // Without the audit triggers: a migration's own changes must not be
    // filed under the last user's event. They are installed anew after.
    for (const char* table : kAuditedTables)
      db_->exec(fmt::format("DROP TRIGGER IF EXISTS {0}_audit_insert; DROP TRIGGER IF EXISTS {0}_audit_update;", table));
    for (int v = version; v < kSchemaVersion; ++v) db_->exec(migrations[v].text);
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
    if (postgres_) {
      postgres_->begin(write);
    } else {
      // A read command runs query-only, so a future read path cannot write by accident.
      db_->exec(write ? "PRAGMA query_only = OFF" : "PRAGMA query_only = ON");
      // A write's statement journals are small and many (one per statement in
      // a long import): in memory, not a temp file. A read's big sorts may
      // still spill to disk.
      db_->exec(write ? "PRAGMA temp_store = MEMORY" : "PRAGMA temp_store = DEFAULT");
      db_->exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
    }
    wrote_ = wrote_ || write;
    restored_ = false;
  } catch (const sql::Failure& e) {
    if (e.kind() == sql::Failure::Kind::busy)
      throw Error(Exit::busy, "the workspace is busy (another hopper is writing); try again, or wait longer with --wait SECS");
    throw;
  }
}
// A statement stepped part way holds its read snapshot until reset.
void Store::commit() {
  reset_statements();
  db_->exec("COMMIT");
  if (postgres_) postgres_->forget_ids_mark();
}
void Store::rollback() {
  reset_statements();
  if (!db_->in_transaction()) return;
  if (postgres_) postgres_->copy_abort();
  if (postgres_ && postgres_->in_transaction()) {
    try {
      postgres_->restore_all_ids();
    } catch (const sql::Failure&) {
      // An aborted transaction refuses the reset: the ids keep a gap, nothing worse.
    }
  }
  db_->exec("ROLLBACK");
}

void Store::savepoint() {
  statement("SAVEPOINT row").exec();
  if (postgres_) postgres_->mark_ids();
}
void Store::release_savepoint() {
  statement("RELEASE row").exec();
  if (postgres_) postgres_->forget_ids_mark();
}
void Store::rollback_to_savepoint() {
  statement("ROLLBACK TO row").exec();
  statement("RELEASE row").exec();
  if (postgres_) postgres_->restore_ids();
}

sql::Statement& Store::statement(const std::string& text) {
  auto found = statements_.find(text);
  if (found == statements_.end()) return *statements_.emplace(text, db_->prepare(text)).first->second;
  found->second->reset();
  return *found->second;
}

void Store::reset_statements() {
  for (auto& [text, st] : statements_) st->reset();
}

Id Store::begin_event(const EventStamp& e) {
  sql::Statement& st = statement("INSERT INTO event (at, actor, argv, real_at, os_user) VALUES (?, ?, ?, ?, ?) RETURNING id");
  st.bind(1, e.at);
  st.bind(2, e.actor);
  st.bind(3, e.argv);
  st.bind(4, e.real_at);
  st.bind(5, e.os_user);
  set_current_event(inserted(st));
  return current_event_;
}

// The triggers and history rows of this session file under this event.
// On a server, a setting of the transaction: sessions write at once there.
void Store::set_current_event(Id event) {
  sql::Statement& current = statement(
      sqlite_ ? "INSERT INTO current_event (id, event_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id"
              : "SELECT set_config('hopper.event', ?, true)");
  if (sqlite_ && !event) current.bind(1);  // a log with no event yet
  else if (sqlite_) current.bind(1, event);
  else current.bind(1, event ? std::to_string(event) : std::string());
  current.exec();
  current_event_ = event;
}

void Store::set_event_outcome(Id event, const std::string& outcome) {
  // A server's log is append-only for reps: a function may set the outcome
  // of the session's own event, nothing else.
  sql::Statement& st = statement(sqlite_ ? "UPDATE event SET outcome = ?1 WHERE id = ?2" : "SELECT set_event_outcome(?2, ?1)");
  st.bind(1, outcome);
  st.bind(2, event);
  st.exec();
}

bool Store::changed_anything() {
  if (restored_) return true;
  sql::Statement& st = statement(R"sql(
SELECT EXISTS (SELECT 1 FROM event_change WHERE event_id = ?1) OR EXISTS (SELECT 1 FROM history WHERE event_id = ?1))sql");
  st.bind(1, current_event_);
  st.step();
  return st.column(0).integer() != 0;
}

void Store::each_change(const ChangeFilter& f, const std::function<void(const ChangeEntry&)>& each) {
  Where where;
  if (f.subject) {  // a checked action belongs to its opportunity
    where.add(true,
              "((c.tbl = :tbl AND c.row_id = :row) OR (:tbl = 'opportunity' AND c.tbl = 'opportunity_action' "
              "AND c.row_id IN (SELECT id FROM opportunity_action WHERE opportunity_id = :row)))",
              {{":tbl", std::string(kind_table(f.subject->kind))}, {":row", f.subject->id}});
  } else {  // events without row changes (refused commands) are shown too
    where.add(true, "(c.id IS NOT NULL OR e.outcome <> 'ok')");
  }
  where.add(!f.since.empty(), "e.at >= :since", ":since", f.since)
      .add(!f.until.empty(), "e.at < :until", ":until", f.until)
      .add(!f.actor.empty(), "e.actor = :actor", ":actor", f.actor);
  // Not a cached statement: `each` may run others while this one steps.
  auto owned = db_->stream(fmt::format(R"sql(
SELECT e.id, e.at, e.actor, e.argv, e.outcome, coalesce(c.tbl, ''), coalesce(c.row_id, 0),
       coalesce(c.op, e.outcome), coalesce(c.before, ''),
       CASE WHEN c.tbl = 'opportunity_action'
         THEN (SELECT {action_json} FROM opportunity_action WHERE id = c.row_id)
         ELSE coalesce(c.after, '') END,
       (SELECT coalesce({reasons}, '') FROM
          (SELECT h.reason, min(h.id) AS first FROM history h
           WHERE h.event_id = e.id AND h.subject_kind = c.tbl AND h.subject_id = c.row_id AND h.reason <> ''
           GROUP BY h.reason ORDER BY first) r),
       e.real_at, e.os_user
FROM event e LEFT JOIN event_change c ON c.event_id = e.id
{where}
ORDER BY e.id DESC, c.id DESC)sql",
                                       fmt::arg("where", where.text()),
                                       fmt::arg("action_json", sqlite_ ? "json_object('opportunity_id', opportunity_id, 'action', action)"
                                                                       : R"('{"opportunity_id":' || opportunity_id || ',"action":' || to_json(action) || '}')"),
                                       // Each reason once, in the order the command wrote them: a
                                       // customer added or converted writes the same reason on
                                       // several of its fields.
                                       fmt::arg("reasons", sqlite_ ? "group_concat(r.reason, '; ')"
                                                                   : "string_agg(r.reason, '; ' ORDER BY r.first)")));
  sql::Statement& st = *owned;
  where.bind(st);
  while (st.step())
    each({st.column(0).int64(), st.column(1).text(), st.column(2).text(), st.column(3).text(), st.column(4).text(),
          st.column(5).text(), st.column(6).int64(), st.column(7).text(), st.column(8).text(), st.column(9).text(),
          st.column(10).text(), st.column(11).text(), st.column(12).text()});
}

void Store::add_history(const HistoryEntry& h) {
  sql::Statement& st = statement(std::string(R"sql(
INSERT INTO history (at, actor, subject_kind, subject_id, field, from_value, to_value, reason, cause, rule, event_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, )sql") + current_event_sql() + ")");
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
  sql::Statement& st = statement(R"sql(
SELECT id, at, actor, field, from_value, to_value, reason, cause, rule FROM history
WHERE subject_kind = ? AND subject_id = ? ORDER BY at, id)sql");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  std::vector<HistoryEntry> out;
  while (st.step())
    out.push_back({st.column(0).int64(), st.column(1).text(), st.column(2).text(), subject,
                   st.column(3).text(), st.column(4).text(), st.column(5).text(),
                   st.column(6).text(), parse_cause(st.column(7).text()), st.column(8).text()});
  return out;
}

void Store::each_history_row(Kind kind, const std::vector<std::string>& fields, const std::string& before,
                             const std::function<void(const HistoryEntry&)>& each) {
  // Not a cached statement: `each` may run others while this one steps.
  auto owned = db_->stream(fmt::format(R"sql(
SELECT id, at, actor, subject_id, field, from_value, to_value, reason, cause, rule FROM history
WHERE subject_kind = ?1 AND field IN ({}) AND at < ?2
ORDER BY subject_id, at, id)sql", numbered_parameters(3, fields.size())));
  sql::Statement& st = *owned;
  st.bind(1, std::string(kind_table(kind)));
  st.bind(2, before);
  for (std::size_t i = 0; i < fields.size(); ++i) st.bind(static_cast<int>(i) + 3, fields[i]);
  while (st.step())
    each({st.column(0).int64(), st.column(1).text(), st.column(2).text(),
          Ref{kind, st.column(3).int64()}, st.column(4).text(), st.column(5).text(),
          st.column(6).text(), st.column(7).text(), parse_cause(st.column(8).text()),
          st.column(9).text()});
}


// ---- reps

static void bind_rep(sql::Statement& st, const Rep& r) {
  st.bind(":name", r.name);
  st.bind(":team", r.team);
  st.bind(":role", std::string(role_name(r.role)));
  st.bind(":active", r.active ? 1 : 0);
  bind_optional(st, st.index(":capacity"), r.capacity);
}

Id Store::insert_rep(const Rep& r) {
  sql::Statement& st = statement(R"sql(
INSERT INTO rep (name, team, role, active, capacity, created_at)
VALUES (:name, :team, :role, :active, :capacity, :created_at) RETURNING id)sql");
  if (postgres_ && r.name.size() > 63)  // each rep connects as a role of the same name
    throw Error(Exit::invalid, fmt::format("'{}' is {} bytes long; on a server a rep is a PostgreSQL role, whose "
                                           "name is at most 63 bytes",
                                           r.name, r.name.size()));
  bind_rep(st, r);
  st.bind(":created_at", r.created_at);
  Id id = inserted(st);
  if (postgres_) {
    sql::Statement& role = statement("SELECT map_role(?)");
    role.bind(1, r.name);
    role.exec();
  }
  return id;
}

void Store::update_rep(const Rep& r) {
  sql::Statement& st = statement(R"sql(
UPDATE rep SET name = :name, team = :team, role = :role, active = :active, capacity = :capacity
WHERE id = :id)sql");
  bind_rep(st, r);
  st.bind(":id", r.id);
  st.exec();
}

std::optional<Rep> Store::find_rep(const std::string& name) {
  sql::Statement& st = statement(fmt::format("SELECT {} FROM rep WHERE name = ?", kRepColumns));
  st.bind(1, name);
  if (!st.step()) return std::nullopt;
  return read_rep(st);
}

std::optional<Rep> Store::find_rep(Id id) {
  sql::Statement& st = statement(fmt::format("SELECT {} FROM rep WHERE id = ?", kRepColumns));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_rep(st);
}

std::vector<Rep> Store::reps() {
  sql::Statement& st = statement(fmt::format("SELECT {} FROM rep ORDER BY id", kRepColumns));
  std::vector<Rep> out;
  while (st.step()) out.push_back(read_rep(st));
  return out;
}

int Store::count_admins() {
  return static_cast<int>(db_->query_int("SELECT count(*) FROM rep WHERE role = 'admin' AND active <> 0"));
}

// ---- leads

static void bind_lead(sql::Statement& st, const Lead& l) {
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
  bind_optional(st, st.index(":owner_id"), l.owner_id);
  st.bind(":status", std::string(kLeadStatuses.name(l.status)));
  st.bind(":drop_reason", l.drop_reason);
  bind_optional(st, st.index(":customer_id"), l.customer_id);
  st.bind(":fields", fields_json(l.fields));
}

Id Store::insert_lead(const Lead& l) {
  sql::Statement& st = statement(R"sql(
INSERT INTO lead (name, company, company_key, contact, phone, phone_key, email, email_key, source, grade,
                  owner_id, status, drop_reason, customer_id, fields, created_at)
VALUES (:name, :company, :company_key, :contact, :phone, :phone_key, :email, :email_key, :source, :grade,
        :owner_id, :status, :drop_reason, :customer_id, :fields, :created_at) RETURNING id)sql");
  bind_lead(st, l);
  st.bind(":created_at", l.created_at);
  return inserted(st);
}

void Store::update_lead(const Lead& l) {
  sql::Statement& st = statement(R"sql(
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
  sql::Statement& st = statement(std::string(kLeadSelect) + "WHERE l.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_lead(st);
}

static Where lead_filter(const LeadFilter& f) {
  Where where;
  where.add(f.owner_id.has_value(), "l.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      .add(!f.grade.empty(), "l.grade = :grade", ":grade", f.grade)
      .add(!f.source.empty(), "l.source = :source", ":source", f.source)
      .add(f.status.has_value(), "l.status = :status", ":status", std::string(f.status ? kLeadStatuses.name(*f.status) : ""));
  return where;
}

void Store::each_lead(const LeadFilter& f, const std::function<void(const Lead&)>& each) {
  Where where = lead_filter(f);
  // Not a cached statement: `each` may run others while this one steps.
  auto owned = db_->stream(std::string(kLeadSelect) + where.text() + " ORDER BY l.id");
  sql::Statement& st = *owned;
  where.bind(st);
  while (st.step()) each(read_lead(st));
}

std::vector<Lead> Store::leads(const LeadFilter& f) {
  Where where = lead_filter(f);
  sql::Statement& st = statement(std::string(kLeadSelect) + where.text() + " ORDER BY l.id");
  where.bind(st);
  std::vector<Lead> out;
  while (st.step()) out.push_back(read_lead(st));
  return out;
}

// ---- customers

static void bind_customer(sql::Statement& st, const Customer& c) {
  st.bind(":name", c.name);
  st.bind(":name_key", normalize_company(c.name));
  st.bind(":grade", c.grade);
  st.bind(":segment", c.segment);
  st.bind(":layer", c.layer);
  bind_optional(st, st.index(":owner_id"), c.owner_id);
  st.bind(":phone", c.phone);
  st.bind(":phone_key", normalize_phone(c.phone));
  st.bind(":email", c.email);
  st.bind(":email_key", normalize_email(c.email));
  st.bind(":locked", c.locked ? 1 : 0);
  bind_optional(st, st.index(":lead_id"), c.lead_id);
  bind_text_or_null(st, ":cool_until", c.cool_until);
  bind_text_or_null(st, ":claimed_at", c.claimed_at);
  bind_optional(st, st.index(":previous_owner_id"), c.previous_owner_id);
  bind_optional(st, st.index(":reserved_for_id"), c.reserved_for_id);
  bind_optional(st, st.index(":staked_by_id"), c.staked_by_id);
  bind_text_or_null(st, ":staked_at", c.staked_at);
  st.bind(":fields", fields_json(c.fields));
}

Id Store::insert_customer(const Customer& c) {
  sql::Statement& st = statement(R"sql(
INSERT INTO customer (name, name_key, grade, segment, layer, owner_id, phone, phone_key, email, email_key,
                      locked, lead_id, cool_until, claimed_at, previous_owner_id, reserved_for_id, staked_by_id,
                      staked_at, fields, created_at)
VALUES (:name, :name_key, :grade, :segment, :layer, :owner_id, :phone, :phone_key, :email, :email_key,
        :locked, :lead_id, :cool_until, :claimed_at, :previous_owner_id, :reserved_for_id, :staked_by_id,
        :staked_at, :fields, :created_at) RETURNING id)sql");
  bind_customer(st, c);
  st.bind(":created_at", c.created_at);
  return inserted(st);
}

void Store::update_customer(const Customer& c) {
  sql::Statement& st = statement(R"sql(
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
  sql::Statement& st = statement(std::string(kCustomerSelect) + "WHERE c.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
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
  auto owned = db_->stream(std::string(kCustomerSelect) + where.text() + " ORDER BY c.id");
  sql::Statement& st = *owned;
  where.bind(st);
  while (st.step()) each(read_customer(st));
}

std::vector<Customer> Store::customers(const CustomerFilter& f) {
  Where where = customer_filter(f);
  sql::Statement& st = statement(std::string(kCustomerSelect) + where.text() + " ORDER BY c.id");
  where.bind(st);
  std::vector<Customer> out;
  while (st.step()) out.push_back(read_customer(st));
  return out;
}

std::vector<Id> Store::customers_named(const std::string& name) {
  sql::Statement& st = statement("SELECT id FROM customer WHERE name_key = ? AND name = ? ORDER BY id");
  st.bind(1, normalize_company(name));
  st.bind(2, name);
  std::vector<Id> ids;
  while (st.step()) ids.push_back(st.column(0).int64());
  return ids;
}

int Store::held_customers(Id rep, const std::vector<std::string>& excluded_layers) {
  sql::Statement& st = statement(fmt::format(R"sql(
SELECT count(*) FROM customer
WHERE owner_id = ?1 AND layer NOT IN ({}))sql", numbered_parameters(2, excluded_layers.size())));
  st.bind(1, rep);
  for (std::size_t i = 0; i < excluded_layers.size(); ++i) st.bind(static_cast<int>(i) + 2, excluded_layers[i]);
  st.step();
  return st.column(0).integer();
}

// ---- the pool

std::vector<CustomerClock> Store::customer_clocks(std::optional<Id> owner, std::optional<Id> customer,
                                                  const std::string& abandoned_layer,
                                                  const std::string& stage_probabilities) {
  std::string text = R"sql(
WITH stage_probability (pipeline, stage, probability) AS ({stages})
SELECT c.id, c.name, c.owner_id, r.name, c.segment, c.grade, c.locked, coalesce(c.claimed_at, c.created_at),
  (SELECT coalesce(max(a.at), '') FROM activity a
   WHERE a.customer_id = c.id AND a.valid <> 0 AND a.at >= coalesce(c.claimed_at, c.created_at)),
  (SELECT coalesce(min(a.at), '') FROM activity a
   WHERE a.customer_id = c.id AND a.valid <> 0 AND a.at >= coalesce(c.claimed_at, c.created_at)),
  (SELECT coalesce(max(o.closed_at), '') FROM opportunity o WHERE o.customer_id = c.id AND o.status = 'won'),
  (SELECT max(coalesce(o.manual_probability, sp.probability)) FROM opportunity o
   JOIN stage_probability sp ON sp.pipeline = o.pipeline AND sp.stage = o.stage
   WHERE o.customer_id = c.id AND o.status = 'open'),
  c.layer
FROM customer c JOIN rep r ON r.id = c.owner_id )sql";
  // The stages' probabilities as rows of their own (named parameters, as the filter's).
  auto stages = nlohmann::json::parse(stage_probabilities, nullptr, false);
  if (!stages.is_array()) throw std::logic_error("stage probabilities are a JSON array");
  std::string rows;
  for (std::size_t i = 0; i < stages.size(); ++i)
    rows += fmt::format("{0}SELECT :p{1}, :s{1}, :prob{1}", rows.empty() ? "" : " UNION ALL ", i);
  if (rows.empty()) rows = "SELECT '', '', 0.0 WHERE 1 = 0";
  text = fmt::format(fmt::runtime(text), fmt::arg("stages", rows));
  Where where;
  where.add(true, "c.layer <> :abandoned", ":abandoned", abandoned_layer)
      .add(owner.has_value(), "c.owner_id = :owner", ":owner", owner.value_or(0))
      .add(customer.has_value(), "c.id = :customer", ":customer", customer.value_or(0));
  sql::Statement& st = statement(text + where.text() + " ORDER BY c.id");
  for (std::size_t i = 0; i < stages.size(); ++i) {
    st.bind(fmt::format(":p{}", i).c_str(), stages[i].value("p", ""));
    st.bind(fmt::format(":s{}", i).c_str(), stages[i].value("s", ""));
    st.bind(fmt::format(":prob{}", i).c_str(), stages[i].value("prob", 0.0));
  }
  where.bind(st);
  std::vector<CustomerClock> out;
  while (st.step()) {
    CustomerClock k;
    k.id = st.column(0).int64();
    k.name = st.column(1).text();
    k.owner_id = st.column(2).int64();
    k.owner = st.column(3).text();
    k.segment = st.column(4).text();
    k.grade = st.column(5).text();
    k.locked = st.column(6).integer() != 0;
    k.claimed_at = st.column(7).text();
    k.last_valid_followup = st.column(8).text();
    k.first_valid_followup = st.column(9).text();
    k.last_won = st.column(10).text();
    if (!st.column(11).null()) k.open_probability = st.column(11).real();
    k.layer = st.column(12).text();
    out.push_back(k);
  }
  return out;
}

int Store::claims_on(const std::string& rep, const std::string& date) {
  sql::Statement& st = statement(R"sql(
SELECT count(*) FROM history h JOIN event e ON e.id = h.event_id
WHERE h.subject_kind = 'customer' AND h.field = 'owner' AND h.actor = ?1 AND h.to_value = ?1 AND h.cause = 'claimed'
  AND substr(e.at, 1, 10) = ?2)sql");
  st.bind(1, rep);
  st.bind(2, date);
  st.step();
  return st.column(0).integer();
}

std::string Store::last_lost_at(Id customer, const std::string& rep) {
  // On a server, past the policies: the release may be another's event.
  sql::Statement& st = statement(postgres_ ? "SELECT last_lost_at(?, ?)" : R"sql(
SELECT coalesce(max(CASE WHEN h.at > e.at THEN h.at ELSE e.at END), '') FROM history h JOIN event e ON e.id = h.event_id
WHERE h.subject_kind = 'customer' AND h.subject_id = ? AND h.field = 'owner' AND h.from_value = ?)sql");
  st.bind(1, customer);
  st.bind(2, rep);
  st.step();
  return st.column(0).text();
}

int Store::staked_count(Id rep) {
  sql::Statement& st = statement("SELECT count(*) FROM customer WHERE staked_by_id = ? AND owner_id IS NULL");
  st.bind(1, rep);
  st.step();
  return st.column(0).integer();
}

// ---- people

Id Store::insert_person(const Person& p) {
  sql::Statement& st = statement(R"sql(
INSERT INTO person (customer_id, name, phone, email, title, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id)sql");
  st.bind(1, p.customer_id);
  st.bind(2, p.name);
  st.bind(3, p.phone);
  st.bind(4, p.email);
  st.bind(5, p.title);
  st.bind(6, p.created_at);
  return inserted(st);
}

std::vector<Person> Store::people(Id customer) {
  sql::Statement& st = statement("SELECT id, customer_id, name, phone, email, title, created_at FROM person WHERE customer_id = ? ORDER BY id");
  st.bind(1, customer);
  std::vector<Person> out;
  while (st.step())
    out.push_back({st.column(0).int64(), st.column(1).int64(), st.column(2).text(),
                   st.column(3).text(), st.column(4).text(), st.column(5).text(),
                   st.column(6).text()});
  return out;
}

std::optional<Id> Store::customer_of_person(Id person) {
  sql::Statement& st = statement("SELECT customer_id FROM person WHERE id = ?");
  st.bind(1, person);
  if (!st.step()) return std::nullopt;
  return st.column(0).int64();
}

// ---- activities

Id Store::insert_activity(const Activity& a) {
  sql::Statement& st = statement(R"sql(
INSERT INTO activity (subject_kind, subject_id, customer_id, type, text, at, actor_id, valid, invalid_reason)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)sql");
  st.bind(1, std::string(kind_table(a.subject.kind)));
  st.bind(2, a.subject.id);
  bind_optional(st, 3, a.customer_id);
  st.bind(4, a.type);
  st.bind(5, a.text);
  st.bind(6, a.at);
  st.bind(7, a.actor_id);
  st.bind(8, a.valid ? 1 : 0);
  st.bind(9, a.invalid_reason);
  return inserted(st);
}

std::vector<Activity> Store::activities(Ref subject) {
  // A customer's follow-ups include those logged on its converted lead.
  sql::Statement& st = statement(R"sql(
SELECT a.id, a.subject_kind, a.subject_id, a.customer_id, a.type, a.text, a.at, a.actor_id, r.name, a.valid,
       a.invalid_reason
FROM activity a JOIN rep r ON r.id = a.actor_id
WHERE (a.subject_kind = ?1 AND a.subject_id = ?2) OR (?1 = 'customer' AND a.customer_id = ?2)
ORDER BY a.at, a.id)sql");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  std::vector<Activity> out;
  while (st.step()) {
    Activity a;
    a.id = st.column(0).int64();
    a.subject = {kind_from_table(st.column(1).text()), st.column(2).int64()};
    a.customer_id = optional_id(st.column(3));
    a.type = st.column(4).text();
    a.text = st.column(5).text();
    a.at = st.column(6).text();
    a.actor_id = st.column(7).int64();
    a.actor = st.column(8).text();
    a.valid = st.column(9).integer() != 0;
    a.invalid_reason = st.column(10).text();
    out.push_back(a);
  }
  return out;
}

// ---- duplicates

// SQLite's lookup: one indexed branch per key given (each names its partial
// index's condition, so SQLite may use it); UNION drops a record matched twice.
static std::string duplicate_lookup(const DuplicateKeys& keys) {
  struct Branch {
    const std::string& value;
    const char *customer_column, *lead_column;
  };
  std::string text;
  for (const Branch& b : {Branch{keys.phone, "phone_key", "phone_key"}, Branch{keys.email, "email_key", "email_key"},
                          Branch{keys.company, "name_key", "company_key"}}) {
    if (b.value.empty()) continue;
    text += fmt::format(R"sql({2}
SELECT 'customer', c.id, c.name, coalesce(r.name, ''), c.layer, c.phone_key, c.email_key, c.name_key
FROM customer c LEFT JOIN rep r ON r.id = c.owner_id
WHERE c.{0} = :{1} AND c.{0} <> '' AND NOT (:except_kind = 'customer' AND c.id = :except_id)
UNION
SELECT 'lead', l.id, l.name, coalesce(r.name, ''), 'lead', l.phone_key, l.email_key, l.company_key
FROM lead l LEFT JOIN rep r ON r.id = l.owner_id
WHERE l.{1} = :{1} AND l.{1} <> '' AND l.status = 'open' AND NOT (:except_kind = 'lead' AND l.id = :except_id))sql",
                        b.customer_column, b.lead_column, text.empty() ? "" : "\nUNION");
  }
  return text;
}

std::vector<DuplicateMatch> Store::find_duplicates(const DuplicateKeys& keys, std::optional<Ref> except) {
  if (keys.phone.empty() && keys.email.empty() && keys.company.empty()) return {};
  // On a server, past the policies: a rep's duplicate may be another's record.
  sql::Statement& st = statement(
      postgres_ ? "SELECT * FROM duplicates(:phone_key, :email_key, :company_key, :except_kind, :except_id) ORDER BY kind, id"
                : duplicate_lookup(keys));
  for (auto [name, value] : {std::pair{":phone_key", &keys.phone}, std::pair{":email_key", &keys.email},
                             std::pair{":company_key", &keys.company}})
    if (st.index(name)) st.bind(name, *value);
  st.bind(":except_kind", except ? std::string(kind_table(except->kind)) : std::string());
  st.bind(":except_id", except ? except->id : 0);
  std::vector<DuplicateMatch> out;
  while (st.step()) {
    DuplicateMatch m;
    m.ref = {kind_from_table(st.column(0).text()), st.column(1).int64()};
    m.name = st.column(2).text();
    m.owner = st.column(3).text();
    m.where = st.column(4).text();
    if (!keys.phone.empty() && st.column(5).text() == keys.phone) m.key = "phone", m.value = keys.phone;
    else if (!keys.email.empty() && st.column(6).text() == keys.email) m.key = "email", m.value = keys.email;
    else m.key = "company", m.value = keys.company;
    out.push_back(m);
  }
  return out;
}

// ---- opportunities

const char* kOpportunitySelect = R"sql(
SELECT o.*, c.name AS customer_name, coalesce(r.name, '') AS owner_name
FROM opportunity o JOIN customer c ON c.id = o.customer_id LEFT JOIN rep r ON r.id = o.owner_id )sql";

static Opportunity read_opportunity(sql::Statement& st) {
  Opportunity o;
  o.id = st.column("id").int64();
  o.customer_id = st.column("customer_id").int64();
  o.customer = st.column("customer_name").text();
  o.name = st.column("name").text();
  o.pipeline = st.column("pipeline").text();
  o.stage = st.column("stage").text();
  o.amount = st.column("amount").int64();
  o.close_date = st.column("close_date").text();
  if (!st.column("manual_probability").null()) o.manual_probability = st.column("manual_probability").real();
  o.owner_id = optional_id(st.column("owner_id"));
  o.owner = st.column("owner_name").text();
  o.status = kDealStatuses.stored(st.column("status").text());
  o.lost_reason = st.column("lost_reason").text();
  o.closed_at = st.column("closed_at").text();
  o.stage_since = st.column("stage_since").text();
  o.fields = parse_fields(st.column("fields").text());
  o.created_at = st.column("created_at").text();
  return o;
}

static void bind_opportunity(sql::Statement& st, const Opportunity& o) {
  st.bind(":customer_id", o.customer_id);
  st.bind(":name", o.name);
  st.bind(":pipeline", o.pipeline);
  st.bind(":stage", o.stage);
  st.bind(":amount", o.amount);
  bind_text_or_null(st, ":close_date", o.close_date);
  bind_optional(st, st.index(":manual_probability"), o.manual_probability);
  bind_optional(st, st.index(":owner_id"), o.owner_id);
  st.bind(":status", std::string(kDealStatuses.name(o.status)));
  st.bind(":lost_reason", o.lost_reason);
  bind_text_or_null(st, ":closed_at", o.closed_at);
  st.bind(":stage_since", o.stage_since);
  st.bind(":fields", fields_json(o.fields));
}

Id Store::insert_opportunity(const Opportunity& o) {
  sql::Statement& st = statement(R"sql(
INSERT INTO opportunity (customer_id, name, pipeline, stage, amount, close_date, manual_probability, owner_id,
                         status, lost_reason, closed_at, stage_since, fields, created_at)
VALUES (:customer_id, :name, :pipeline, :stage, :amount, :close_date, :manual_probability, :owner_id,
        :status, :lost_reason, :closed_at, :stage_since, :fields, :created_at) RETURNING id)sql");
  bind_opportunity(st, o);
  st.bind(":created_at", o.created_at);
  return inserted(st);
}

void Store::update_opportunity(const Opportunity& o) {
  sql::Statement& st = statement(R"sql(
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
  sql::Statement& st = statement(std::string(kOpportunitySelect) + "WHERE o.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_opportunity(st);
}

static Where opportunity_filter(const OpportunityFilter& f) {
  Where where;
  where.add(f.owner_id.has_value(), "o.owner_id = :owner", ":owner", f.owner_id.value_or(0))
      .add(f.customer_id.has_value(), "o.customer_id = :customer", ":customer", f.customer_id.value_or(0))
      .add(!f.pipeline.empty(), "o.pipeline = :pipeline", ":pipeline", f.pipeline)
      .add(!f.stage.empty(), "o.stage = :stage", ":stage", f.stage)
      .add(f.status.has_value(), "o.status = :status", ":status", std::string(f.status ? kDealStatuses.name(*f.status) : ""));
  return where;
}

void Store::each_opportunity(const OpportunityFilter& f, const std::function<void(const Opportunity&)>& each) {
  Where where = opportunity_filter(f);
  // Not a cached statement: `each` may run others while this one steps.
  auto owned = db_->stream(std::string(kOpportunitySelect) + where.text() + " ORDER BY o.id");
  sql::Statement& st = *owned;
  where.bind(st);
  while (st.step()) each(read_opportunity(st));
}

std::vector<Opportunity> Store::opportunities(const OpportunityFilter& f) {
  Where where = opportunity_filter(f);
  sql::Statement& st = statement(std::string(kOpportunitySelect) + where.text() + " ORDER BY o.id");
  where.bind(st);
  std::vector<Opportunity> out;
  while (st.step()) out.push_back(read_opportunity(st));
  return out;
}

std::optional<Id> Store::opportunity_named(Id customer, const std::string& name) {
  sql::Statement& st = statement("SELECT max(id) FROM opportunity WHERE customer_id = ? AND name = ?");
  st.bind(1, customer);
  st.bind(2, name);
  st.step();
  return optional_id(st.column(0));
}

void Store::check_action(Id opportunity, const std::string& action, const std::string& at, const std::string& actor) {
  sql::Statement& st = statement(R"sql(
INSERT INTO opportunity_action (opportunity_id, action, checked_at, actor) VALUES (?, ?, ?, ?)
ON CONFLICT (opportunity_id, action) DO NOTHING)sql");
  st.bind(1, opportunity);
  st.bind(2, action);
  st.bind(3, at);
  st.bind(4, actor);
  st.exec();
}

std::vector<std::string> Store::checked_actions(Id opportunity) {
  sql::Statement& st = statement("SELECT action FROM opportunity_action WHERE opportunity_id = ? ORDER BY id");
  st.bind(1, opportunity);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.column(0).text());
  return out;
}

std::string Store::last_activity_at(Ref subject) {
  sql::Statement& st = statement("SELECT coalesce(max(at), '') FROM activity WHERE subject_kind = ? AND subject_id = ?");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  st.step();
  return st.column(0).text();
}

// ---- to-dos and reorder cycles

static Todo read_todo(sql::Statement& st) {
  Todo t;
  t.id = st.column("id").int64();
  t.text = st.column("text").text();
  t.due = st.column("due").text();
  t.owner_id = optional_id(st.column("owner_id"));
  t.owner = st.column("owner_name").text();
  if (!st.column("subject_kind").null())
    t.subject = Ref{kind_from_table(st.column("subject_kind").text()), st.column("subject_id").int64()};
  t.reorder_id = optional_id(st.column("reorder_id"));
  t.occurrence = st.column("occurrence").text();
  t.status = kTodoStatuses.stored(st.column("status").text());
  t.done_at = st.column("done_at").text();
  t.created_at = st.column("created_at").text();
  return t;
}

static void bind_todo(sql::Statement& st, const Todo& t) {
  st.bind(":text", t.text);
  bind_text_or_null(st, ":due", t.due);
  bind_optional(st, st.index(":owner_id"), t.owner_id);
  if (t.subject) {
    st.bind(":subject_kind", std::string(kind_table(t.subject->kind)));
    st.bind(":subject_id", t.subject->id);
  } else {
    st.bind(":subject_kind");
    st.bind(":subject_id");
  }
  bind_optional(st, st.index(":reorder_id"), t.reorder_id);
  bind_text_or_null(st, ":occurrence", t.occurrence);
  st.bind(":status", std::string(kTodoStatuses.name(t.status)));
  bind_text_or_null(st, ":done_at", t.done_at);
}

Id Store::insert_todo(const Todo& t) {
  sql::Statement& st = statement(R"sql(
INSERT INTO todo (text, due, owner_id, subject_kind, subject_id, reorder_id, occurrence, status, done_at, created_at)
VALUES (:text, :due, :owner_id, :subject_kind, :subject_id, :reorder_id, :occurrence, :status, :done_at, :created_at) RETURNING id)sql");
  bind_todo(st, t);
  st.bind(":created_at", t.created_at);
  return inserted(st);
}

void Store::update_todo(const Todo& t) {
  sql::Statement& st = statement(R"sql(
UPDATE todo SET text = :text, due = :due, owner_id = :owner_id, subject_kind = :subject_kind,
  subject_id = :subject_id, reorder_id = :reorder_id, occurrence = :occurrence, status = :status, done_at = :done_at
WHERE id = :id)sql");
  bind_todo(st, t);
  st.bind(":id", t.id);
  st.exec();
}

const char* kTodoSelect = "SELECT t.*, coalesce(r.name, '') AS owner_name FROM todo t LEFT JOIN rep r ON r.id = t.owner_id ";

std::optional<Todo> Store::find_todo(Id id) {
  sql::Statement& st = statement(std::string(kTodoSelect) + "WHERE t.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
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
  sql::Statement& st = statement(std::string(kTodoSelect) + where.text() + " ORDER BY t.due IS NULL, t.due, t.id");
  where.bind(st);
  std::vector<Todo> out;
  while (st.step()) out.push_back(read_todo(st));
  return out;
}

static Reorder read_reorder(sql::Statement& st) {
  Reorder r;
  r.id = st.column("id").int64();
  r.customer_id = st.column("customer_id").int64();
  r.customer = st.column("customer_name").text();
  r.product = st.column("product").text();
  r.every = st.column("every").text();
  r.first_due = st.column("first_due").text();
  r.until = st.column("until").text();
  r.remind_days = st.column("remind_days").integer();
  r.active = st.column("active").integer() != 0;
  r.created_at = st.column("created_at").text();
  return r;
}

const char* kReorderSelect = "SELECT y.*, c.name AS customer_name FROM reorder y JOIN customer c ON c.id = y.customer_id ";

Id Store::insert_reorder(const Reorder& r) {
  sql::Statement& st = statement(R"sql(
INSERT INTO reorder (customer_id, product, every, first_due, until, remind_days, active, created_at)
VALUES (:customer_id, :product, :every, :first_due, :until, :remind_days, :active, :created_at) RETURNING id)sql");
  st.bind(":customer_id", r.customer_id);
  st.bind(":product", r.product);
  st.bind(":every", r.every);
  st.bind(":first_due", r.first_due);
  bind_text_or_null(st, ":until", r.until);
  st.bind(":remind_days", r.remind_days);
  st.bind(":active", r.active ? 1 : 0);
  st.bind(":created_at", r.created_at);
  return inserted(st);
}

void Store::update_reorder(const Reorder& r) {
  sql::Statement& st = statement("UPDATE reorder SET active = ? WHERE id = ?");
  st.bind(1, r.active ? 1 : 0);
  st.bind(2, r.id);
  st.exec();
}

std::optional<Reorder> Store::find_reorder(Id id) {
  sql::Statement& st = statement(std::string(kReorderSelect) + "WHERE y.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_reorder(st);
}

std::vector<Reorder> Store::reorders(bool active_only) {
  sql::Statement& st = statement(std::string(kReorderSelect) + "WHERE ?1 = 0 OR y.active <> 0 ORDER BY y.id");
  st.bind(1, active_only ? 1 : 0);
  std::vector<Reorder> out;
  while (st.step()) out.push_back(read_reorder(st));
  return out;
}

std::optional<std::pair<std::string, bool>> Store::last_reorder_todo(Id reorder) {
  sql::Statement& st = statement(R"sql(
SELECT occurrence, status = 'open' FROM todo WHERE reorder_id = ? ORDER BY occurrence DESC LIMIT 1)sql");
  st.bind(1, reorder);
  if (!st.step()) return std::nullopt;
  return std::make_pair(st.column(0).text(), st.column(1).integer() != 0);
}

// ---- security settings

bool Store::recorded_strict() {
  sql::Statement& st = statement("SELECT strict FROM security WHERE id = 1");
  bool on = st.step() && st.column(0).integer() != 0;
  st.reset();
  return on;
}

void Store::record_strict(bool on) {
  sql::Statement& st = statement(
      "INSERT INTO security (id, strict) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET strict = excluded.strict");
  st.bind(1, std::int64_t{on ? 1 : 0});
  st.exec();
}

// ---- conflicts

Id Store::insert_conflict(const Conflict& c) {
  sql::Statement& st = statement(R"sql(
INSERT INTO conflict (record_kind, record_id, existing_kind, existing_id, key, value, status, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)sql");
  st.bind(1, std::string(kind_table(c.record.kind)));
  st.bind(2, c.record.id);
  st.bind(3, std::string(kind_table(c.existing.kind)));
  st.bind(4, c.existing.id);
  st.bind(5, c.key);
  st.bind(6, c.value);
  st.bind(7, std::string(kConflictStatuses.name(c.status)));
  st.bind(8, c.created_at);
  return inserted(st);
}

std::vector<Conflict> Store::conflicts(std::optional<ConflictStatus> status) {
  // Each record's owner, and whether the reader may read it at all (on a
  // server the policies hide another rep's rows, which is not the pool).
  sql::Statement& st = statement(R"sql(
SELECT x.id, x.record_kind, x.record_id, x.existing_kind, x.existing_id, x.key, x.value, x.status, x.created_at,
       x.resolved_to, x.resolution,
       rl.id IS NOT NULL OR rc.id IS NOT NULL, coalesce(rl.owner_id, rc.owner_id),
       el.id IS NOT NULL OR ec.id IS NOT NULL, coalesce(el.owner_id, ec.owner_id)
FROM conflict x
LEFT JOIN lead rl ON x.record_kind = 'lead' AND rl.id = x.record_id
LEFT JOIN customer rc ON x.record_kind = 'customer' AND rc.id = x.record_id
LEFT JOIN lead el ON x.existing_kind = 'lead' AND el.id = x.existing_id
LEFT JOIN customer ec ON x.existing_kind = 'customer' AND ec.id = x.existing_id
WHERE ?1 = '' OR x.status = ?1 ORDER BY x.id)sql");
  st.bind(1, std::string(status ? kConflictStatuses.name(*status) : ""));
  std::vector<Conflict> out;
  while (st.step())
    out.push_back({st.column(0).int64(),
                   {kind_from_table(st.column(1).text()), st.column(2).int64()},
                   {kind_from_table(st.column(3).text()), st.column(4).int64()},
                   st.column(5).text(), st.column(6).text(), kConflictStatuses.stored(st.column(7).text()),
                   st.column(8).text(), st.column(9).text(), st.column(10).text(),
                   {st.column(11).integer() != 0, optional_id(st.column(12))},
                   {st.column(13).integer() != 0, optional_id(st.column(14))}});
  return out;
}

void Store::resolve_conflict(Id id, const std::string& to, const std::string& resolution) {
  sql::Statement& st = statement("UPDATE conflict SET status = 'resolved', resolved_to = ?, resolution = ? WHERE id = ?");
  st.bind(1, to);
  st.bind(2, resolution);
  st.bind(3, id);
  st.exec();
}

std::string Store::first_valid_followup(Ref subject) {
  sql::Statement& st = statement(R"sql(
SELECT coalesce(min(at), '') FROM activity
WHERE valid <> 0 AND ((subject_kind = ?1 AND subject_id = ?2) OR (?1 = 'customer' AND customer_id = ?2)))sql");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  st.step();
  return st.column(0).text();
}

std::pair<int, int> Store::followup_counts(Id rep, const std::string& from, const std::string& to) {
  sql::Statement& st = statement(R"sql(
SELECT count(*), coalesce(sum(1 - valid), 0) FROM activity WHERE actor_id = ? AND at >= ? AND at < ?)sql");
  st.bind(1, rep);
  st.bind(2, from);
  st.bind(3, to);
  st.step();
  return {st.column(0).integer(), st.column(1).integer()};
}

int Store::staked_signings(const std::string& rep, const std::string& from, const std::string& to) {
  sql::Statement& st = statement(R"sql(
SELECT count(*) FROM opportunity o JOIN rep r ON r.id = o.owner_id
WHERE o.status = 'won' AND o.closed_at >= ?2 AND o.closed_at < ?3 AND r.name = ?1
  AND EXISTS (SELECT 1 FROM history h WHERE h.subject_kind = 'customer' AND h.subject_id = o.customer_id
              AND h.field = 'stake' AND h.to_value = ?1))sql");
  st.bind(1, rep);
  st.bind(2, from);
  st.bind(3, to);
  st.step();
  return st.column(0).integer();
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
}  // namespace

std::vector<StoredKey> Store::stored_keys() {
  sql::Statement& st = statement(R"sql(
SELECT 0, '', pipeline, count(*) FROM opportunity GROUP BY pipeline
UNION ALL SELECT 1, pipeline, stage, count(*) FROM opportunity GROUP BY pipeline, stage
UNION ALL SELECT 2, '', layer, count(*) FROM customer GROUP BY layer
UNION ALL SELECT 3, 'customer', grade, count(*) FROM customer WHERE grade <> '' GROUP BY grade
UNION ALL SELECT 3, 'lead', grade, count(*) FROM lead WHERE grade <> '' GROUP BY grade
UNION ALL SELECT 4, '', segment, count(*) FROM customer GROUP BY segment)sql");
  std::vector<StoredKey> out;
  while (st.step())
    out.push_back({static_cast<KeyKind>(st.column(0).integer()), st.column(1).text(),
                   st.column(2).text(), st.column(3).integer()});
  // Custom fields' keys are read here rather than by the database's JSON
  // functions, which fail on a record whose fields are damaged (doctor
  // names those).
  for (const char* table : {"lead", "customer", "opportunity"}) {
    std::map<std::string, int> keys;
    sql::Statement& fields = statement(fmt::format("SELECT fields FROM {} WHERE fields <> '{{}}'", table));
    while (fields.step())
      for (const auto& [key, value] : parse_fields(fields.column(0).text())) ++keys[key];
    for (const auto& [key, count] : keys) out.push_back({KeyKind::field, table, key, count});
  }
  return out;
}

std::vector<std::pair<std::string, int>> Store::field_values(const std::string& entity, const std::string& key) {
  std::map<std::string, int> values;
  sql::Statement& st = statement(fmt::format("SELECT fields FROM {} WHERE fields <> '{{}}'", entity_table(entity)));
  while (st.step()) {
    Fields fields = parse_fields(st.column(0).text());
    if (auto found = fields.find(key); found != fields.end() && found->second != "null") ++values[found->second];
  }
  return {values.begin(), values.end()};
}

int Store::rename_key(KeyKind kind, const std::string& scope, const std::string& from, const std::string& to) {
  auto run = [&](const std::string& sql) {
    sql::Statement& st = statement(sql);
    if (st.index(":from")) st.bind(":from", from);
    if (st.index(":to")) st.bind(":to", to);
    if (st.index(":scope")) st.bind(":scope", scope);
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
    case KeyKind::field: {
      // Renamed here rather than by the database's JSON functions, which
      // fail on a record whose fields are damaged (doctor names those).
      std::vector<std::pair<Id, std::string>> renamed;
      sql::Statement& st = statement(fmt::format("SELECT id, fields FROM {} WHERE fields <> '{{}}'", entity_table(scope)));
      while (st.step()) {
        auto fields = nlohmann::json::parse(st.column(1).text(), nullptr, false);
        if (!fields.is_object() || !fields.contains(from) || fields[from].is_null()) continue;
        fields[to] = fields[from];
        fields.erase(from);
        renamed.emplace_back(st.column(0).int64(), fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }
      for (const auto& [id, fields] : renamed) {
        sql::Statement& update = statement(fmt::format("UPDATE {} SET fields = ? WHERE id = ?", entity_table(scope)));
        update.bind(1, fields);
        update.bind(2, id);
        update.exec();
      }
      return static_cast<int>(renamed.size());
    }
  }
  return 0;
}

// ---- backup and doctor

namespace {

// The workspace's tables, by name, without a session's state or the
// server's version row: the data an export holds.
std::vector<std::string> table_names(sql::Connection& db) {
  auto st = db.prepare(db.dialect() == sql::Dialect::sqlite
                           ? "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
                           : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'hopper' "
                             "AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"");
  std::vector<std::string> names;
  while (st->step())
    if (std::string name = st->column(0).text(); name != "current_event" && name != "schema_version")
      names.push_back(name);
  return names;
}

std::vector<std::string> column_names(sql::Connection& db, const std::string& table) {
  auto st = db.prepare(db.dialect() == sql::Dialect::sqlite
                           ? "SELECT name FROM pragma_table_info(?) ORDER BY cid"
                           : "SELECT column_name FROM information_schema.columns WHERE table_schema = 'hopper' "
                             "AND table_name = ? ORDER BY ordinal_position");
  st->bind(1, table);
  std::vector<std::string> names;
  while (st->step()) names.push_back(st->column(0).text());
  return names;
}

}  // namespace

void Store::export_rows(const std::function<void(const std::string& table, const std::string& row)>& each) {
  for (const auto& table : table_names(*db_)) {
    std::string object;  // names from the schema
    if (postgres_) {
      object = fmt::format("row_to_json(\"{}\")", table);
    } else {
      for (const auto& c : column_names(*db_, table))
        object += fmt::format("{}'{}', \"{}\"", object.empty() ? "" : ", ", c, c);
      object = "json_object(" + object + ")";
    }
    auto st = db_->stream(fmt::format("SELECT {} FROM \"{}\" ORDER BY id", object, table));
    while (st->step()) each(table, st->column(0).text());
  }
}

long Store::record_count() {
  long n = 0;
  for (const char* table : kAuditedTables)
    if (std::string_view(table) != "rep" && std::string_view(table) != "security")
      n += db_->query_int(fmt::format("SELECT count(*) FROM {}", table));
  return n;
}

void Store::begin_restore() {
  // Deferred foreign keys and undoing a half restore both need a transaction.
  if (!db_->in_transaction()) throw std::logic_error("a restore runs inside a write transaction");
  restore_columns_.clear();
  std::string tables;
  for (const auto& table : table_names(*db_)) {
    restore_columns_[table] = column_names(*db_, table);
    tables += (tables.empty() ? "\"" : ", \"") + table + "\"";
  }
  if (postgres_) {  // the tables' owner's right: others are refused (exit 9)
    for (const auto& [table, columns] : restore_columns_)
      db_->exec(fmt::format("ALTER TABLE \"{}\" DISABLE TRIGGER USER", table));
    db_->exec("TRUNCATE " + tables);  // all at once: no foreign key is left dangling
    db_->exec("SET CONSTRAINTS ALL DEFERRED");
    return;
  }
  db_->exec("PRAGMA defer_foreign_keys = ON");
  for (const char* table : kAuditedTables)
    db_->exec(fmt::format("DROP TRIGGER {0}_audit_insert; DROP TRIGGER {0}_audit_update; DROP TRIGGER {0}_never_delete",
                          table));
  for (const auto& [table, columns] : restore_columns_) db_->exec(fmt::format("DELETE FROM \"{}\"", table));
}

// A restored row the database refused is bad input (exit 6); a fault of the
// machine or the server stays what it is.
[[noreturn]] static void refuse_restored(const std::string& table, const sql::Failure& e) {
  if (e.kind() != sql::Failure::Kind::constraint && e.kind() != sql::Failure::Kind::other) throw e;
  throw Error(Exit::invalid, fmt::format("{}: {}", table, e.what()));
}

void Store::restore_row(const std::string& table, const nlohmann::json& j) {
  auto found = restore_columns_.find(table);
  if (!j.is_object() || found == restore_columns_.end())
    throw Error(Exit::config, fmt::format("table '{}' is not in this schema (version {})", table, kSchemaVersion));
  const auto& known = found->second;
  for (auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end())
      throw Error(Exit::config, fmt::format("column {}.{} is not in this schema (version {})", table, key, kSchemaVersion));
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max())
      throw Error(Exit::invalid, fmt::format("{}.{}: {} is past the largest number a column holds (2^63 − 1)", table,
                                             key, value.dump()));
  }
  if (postgres_) return restore_row_by_copy(table, j);
  std::string columns, values;
  for (auto& [key, value] : j.items()) {
    columns += (columns.empty() ? "\"" : ", \"") + key + "\"";
    values += values.empty() ? "?" : ", ?";
  }
  sql::Statement& st = statement(fmt::format("INSERT INTO \"{}\" ({}) VALUES ({})", table, columns, values));
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
  } catch (const sql::Failure& e) {
    refuse_restored(table, e);
  }
}

// On a server the rows of a table stream in through one COPY, started anew
// when the table or its columns change.
void Store::restore_row_by_copy(const std::string& table, const nlohmann::json& j) {
  std::vector<std::string> columns;
  std::vector<std::optional<std::string>> values;
  for (auto& [key, value] : j.items()) {
    columns.push_back(key);
    if (value.is_null()) values.emplace_back();
    else if (value.is_number_integer()) values.push_back(std::to_string(value.get<std::int64_t>()));
    else if (value.is_number()) values.push_back(fmt::format("{}", value.get<double>()));
    else if (value.is_string()) values.push_back(value.get<std::string>());
    else values.push_back(value.dump());
  }
  std::string target = table + "(" + fmt::format("{}", fmt::join(columns, ",")) + ")";
  if (!postgres_->copying() || target != copy_target_) {
    end_copy();
    postgres_->copy_begin(table, columns);
    copy_target_ = target;
  }
  postgres_->copy_row(values);
}

void Store::end_copy() {
  if (!postgres_->copying()) return;
  try {
    postgres_->copy_end();
  } catch (const sql::Failure& e) {
    refuse_restored(copy_target_.substr(0, copy_target_.find('(')), e);
  }
}

std::vector<DanglingKey> Store::end_restore(int limit) {
  if (postgres_) end_copy();
  // Checked here, where each can be named, rather than by the commit.
  if (auto dangling = dangling_keys(limit); !dangling.empty()) return dangling;
  if (postgres_) {  // the triggers come back; ids go on after the restored ones
    db_->exec("SET CONSTRAINTS ALL IMMEDIATE");
    for (const auto& table : table_names(*db_)) {
      db_->exec(fmt::format("ALTER TABLE \"{}\" ENABLE TRIGGER USER", table));
      db_->exec(fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), coalesce(max(id), 0) + 1, false) FROM \"{0}\"",
                            table));
    }
    db_->exec("SELECT map_role(name) FROM rep WHERE active = 1");  // each rep connects as their role
  } else {
    install_audit_triggers(*db_);
  }
  restore_columns_.clear();
  restored_ = true;
  // The restored log's newest event is where the log goes on.
  set_current_event(db_->query_int("SELECT coalesce(max(id), 0) FROM event"));
  return {};
}

void Store::backup_to(const std::filesystem::path& file) {
  if (!sqlite_)
    throw Error(Exit::config, "a workspace on a server is backed up by the server: pg_dump (see docs/team.md)");
  struct stat source {};
  if (::stat(sqlite_->filename().c_str(), &source) != 0)
    throw Error(Exit::config, fmt::format("cannot read the mode of '{}'", sqlite_->filename()));
  if (std::filesystem::exists(file))
    throw Error(Exit::config, fmt::format("'{}' exists; backup never overwrites: choose another name", file.string()));
  create_private_file(file, source.st_mode & 0777);  // a copy is as private as the original
  try {
    sqlite_->backup_to(file);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(file, ec);  // no half backup left behind
    throw;
  }
}

namespace {
std::vector<std::string> sentences(sql::Statement& st) {
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.column(0).text());
  return out;
}
}  // namespace

// A server checks its pages and every foreign key on every write itself.
std::vector<std::string> Store::integrity_problems(int limit) {
  if (!sqlite_) return {};
  sql::Statement& st = statement("SELECT * FROM pragma_integrity_check(?)");
  st.bind(1, limit);
  auto out = sentences(st);
  if (out.size() == 1 && out[0] == "ok") out.clear();
  return out;
}

std::vector<std::string> Store::foreign_key_problems(int limit) {
  if (!sqlite_) return {};
  std::vector<std::string> out;
  for (const DanglingKey& d : dangling_keys(limit))
    out.push_back(fmt::format("{} {}: {} {} is no {} row", d.table, d.id, d.column, d.value, d.parent));
  return out;
}

std::vector<DanglingKey> Store::dangling_keys(int limit) {
  // Each foreign key of the workspace's tables (one column each): table,
  // column, the table it refers to, and that table's column.
  auto keys = db_->prepare(sqlite_ ? R"sql(
SELECT m.name, f."from", f."table", coalesce(f."to", 'id')
FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' ORDER BY m.name, f.id)sql"
                                   : R"sql(
SELECT t.relname, a.attname, pt.relname, pa.attname
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
  JOIN pg_class pt ON pt.oid = c.confrelid JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
WHERE c.contype = 'f' AND n.nspname = 'hopper' ORDER BY t.relname COLLATE "C", a.attname COLLATE "C")sql");
  std::vector<std::array<std::string, 4>> foreign_keys;
  auto tables = table_names(*db_);  // not a session's own state
  while (keys->step())
    if (std::find(tables.begin(), tables.end(), keys->column(0).text()) != tables.end())
      foreign_keys.push_back({keys->column(0).text(), keys->column(1).text(), keys->column(2).text(), keys->column(3).text()});
  std::vector<DanglingKey> out;
  for (const auto& [table, column, parent, parent_column] : foreign_keys) {  // names from the schema
    if (static_cast<int>(out.size()) >= limit) break;
    auto st = db_->prepare(fmt::format(R"sql(
SELECT c.id, CAST(c."{1}" AS TEXT) FROM "{0}" c
WHERE c."{1}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "{2}" p WHERE p."{3}" = c."{1}") ORDER BY c.id LIMIT {4})sql",
                                       table, column, parent, parent_column, limit - static_cast<int>(out.size())));
    while (st->step()) out.push_back({table, st->column(0).int64(), column, st->column(1).text(), parent});
  }
  return out;
}

namespace {
// The columns that hold a date or a time: at, due, until, occurrence and
// those named …_at, …_until, …_date, …_since or …_due.
bool holds_time(std::string_view column) {
  for (std::string_view name : {"at", "due", "until", "occurrence"})
    if (column == name) return true;
  for (std::string_view suffix : {"_at", "_until", "_date", "_since", "_due"})
    if (column.ends_with(suffix)) return true;
  return false;
}
}  // namespace

bool Store::audits(std::string_view table) {
  return std::find(std::begin(kAuditedTables), std::end(kAuditedTables), table) != std::end(kAuditedTables);
}

void Store::each_stored_text(const std::function<void(const StoredText&)>& each) {
  for (const auto& table : table_names(*db_)) {
    std::vector<std::pair<std::string, StoredText::Form>> columns;  // names from the schema
    for (auto& c : column_names(*db_, table)) {
      if (holds_time(c)) columns.emplace_back(std::move(c), StoredText::Form::time);
      else if (c == "fields") columns.emplace_back(std::move(c), StoredText::Form::fields);
      else if (c.ends_with("_kind")) columns.emplace_back(std::move(c), StoredText::Form::kind);
      else if (table == "event_change" && c == "tbl") columns.emplace_back(std::move(c), StoredText::Form::audited_table);
    }
    if (columns.empty()) continue;
    std::string list;
    for (const auto& [c, form] : columns) list += fmt::format(", \"{}\"", c);
    auto st = db_->stream(fmt::format("SELECT id{} FROM \"{}\" ORDER BY id", list, table));
    while (st->step()) {
      Id id = st->column(0).int64();
      for (std::size_t i = 0; i < columns.size(); ++i) {
        std::string text = st->column(static_cast<int>(i) + 1).text();
        if (!text.empty()) each({columns[i].second, table, id, columns[i].first, text});
      }
    }
  }
}

std::vector<std::string> Store::deals_not_with_their_customer(int limit) {
  sql::Statement& st = statement(R"sql(
SELECT 'O' || o.id || ' is open with ' || coalesce(r.name, 'nobody') || ' but customer C' || c.id || ' belongs to '
       || coalesce(cr.name, 'the pool')
FROM opportunity o JOIN customer c ON c.id = o.customer_id
  LEFT JOIN rep r ON r.id = o.owner_id LEFT JOIN rep cr ON cr.id = c.owner_id
WHERE o.status = 'open' AND o.owner_id IS DISTINCT FROM c.owner_id LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::stages_not_matching_history(int limit) {
  sql::Statement& st = statement(R"sql(
SELECT 'O' || o.id || ' is in ' || o.stage || ' but its history last moved it to ' || coalesce(h.to_value, 'nothing')
FROM opportunity o LEFT JOIN history h ON h.id = (
  SELECT max(id) FROM history WHERE subject_kind = 'opportunity' AND subject_id = o.id AND field = 'stage')
WHERE h.to_value IS DISTINCT FROM o.stage LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::changes_without_event(int limit) {
  sql::Statement& st = statement(R"sql(
SELECT 'change ' || c.id || ' of ' || c.tbl || ' ' || c.row_id || ' has no event'
FROM event_change c LEFT JOIN event e ON e.id = c.event_id WHERE e.id IS NULL
UNION ALL
SELECT 'history row ' || h.id || ' (' || h.subject_kind || ' ' || h.subject_id || ') has no event'
FROM history h LEFT JOIN event e ON e.id = h.event_id WHERE e.id IS NULL LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::vector<std::string> Store::records_of_departed_reps(int limit) {
  sql::Statement& st = statement(R"sql(
SELECT 'customer C' || c.id || ' is owned by ' || r.name || ', who has left'
FROM customer c JOIN rep r ON r.id = c.owner_id WHERE r.active = 0
UNION ALL
SELECT 'open lead L' || l.id || ' is owned by ' || r.name || ', who has left'
FROM lead l JOIN rep r ON r.id = l.owner_id WHERE r.active = 0 AND l.status = 'open' LIMIT ?)sql");
  st.bind(1, limit);
  return sentences(st);
}

std::optional<std::string> Store::last_assigned_rep() {
  sql::Statement& st = statement(R"sql(
SELECT to_value FROM history WHERE field = 'owner' AND subject_kind = 'customer' AND cause = 'assigned'
ORDER BY id DESC LIMIT 1)sql");
  if (!st.step()) return std::nullopt;
  return st.column(0).text();
}

std::map<Id, double> Store::won_amounts_since(const std::string& since) {
  // A float sum: it ranks reps and cannot overflow.
  sql::Statement& st = statement(R"sql(
SELECT owner_id, sum(CAST(amount AS DOUBLE PRECISION)) FROM opportunity
WHERE status = 'won' AND closed_at >= ? AND owner_id IS NOT NULL GROUP BY owner_id)sql");
  st.bind(1, since);
  std::map<Id, double> out;
  while (st.step()) out[st.column(0).int64()] = st.column(1).real();
  return out;
}

}  // namespace hopper
