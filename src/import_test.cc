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
  CHECK(opps[0].status == DealStatus::won);
  CHECK(opps[0].created_at == "2026-04-01T00:00:00");
  CHECK(opps[0].closed_at == "2026-06-30T00:00:00");
  CHECK(opps[1].lost_reason == "price");
  auto history = t.s().store.history({Kind::opportunity, opps[0].id});
  REQUIRE(history.size() == 2);
  CHECK(history[1].at == "2026-06-30T00:00:00");
  CHECK(history[1].to == kDealStatuses.name(DealStatus::won));
  CHECK_THROWS_WITH_AS(run_import(t, "customer,name,amount,status\nAcme,Third,1,won\n", o),
                       doctest::Contains("t.csv:2: closed: is required for a won deal"), Error);
}

TEST_CASE("a CRM's words: values mapped, a default for the empty, the result in the stage, who closed it") {
  testing::TestSession t("", "2026-11-27T09:00:00");
  Rep sarah;
  sarah.name = "Sarah Chen";
  sarah.created_at = "2026-01-01T00:00:00";
  t.s().store.insert_rep(sarah);
  t.customer("Acme");
  ImportOptions o;
  o.kind = ImportKind::opportunity;
  o.map = {"Deal=name", "Stage=stage", "Owner=owner", "Closed on=close"};
  o.map_values = {"stage:Closed Won=won", "stage:Prospecting=" + t.s().config.pipelines.front().stages.front().key};
  o.defaults = {"customer=Acme", "lost_reason=other"};
  ImportResult r = run_import(t,
                              "Deal,Stage,Amount,Owner,Closed on\n"
                              "One,closed won,100,Sarah Chen,2026-10-01\n"
                              "Two,Prospecting,200,,2026-12-31\n"
                              "Three,Lost,300,Sarah Chen,2026-10-02\n",
                              o);
  CHECK(r.added == 3);
  auto opps = t.s().store.opportunities({});
  REQUIRE(opps.size() == 3);
  CHECK(opps[0].status == DealStatus::won);
  CHECK(opps[0].owner == "Sarah Chen");  // closed: the rep who closed it, not the customer's owner
  CHECK(opps[0].closed_at == "2026-10-01T00:00:00");
  CHECK(opps[0].created_at == "2026-10-01T00:00:00");  // added no later than it closed
  CHECK(opps[1].status == DealStatus::open);
  CHECK(opps[1].owner == "admin");  // open: the customer's
  CHECK(opps[2].status == DealStatus::lost);
  CHECK(opps[2].lost_reason == "other");
  // An open deal cannot name another rep than the customer's owner; a name
  // that is no rep is listed once with how to add it.
  CHECK_THROWS_WITH_AS(run_import(t, "Deal,Stage,Amount,Owner\nFour,Prospecting,1,Sarah Chen\n", o),
                       doctest::Contains("an open deal goes with its customer"), Error);
  CHECK_THROWS_WITH_AS(run_import(t, "Deal,Stage,Amount,Owner,Closed on\nFive,Closed Won,1,Ghost,2026-10-01\n", o),
                       doctest::Contains("Owner (owner): 'Ghost' (1 row); not reps of this workspace"), Error);
}

TEST_CASE("a date column is read one way or not at all") {
  testing::TestSession t("", "2026-11-27T09:00:00");
  ImportOptions o;
  CHECK_THROWS_WITH_AS(run_import(t, "name,created\nA,20-10-16\nB,21-10-16\n", o),
                       doctest::Contains("the whole column reads as --date-format '%d-%m-%y' or '%y-%m-%d'"), Error);
  o.date_format = "%d/%m/%Y";
  ImportResult r = run_import(t, "name,created\nC,03/04/2026\nD,05/06/2026\n", o);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].find("also reads as '%m/%d/%Y'") != std::string::npos);
  CHECK(run_import(t, "name,created\nE,13/04/2026\n", o).notes.empty());  // a day above 12: one way only
  std::ostringstream rejects;
  o.rejects = &rejects;  // set aside or not, a swapped day and month is refused whole
  CHECK_THROWS_WITH_AS(run_import(t, "name,created\nF,03/04/2026\nG,05/16/2026\n", o),
                       doctest::Contains("1 date reads only as '%m/%d/%Y' (line 3)"), Error);
}
