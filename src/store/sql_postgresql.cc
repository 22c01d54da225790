#include "store/sql_postgresql.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

#include "hopper/error.h"
#include "store/lookups.h"
#include "store/rows.h"
#include "store/sql_scripts.h"

namespace hopper::sql {
namespace {

// Types of bound values (pg_type.dat); NULL is left to the server to infer.
constexpr Oid kInt8 = 20, kText = 25, kFloat8 = 701;

Failure failure(const PGresult* result, PGconn* conn) {
  using K = Failure::Kind;
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (message.starts_with("ERROR:  ")) message.erase(0, 8);
  std::string code = state ? state : "";
  if (PQstatus(conn) == CONNECTION_BAD || code.starts_with("08") || code == "57P01")
    return Failure(K::unreachable, "the connection to the server was lost: " + message);
  if (code == "55P03" || code == "40P01" || code == "40001") return Failure(K::busy, message);
  if (code == "42501") return Failure(K::denied, message);
  if (code.starts_with("23")) return Failure(K::constraint, message);
  if (code == "53100" || code.starts_with("58")) return Failure(K::disk, message);
  return Failure(K::other, message);
}

// The result of a command that succeeded; a failed one is freed and thrown.
PGresult* succeeded(PGresult* result, PGconn* conn) {
  auto status = PQresultStatus(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  Failure f = failure(result, conn);
  PQclear(result);
  throw f;
}

}  // namespace

Translated translate(const std::string& in) {
  Translated t;
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '\'' || c == '"') {  // to the closing quote ('' and "" escape themselves)
      std::size_t end = in.find(c, i + 1);
      if (end == std::string::npos) end = in.size() - 1;
      t.sql.append(in, i, end - i + 1);
      i = end;
    } else if (c == '?') {
      std::size_t j = i + 1;
      while (j < in.size() && std::isdigit(static_cast<unsigned char>(in[j]))) ++j;
      int n = j > i + 1 ? std::atoi(in.substr(i + 1, j - i - 1).c_str()) : t.count + 1;
      t.count = std::max(t.count, n);
      t.sql += fmt::format("${}", n);
      i = j - 1;
    } else if (c == ':' && i + 1 < in.size() && in[i + 1] == ':') {
      t.sql += "::";
      ++i;
    } else if (c == ':' && i + 1 < in.size() && ident(in[i + 1]) && !std::isdigit(static_cast<unsigned char>(in[i + 1]))) {
      std::size_t j = i + 1;
      while (j < in.size() && ident(in[j])) ++j;
      std::string name = in.substr(i, j - i);
      auto [it, added] = t.names.emplace(name, t.count + 1);
      if (added) ++t.count;
      t.sql += fmt::format("${}", it->second);
      i = j - 1;
    } else {
      t.sql += c;
    }
  }
  return t;
}

namespace {

class PostgresStatement : public Statement {
 public:
  // `cursor`: the rows come kBatch at a time through a cursor, not all at once.
  PostgresStatement(PGconn* conn, const std::string& sql, bool cursor = false)
      : conn_(conn), t_(translate(sql)), cursor_(cursor) {
    values_.resize(t_.count);
    types_.assign(t_.count, 0);
  }
  ~PostgresStatement() override { clear(); }
  int index(const char* name) override {
    auto found = t_.names.find(name);
    return found == t_.names.end() ? 0 : found->second;
  }
  void bind(int i, std::int64_t v) override { set(i, std::to_string(v), kInt8); }
  void bind(int i, double v) override { set(i, fmt::format("{}", v), kFloat8); }
  void bind(int i, const std::string& v) override { set(i, v, kText); }
  void bind(int i) override { set(i, std::nullopt, 0); }
  using Statement::bind;

  bool step() override {
    if (!result_) {
      run();
    } else if (cursor_ && row_ + 1 >= PQntuples(result_) && PQntuples(result_) == kBatch) {
      fetch();
    }
    return ++row_ < PQntuples(result_);
  }
  int exec() override {
    run();
    const char* n = PQcmdTuples(result_);
    return *n ? std::atoi(n) : 0;
  }
  void reset() override {
    if (!cursor_name_.empty() && PQtransactionStatus(conn_) == PQTRANS_INTRANS)
      PQclear(PQexec(conn_, ("CLOSE " + cursor_name_).c_str()));  // else the transaction's end closes it
    cursor_name_.clear();
    clear();
    for (auto& v : values_) v.reset();
    types_.assign(t_.count, 0);
  }
  bool is_null(int c) override { return PQgetisnull(result_, row_, c) != 0; }
  std::int64_t int64_at(int c) override {
    const char* v = PQgetvalue(result_, row_, c);
    if (std::strcmp(v, "t") == 0) return 1;  // a boolean, as SQLite's 1 and 0
    if (std::strcmp(v, "f") == 0) return 0;
    return std::strtoll(v, nullptr, 10);
  }
  double real_at(int c) override { return std::strtod(PQgetvalue(result_, row_, c), nullptr); }
  std::string text_at(int c) override { return is_null(c) ? "" : PQgetvalue(result_, row_, c); }
  int column_index(const char* name) override {
    int i = PQfnumber(result_, name);
    if (i < 0) throw std::logic_error(std::string("no column ") + name + " in the result");
    return i;
  }

