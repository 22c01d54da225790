// The store: schema, migrations and every SQL statement of hopper, on a
// SQLite file or a PostgreSQL server. Nothing outside the store module
// (src/store/ and the scripts of sql/) speaks SQL.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "hopper/records.h"
#include "hopper/store_failure.h"

namespace hopper {
namespace sql {
class Connection;
class Statement;
}  // namespace sql
class Backend;  // the database under the store: src/store/backend.h

// A workspace on a PostgreSQL server: a libpq URL or connection string
// ("postgresql://host/db", "service=team"); credentials come from libpq's
// own places (~/.pgpass, PGPASSWORD, pg_service.conf), never from funnel.toml.
struct ServerStore {
  std::string url;
};

// Who the server says is connected, and its clock: on a server the actor is
// the connected role, and writes use the server's time.
struct ServerSession {
  std::string user;    // current_user
  std::string now;     // the server's local time, YYYY-MM-DDTHH:MM:SS
  bool owner = false;  // the role owns the workspace's schema (its DBA)
};

struct LeadFilter {
  std::optional<Id> owner_id;
  std::string grade;
  std::string source;
  std::optional<LeadStatus> status;  // none: all
};

struct OpportunityFilter {
  std::optional<Id> owner_id;
  std::optional<Id> customer_id;
  std::string pipeline;
  std::string stage;
  std::optional<DealStatus> status;  // none: all
};

struct TodoFilter {
  std::optional<Id> owner_id;
  bool open_only = true;
  std::optional<Id> customer_id;  // about this customer or one of its opportunities
};

// What the recycling rules read about one owned customer.
struct CustomerClock {
  Id id = 0;
  std::string name;
  Id owner_id = 0;
  std::string owner;
  std::string segment;
  std::string grade;
  std::string layer;
  bool locked = false;
  std::string claimed_at;
  std::string last_valid_followup;   // at or after the claim
  std::string first_valid_followup;  // at or after the claim
  std::string last_won;              // closed_at of its latest won opportunity
  std::optional<double> open_probability;  // the highest of its open opportunities
};

// A stage's win probability in funnel.toml: what the store's SQL of a deal's
// win probability is built from (the rule of effective_probability).
struct StageProbability {
  std::string pipeline;
  std::string stage;
  double probability = 0;
};

struct CustomerFilter {
  std::optional<Id> owner_id;
  bool pool_only = false;
  std::string layer;
  std::string grade;
  std::string segment;
};

// An existing record that shares a duplicate key with a new one.
struct DuplicateMatch {
  Ref ref;
  std::string name;
  std::string owner;  // empty: shared pool / nobody
  std::string where;  // the customer's layer key, or "lead"
  std::string key;    // phone | email | company
  std::string value;
};

struct DuplicateKeys {
  std::string phone;    // normalised; empty when not matched on
  std::string email;
  std::string company;
};

// A stage/layer/owner/pool change: what `hopper history` shows (docs/json.md#history).
struct HistoryEntry {
  Id id = 0;
  std::string at;
  std::string actor;
  Ref subject{Kind::customer, 0};
  std::string field;  // layer | owner | status | stage …
  std::string from;
  std::string to;
  std::string reason;
  Cause cause = Cause::none;  // owner changes: why, typed
  std::string rule;           // Cause::recycled: the pool rule that released it
};

// Who ran a command and when: the clock and actor it ran as (--now, --as)
// beside the real system time and OS account, so a moved clock or a borrowed
// name is always on the record.
struct EventStamp {
  std::string at;       // the clock (--now)
  std::string actor;    // the acting rep (--as)
  std::string argv;     // JSON array of the words
  std::string real_at;  // the system time
  std::string os_user;  // getpwuid(geteuid())
};

// One row changed by one command, from the event log.
struct ChangeEntry {
  Id event_id = 0;
  std::string at;
  std::string actor;
  std::string command;
  std::string outcome;
  std::string table;
  Id row_id = 0;
  std::string op;      // insert | update | denied
  std::string before;  // JSON object text, empty for inserts
  std::string after;
  std::string reason;  // from the history rows the command wrote for this record
  std::string real_at;
  std::string os_user;
};

// Which part of the event log to read: one record's changes, a span of the
// clock the commands ran under ([since, until), either open), one rep's.
struct ChangeFilter {
  std::optional<Ref> subject;
  std::string since, until;  // YYYY-MM-DDTHH:MM:SS; empty: open
  std::string actor;         // empty: everyone
};

// The keys of funnel.toml that records store, with how many use each.
enum class KeyKind { pipeline, stage, layer, grade, segment, field };
struct StoredKey {
  KeyKind kind;
  std::string scope;  // stage: its pipeline; grade and field: lead | customer | opportunity
  std::string key;
  int count = 0;
};

// A row whose key points to no row: a hand-edited file, a tampered export.
struct DanglingKey {
  std::string table;   // the row's table
  Id id = 0;           // the row's id
  std::string column;  // owner_id
  std::string value;   // what the column holds
  std::string parent;  // the table it should be a row of: rep
};

// A stored value with a form of its own, as text, for doctor to read back:
// a date or time (YYYY-MM-DD[THH:MM:SS]), a record's custom fields (a JSON
// object), the kind of record a row is about (a record table: customer),
// or the table a change of the log is of (one the log audits).
struct StoredText {
  enum class Form { time, fields, kind, audited_table };
  Form form;
  const std::string& table;
  Id id;
  const std::string& column;
  const std::string& text;
};

class Store {
 public:
  static constexpr int kSchemaVersion = 7;
  // Whether the event log files the changes of this table.
  static bool audits(std::string_view table);

