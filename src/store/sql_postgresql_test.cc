#include "store/sql_postgresql.h"

#include <doctest/doctest.h>

using hopper::sql::translate;
using hopper::sql::without_password;

TEST_CASE("placeholders become libpq's $n: positional, numbered and named") {
  auto positional = translate("SELECT a FROM t WHERE b = ? AND c = ?");
  CHECK(positional.sql == "SELECT a FROM t WHERE b = $1 AND c = $2");
  CHECK(positional.count == 2);
  auto numbered = translate("WHERE (?1 = 'customer' AND id = ?2) OR (x = ?1) LIMIT ?3");
  CHECK(numbered.sql == "WHERE ($1 = 'customer' AND id = $2) OR (x = $1) LIMIT $3");
  CHECK(numbered.count == 3);
  auto named = translate("UPDATE t SET a = :to WHERE a = :from OR b = :to");
  CHECK(named.sql == "UPDATE t SET a = $1 WHERE a = $2 OR b = $1");
  CHECK(named.names.at(":to") == 1);
  CHECK(named.names.at(":from") == 2);
  CHECK(named.count == 2);
}

TEST_CASE("quoted text, casts and time literals are not placeholders") {
  auto t = translate("SELECT '?', 'a:b', \"c?\", CAST(x AS bigint), y::text, to_char(z, 'HH24:MI') FROM t WHERE q = ?");
  CHECK(t.sql == "SELECT '?', 'a:b', \"c?\", CAST(x AS bigint), y::text, to_char(z, 'HH24:MI') FROM t WHERE q = $1");
  CHECK(t.count == 1);
  CHECK(translate("SELECT 'it''s ?' , ?").sql == "SELECT 'it''s ?' , $1");
}

TEST_CASE("messages show a server's address without its password") {
  CHECK(without_password("postgresql://boss:secret@db/sales") == "postgresql://boss@db/sales");
  CHECK(without_password("postgresql://boss@db/sales") == "postgresql://boss@db/sales");
  CHECK(without_password("postgresql:///sales?host=/run/pg") == "postgresql:///sales?host=/run/pg");
  CHECK(without_password("service=team") == "service=team");
}