 private:
  void set(int i, std::optional<std::string> v, Oid type) {
    if (i < 1 || i > t_.count) throw std::logic_error(fmt::format("no parameter {} in the statement", i));
    values_[i - 1] = std::move(v);
    types_[i - 1] = type;
  }
  // The first run prepares the statement on the server (parsed and planned
  // once, as SQLite's prepared statements are), typed by that run's values;
  // one the server cannot type so is sent whole each time instead.
  void run() {
    clear();
    std::vector<const char*> values;
    for (const auto& v : values_) values.push_back(v ? v->c_str() : nullptr);
    if (cursor_) {
      static int cursors = 0;
      cursor_name_ = fmt::format("hopper_cursor_{}", ++cursors);
      std::string declare = "DECLARE " + cursor_name_ + " NO SCROLL CURSOR FOR " + t_.sql;
      check(PQexecParams(conn_, declare.c_str(), t_.count, types_.data(), values.data(), nullptr, nullptr, 0));
      clear();
      return fetch();
    }
    if (name_.empty() && !unpreparable_) {
      static int counter = 0;
      std::string name = fmt::format("hopper_{}", ++counter);
      PGresult* prepared = PQprepare(conn_, name.c_str(), t_.sql.c_str(), t_.count, types_.data());
      if (PQresultStatus(prepared) == PGRES_COMMAND_OK) name_ = name;
      else unpreparable_ = true;
      PQclear(prepared);
    }
    check(name_.empty()
              ? PQexecParams(conn_, t_.sql.c_str(), t_.count, types_.data(), values.data(), nullptr, nullptr, 0)
              : PQexecPrepared(conn_, name_.c_str(), t_.count, values.data(), nullptr, nullptr, 0));
  }
  void fetch() {
    clear();
    check(PQexec(conn_, fmt::format("FETCH {} FROM {}", kBatch, cursor_name_).c_str()));
  }
  // Keeps a result that succeeded; throws the failure of one that did not.
  void check(PGresult* result) { result_ = succeeded(result, conn_); }
  void clear() {
    if (result_) PQclear(result_);
    result_ = nullptr;
    row_ = -1;
  }
  PGconn* conn_;
  Translated t_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  PGresult* result_ = nullptr;
  int row_ = -1;
  std::string name_;  // of the prepared statement on the server, once prepared
  bool unpreparable_ = false;
  static constexpr int kBatch = 1000;
  bool cursor_;
  std::string cursor_name_;  // while declared
};

}  // namespace

