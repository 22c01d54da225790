// The store's view of a database: a connection, its statements and their
// rows, as both SQLite and PostgreSQL offer them. Only the store's files
// include this; what the two databases do differently is their Backend's
// (backend.h).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "hopper/store_failure.h"

namespace hopper::sql {

using Failure = StoreFailure;

class Statement;

// One value of the row a statement stands on.
class Column {
 public:
  Column(Statement& st, int index) : st_(st), index_(index) {}
  bool null() const;
  std::int64_t int64() const;
  int integer() const { return static_cast<int>(int64()); }
  double real() const;
  std::string text() const;  // "" for NULL

 private:
  Statement& st_;
  int index_;
};

// A prepared statement. Parameters are bound by position (1-based: "?",
// "?2") or by name (":owner"); a statement uses one kind or the other.
class Statement {
 public:
  virtual ~Statement() = default;
  // The position of a named parameter, 0 when the SQL has no such name.
  virtual int index(const char* name) = 0;
  virtual void bind(int index, std::int64_t value) = 0;
  virtual void bind(int index, double value) = 0;
  virtual void bind(int index, const std::string& value) = 0;
  virtual void bind(int index) = 0;  // NULL
  void bind(int index, int value) { bind(index, std::int64_t{value}); }
  void bind(int index, const char* value) { bind(index, std::string(value)); }
  template <class T>
  void bind(const char* name, const T& value) {
    bind(named(name), value);
  }
  void bind(const char* name) { bind(named(name)); }

  // The next row; false when there is none.
  virtual bool step() = 0;
  // Runs to the end; the rows it changed.
  virtual int exec() = 0;
  // Ready to run again, parameters unbound.
  virtual void reset() = 0;

  Column column(int index) { return Column(*this, index); }
  Column column(const char* name) { return Column(*this, column_index(name)); }

  // For Column: the current row's values.
  virtual bool is_null(int column) = 0;
  virtual std::int64_t int64_at(int column) = 0;
  virtual double real_at(int column) = 0;
  virtual std::string text_at(int column) = 0;
  virtual int column_index(const char* name) = 0;

 private:
  int named(const char* name) {
    int i = index(name);
    if (i == 0) throw std::logic_error(std::string("no parameter ") + name + " in the statement");
    return i;
  }
};

inline bool Column::null() const { return st_.is_null(index_); }
inline std::int64_t Column::int64() const { return st_.int64_at(index_); }
inline double Column::real() const { return st_.real_at(index_); }
inline std::string Column::text() const { return st_.text_at(index_); }

class Connection {
 public:
  virtual ~Connection() = default;
  virtual std::unique_ptr<Statement> prepare(const std::string& sql) = 0;
  // A query read a batch of rows at a time, for lists of any length (a
  // cursor on a server; SQLite steps its statements so anyway). Other
  // statements may run between its rows.
  virtual std::unique_ptr<Statement> stream(const std::string& sql) { return prepare(sql); }
  // Runs SQL without parameters, one statement or several.
  virtual void exec(const std::string& sql) = 0;
  // The first column of the first row of a query without parameters.
  std::int64_t query_int(const std::string& sql) {
    auto st = prepare(sql);
    st->step();
    return st->column(0).int64();
  }
  // Whether a transaction is open.
  virtual bool in_transaction() = 0;
};

}  // namespace hopper::sql
