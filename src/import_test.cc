#include "hopper/import.h"

#include <doctest/doctest.h>

#include <sstream>

#include "hopper/error.h"
#include "hopper/opportunities.h"

#include "../tests/test_session.h"

using namespace hopper;

namespace {

ImportResult run_import(testing::TestSession& t, const std::string& text, ImportOptions o = {}) {
  std::istringstream in(text);
  o.name = "t.csv";
  return import_records(t.s(), in, o);
}

}  // namespace

TEST_CASE("an import checks each row as add does and names the file, line and column") {
  testing::TestSession t;
  CHECK_THROWS_WITH_AS(run_import(t, "name,phone\nA,13900139000\nB,139-0013-9000\nC,123\n"),
                       doctest::Contains("t.csv:3: phone: phone 13900139000 is already on line 2 of this file"), Error);
  CHECK_THROWS_WITH_AS(run_import(t, "name,phone\nA,13900139000\nB,139-0013-9000\nC,123\n"),
                       doctest::Contains("t.csv:4: phone: '123' is not a valid phone number"), Error);
  CHECK_THROWS_WITH_AS(run_import(t, "name,nickname\nA,x\n"),
                       doctest::Contains("t.csv:1: column 'nickname' is not a field of leads"), Error);
}

TEST_CASE("with a rejects stream the good rows go in and the bad ones come out with their reason") {
  testing::TestSession t;
  std::ostringstream rejects;
  ImportOptions o;
  o.rejects = &rejects;
  ImportResult r = run_import(t, "name,grade\nGood,A\nBad,Z\n,B\n", o);
  CHECK(r.rows == 3);
  CHECK(r.added == 1);
  CHECK(r.rejected == 2);
  CHECK(t.s().store.leads({}).size() == 1);
  CHECK(rejects.str().starts_with("name,grade,reason\nBad,Z,\"line 3: grade: 'Z' is not a grade"));
  CHECK(rejects.str().find("\n,B,line 4: name: is required") != std::string::npos);
}

TEST_CASE("--on-duplicate skip and update decide per row") {
  testing::TestSession t;
  run_import(t, "name,email,grade\nA,a@x.cn,C\n");
  ImportOptions skip;
  skip.on_duplicate = OnDuplicate::skip;
  CHECK(run_import(t, "name,email\nA2,A@X.cn\n", skip).skipped == 1);
  ImportOptions update;
  update.on_duplicate = OnDuplicate::update;
  CHECK(run_import(t, "email,grade\na@x.cn,A\n", update).updated == 1);
  auto leads = t.s().store.leads({});
  REQUIRE(leads.size() == 1);
  CHECK(leads[0].grade == "A");
  CHECK(leads[0].name == "A");
}

TEST_CASE("deals bring their closed history: won and lost at the dates the file gives") {
  testing::TestSession t("", "2026-11-27T09:00:00");
  Id c = t.customer("Acme");
  ImportOptions o;
  o.kind = ImportKind::opportunity;
  run_import(t,
             "customer,name,amount,status,closed,lost_reason,created\n"
             "Acme,Won one,1000,won,2026-06-30,,2026-04-01\n"
             "C" + std::to_string(c) + ",Lost one,500,lost,2026-08-15,price,2026-07-01\n",
             o);
  auto opps = t.s().store.opportunities({});
  REQUIRE(opps.size() == 2);
  CHECK(opps[0].status == "won");
  CHECK(opps[0].created_at == "2026-04-01T00:00:00");
  CHECK(opps[0].closed_at == "2026-06-30T00:00:00");
  CHECK(opps[1].lost_reason == "price");
  auto history = t.s().store.history({Kind::opportunity, opps[0].id});
  REQUIRE(history.size() == 2);
  CHECK(history[1].at == "2026-06-30T00:00:00");
  CHECK(history[1].to == "won");
  CHECK_THROWS_WITH_AS(run_import(t, "customer,name,amount,status\nAcme,Third,1,won\n", o),
                       doctest::Contains("t.csv:2: closed: is required for a won deal"), Error);
}