std::string without_password(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

PostgresConnection::PostgresConnection(const std::string& url, int busy_timeout_ms) {
  conn_ = PQconnectdb(url.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    for (std::size_t at; (at = message.find("\n\t")) != std::string::npos;) message.replace(at, 2, " ");
    PQfinish(conn_);  // a constructor that throws has no destructor run
    throw Failure(Failure::Kind::unreachable,
                  fmt::format("cannot connect to the PostgreSQL server '{}': {}", without_password(url), message));
  }
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // "role is already a member": nothing to tell
  try {
    exec(fmt::format("SET search_path = hopper, pg_temp; SET client_encoding = 'UTF8'; SET lock_timeout = {}",
                     busy_timeout_ms));
  } catch (...) {
    PQfinish(conn_);
    throw;
  }
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

std::unique_ptr<Statement> PostgresConnection::prepare(const std::string& sql) {
  return std::make_unique<PostgresStatement>(conn_, sql);
}
std::unique_ptr<Statement> PostgresConnection::stream(const std::string& sql) {
  return std::make_unique<PostgresStatement>(conn_, sql, true);
}

void PostgresConnection::exec(const std::string& sql) { PQclear(succeeded(PQexec(conn_, sql.c_str()), conn_)); }

bool PostgresConnection::in_transaction() { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

void PostgresConnection::begin(bool write) {
  if (!write) return exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  exec("BEGIN");
  exec("SELECT pg_advisory_xact_lock(hashtext('hopper workspace'))");
  id_marks_.clear();
  mark_ids();
}

void PostgresConnection::mark_ids() {
  if (!marker_) {  // each sequence's own row: pg_sequences hides a value not yet called
    auto names = prepare("SELECT sequencename FROM pg_sequences WHERE schemaname = 'hopper' ORDER BY 1");
    std::string rows;
    while (names->step())
      rows += fmt::format("{sep}SELECT format('setval(%L, %s, %s)', 'hopper.{seq}', last_value, "
                          "CASE WHEN is_called THEN 'true' ELSE 'false' END) AS s FROM hopper.\"{seq}\"",
                          fmt::arg("sep", rows.empty() ? "" : " UNION ALL "), fmt::arg("seq", names->column(0).text()));
    if (rows.empty()) rows = "SELECT '' AS s";
    marker_ = prepare("SELECT string_agg(s, ', ') FROM (" + rows + ") AS sequences");
  }
  marker_->reset();
  marker_->step();
  id_marks_.push_back(marker_->column(0).text());
}
void PostgresConnection::forget_ids_mark() {
  if (!id_marks_.empty()) id_marks_.pop_back();
}
void PostgresConnection::restore_ids() {
  if (id_marks_.empty()) return;
  if (!id_marks_.back().empty()) exec("SELECT " + id_marks_.back());
  id_marks_.pop_back();
}
void PostgresConnection::restore_all_ids() {
  if (id_marks_.empty()) return;
  id_marks_.resize(1);
  restore_ids();
}

void PostgresConnection::copy_begin(const std::string& table, const std::vector<std::string>& columns) {
  std::string names;
  for (const auto& c : columns) names += (names.empty() ? "\"" : ", \"") + c + "\"";
  PGresult* result = PQexec(conn_, fmt::format("COPY \"{}\" ({}) FROM STDIN", table, names).c_str());
  bool ok = PQresultStatus(result) == PGRES_COPY_IN;
  if (!ok) {
    Failure f = failure(result, conn_);
    PQclear(result);
    throw f;
  }
  PQclear(result);
  copying_ = true;
}

void PostgresConnection::copy_row(const std::vector<std::optional<std::string>>& values) {
  copy_buffer_.clear();
  for (std::size_t i = 0; i < values.size(); ++i) {  // COPY's text format
    if (i) copy_buffer_ += '\t';
    if (!values[i]) {
      copy_buffer_ += "\\N";
      continue;
    }
    for (char c : *values[i]) {
      switch (c) {
        case '\\': copy_buffer_ += "\\\\"; break;
        case '\t': copy_buffer_ += "\\t"; break;
        case '\n': copy_buffer_ += "\\n"; break;
        case '\r': copy_buffer_ += "\\r"; break;
        default: copy_buffer_ += c;
      }
    }
  }
  copy_buffer_ += '\n';
  if (PQputCopyData(conn_, copy_buffer_.data(), static_cast<int>(copy_buffer_.size())) != 1)
    throw failure(nullptr, conn_);
}

void PostgresConnection::copy_end() {
  copying_ = false;
  if (PQputCopyEnd(conn_, nullptr) != 1) throw failure(nullptr, conn_);
  std::optional<Failure> failed;
  while (PGresult* result = PQgetResult(conn_)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && !failed) failed = failure(result, conn_);
    PQclear(result);
  }
  if (failed) throw *failed;
}

void PostgresConnection::copy_abort() {
  if (!copying_) return;
  copying_ = false;
  PQputCopyEnd(conn_, "abandoned");
  while (PGresult* result = PQgetResult(conn_)) PQclear(result);
}

int PostgresConnection::schema_version() {
  auto st = prepare("SELECT to_regclass('hopper.schema_version') IS NOT NULL");
  st->step();
  if (st->column(0).int64() == 0) return 0;
  return static_cast<int>(query_int("SELECT max(version) FROM schema_version"));
}

void PostgresConnection::create_schema() {
  if (schema_version() != 0)
    throw Error(Exit::config, "the database already holds a hopper workspace; init never overwrites one (to use it, "
                              "set [store] url in funnel.toml)");
  exec("BEGIN");
  try {
    for (const auto& script : postgresql_scripts()) exec(lookups::in_functions(script.text));
    for (const auto& script : postgresql_migrations()) exec(script.text);
    install_audit_triggers();
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
}

void PostgresConnection::migrate_schema() {
  const auto& migrations = postgresql_migrations();
  for (int v = schema_version(); v < kPostgresqlBaseVersion + static_cast<int>(migrations.size()); ++v)
    exec(migrations.at(static_cast<std::size_t>(v - kPostgresqlBaseVersion)).text);
  install_audit_triggers();
}

// The audited tables' triggers (schema.sql's audit() and never_delete()),
// made anew, as the file's after each migration.
void PostgresConnection::install_audit_triggers() {
  for (const char* table : rows::kAuditedTables)
    exec(fmt::format(R"sql(
DROP TRIGGER IF EXISTS audit ON hopper.{0};
CREATE TRIGGER audit AFTER INSERT OR UPDATE ON hopper.{0} FOR EACH ROW EXECUTE FUNCTION hopper.audit();
DROP TRIGGER IF EXISTS never_delete ON hopper.{0};
CREATE TRIGGER never_delete BEFORE DELETE ON hopper.{0} FOR EACH ROW EXECUTE FUNCTION hopper.never_delete();
)sql",
                     table));
}

}  // namespace hopper::sql