  // Opens (and with `create`, creates with mode 0600, or 0660 when shared)
  // the database; migrates an older schema forward after copying the file to
  // hopper.db.bak-vN; refuses a newer one with Error(config). A migration's
  // own changes are filed under an event of `migration` (when, who; its argv
  // says "migrate" and the versions), or left out of the log without one.
  Store(const std::filesystem::path& path, int busy_timeout_ms, bool create, bool shared = false,
        const EventStamp* migration = nullptr);
  // A workspace on a server; `create` makes its schema, roles and policies
  // in an empty database (sql/postgresql/), else the schema must be there.
  // An older schema is moved forward by its owner only (others get
  // Error(config) saying who can), after `confirm_migration(from, to)` has
  // not thrown, in one transaction under an event of `migration` (its argv
  // says "migrate" and the versions; its actor is the connected role).
  Store(const ServerStore& server, int busy_timeout_ms, bool create, const EventStamp* migration = nullptr,
        const std::function<void(int from, int to)>& confirm_migration = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version();
  // The SQL that moves a SQLite database from `version` to `version + 1`.
  static std::string migration_script(int version);
  // On a server: who is connected and the server's clock; none on a file.
  std::optional<ServerSession> server_session();
  // BEGIN IMMEDIATE for writes, BEGIN under PRAGMA query_only for reads;
  // SQLITE_BUSY → Error(busy).
  void begin(bool write);
  void commit();
  void rollback();
  // A savepoint inside the transaction, so that one imported row is kept or
  // undone whole.
  void savepoint();
  void release_savepoint();
  void rollback_to_savepoint();

  // Event log: opened first thing in every write transaction; triggers file
  // each row's before and after under it.
  Id begin_event(const EventStamp& stamp);
  void set_event_outcome(Id event, const std::string& outcome);
  // Whether this transaction has anything to keep: a change filed under the
  // event it began, or a restore (whose log ends in the export's events).
  bool changed_anything();
  // The log, newest first, one row at a time: a log of any length streams.
  void each_change(const ChangeFilter& filter, const std::function<void(const ChangeEntry&)>& each);

  void add_history(const HistoryEntry& entry);
  std::vector<HistoryEntry> history(Ref subject);
  // Every history row of one kind of record for the given fields, before a
  // time, ordered by record and time, one at a time: the replay that reports
  // stand on.
  void each_history_row(Kind kind, const std::vector<std::string>& fields, const std::string& before,
                        const std::function<void(const HistoryEntry&)>& each);

  // Reps
  Id insert_rep(const Rep& rep);
  void update_rep(const Rep& rep);
  std::optional<Rep> find_rep(const std::string& name);
  std::optional<Rep> find_rep(Id id);
  std::vector<Rep> reps();
  int count_admins();

  // Leads
  Id insert_lead(const Lead& lead);
  void update_lead(const Lead& lead);
  std::optional<Lead> find_lead(Id id);
  std::vector<Lead> leads(const LeadFilter& filter);
  // The same, one at a time, for lists of any length.
  void each_lead(const LeadFilter& filter, const std::function<void(const Lead&)>& each);

  // Customers
  Id insert_customer(const Customer& customer);
  void update_customer(const Customer& customer);
  std::optional<Customer> find_customer(Id id);
  std::vector<Customer> customers(const CustomerFilter& filter);
  void each_customer(const CustomerFilter& filter, const std::function<void(const Customer&)>& each);
  // Customers named exactly `name` (an import names a customer by it).
  std::vector<Id> customers_named(const std::string& name);
  // Customers owned by the rep whose layer is not in `excluded_layers`.
  int held_customers(Id rep, const std::vector<std::string>& excluded_layers);

  // The pool
  // Clocks of owned, not abandoned customers, their deals weighed by the
  // probabilities of `stages`.
  std::vector<CustomerClock> customer_clocks(std::optional<Id> owner, std::optional<Id> customer,
                                             const std::string& abandoned_layer,
                                             const std::vector<StageProbability>& stages);
  // Claims made on that day of the command clock (not --at: back-dating a
  // claim must not free today's limit).
  int claims_on(const std::string& rep, const std::string& date);
  // When the rep last lost the customer, by the later of --at and the
  // command clock (a back-dated release must not shorten the cooldown); "" when never.
  std::string last_lost_at(Id customer, const std::string& rep);
  int staked_count(Id rep);

  // People
  Id insert_person(const Person& person);
  std::vector<Person> people(Id customer);
  std::optional<Id> customer_of_person(Id person);

  // Activities (follow-ups)
  Id insert_activity(const Activity& activity);
  std::vector<Activity> activities(Ref subject);

  // Duplicates over open leads and customers; `except` is left out.
  std::vector<DuplicateMatch> find_duplicates(const DuplicateKeys& keys, std::optional<Ref> except);

  // Opportunities
  Id insert_opportunity(const Opportunity& opp);
  void update_opportunity(const Opportunity& opp);
  std::optional<Opportunity> find_opportunity(Id id);
  std::vector<Opportunity> opportunities(const OpportunityFilter& filter);
  void each_opportunity(const OpportunityFilter& filter, const std::function<void(const Opportunity&)>& each);
  // The customer's latest opportunity named exactly `name`.
  std::optional<Id> opportunity_named(Id customer, const std::string& name);
  void check_action(Id opportunity, const std::string& action, const std::string& at, const std::string& actor);
  std::vector<std::string> checked_actions(Id opportunity);
  // When the opportunity last saw a follow-up, or "" when never.
  std::string last_activity_at(Ref subject);

  // To-dos and reorder cycles
  Id insert_todo(const Todo& todo);
  void update_todo(const Todo& todo);
  std::optional<Todo> find_todo(Id id);
  std::vector<Todo> todos(const TodoFilter& filter);
  Id insert_reorder(const Reorder& reorder);
  void update_reorder(const Reorder& reorder);
  std::optional<Reorder> find_reorder(Id id);
  std::vector<Reorder> reorders(bool active_only);
  // The latest occurrence a to-do was made for, and whether that to-do is open.
  std::optional<std::pair<std::string, bool>> last_reorder_todo(Id reorder);

  // Conflicts
  Id insert_conflict(const Conflict& conflict);
  std::vector<Conflict> conflicts(std::optional<ConflictStatus> status);  // none: all
  void resolve_conflict(Id id, const std::string& to, const std::string& resolution);
  // When the subject first saw a valid follow-up ("" when never).
  std::string first_valid_followup(Ref subject);

  // Reports
  // Activities the rep logged in [from, to): all, and how many were not valid follow-ups.
  std::pair<int, int> followup_counts(Id rep, const std::string& from, const std::string& to);
  // Won deals of the rep in [from, to) on customers the rep had staked.
  int staked_signings(const std::string& rep, const std::string& from, const std::string& to);

  // [security] strict as an admin recorded it in the database (hopper
  // config strict), where a rep's own funnel.toml cannot turn it off; false
  // while nothing is recorded.
  bool recorded_strict();
  void record_strict(bool on);

  // funnel.toml against the records: every stored key with its count; the
  // distinct stored values of one custom field; renaming a key in every
  // record (and in history, so reports replay under the new key). `scope`
  // narrows a stage rename to one pipeline. Returns the records changed.
  std::vector<StoredKey> stored_keys();
  std::vector<std::pair<std::string, int>> field_values(FieldEntity entity, const std::string& key);
  int rename_key(KeyKind kind, const std::string& scope, const std::string& from, const std::string& to);

  // The whole workspace as data (`hopper export`, docs/json.md#export): every row of every table,
  // tables by name and rows by id, each a JSON object of its columns.
  void export_rows(const std::function<void(const std::string& table, const std::string& row)>& each);
  // Restoring an export: how many records (not reps, not the event log) the
  // workspace holds; then, with the log's triggers off, every table emptied
  // and the exported rows put back exactly as they were (Error(config) for a
  // table or column this schema does not have, Error(invalid) for a number
  // past 64 bits or a row the database refuses). end_restore checks the
  // foreign keys: it returns those that point nowhere (at most `limit`),
  // and then the transaction must be rolled back.
  long record_count();
  void begin_restore();
  void restore_row(const std::string& table, const nlohmann::json& row);
  std::vector<DanglingKey> end_restore(int limit);

  // An online copy of the database (SQLite's backup API: a consistent
  // snapshot while others write) to a new file with the database's mode;
  // Error(config) when the file exists or cannot be created.
  void backup_to(const std::filesystem::path& file);
  // Whether backup_to can copy this workspace to a file (a server's is
  // backed up by the server: pg_dump).
  bool supports_file_backup() const;
  // Health checks for hopper doctor; each returns one sentence per problem
  // found (at most `limit`), empty when clean.
  std::vector<std::string> integrity_problems(int limit);
  std::vector<std::string> foreign_key_problems(int limit);
  std::vector<DanglingKey> dangling_keys(int limit);
  // Every stored date, time and custom-field object (NULL and '' left out).
  void each_stored_text(const std::function<void(const StoredText&)>& each);
  std::vector<std::string> deals_not_with_their_customer(int limit);
  std::vector<std::string> stages_not_matching_history(int limit);
  std::vector<std::string> changes_without_event(int limit);
  std::vector<std::string> records_of_departed_reps(int limit);

  // Assignment
  std::optional<std::string> last_assigned_rep();
  // Won amounts (minor units) per owner of deals closed since the date.
  std::map<Id, double> won_amounts_since(const std::string& since);

 private:
  // The prepared statement for `sql`, reset with its bindings cleared.
  sql::Statement& statement(const std::string& sql);
  void reset_statements();
  void set_current_event(Id event);
  std::unique_ptr<Backend> backend_;
  sql::Connection* db_ = nullptr;  // backend_'s connection
  bool wrote_ = false;
  Id current_event_ = 0;  // set by begin_event: what this session's changes are filed under
  bool restored_ = false;  // this transaction restored an export
  std::map<std::string, std::vector<std::string>> restore_columns_;  // table → columns, while restoring
};

}  // namespace hopper
