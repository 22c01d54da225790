#include <doctest/doctest.h>

#include "../tests/test_session.h"
#include "hopper/agenda.h"
#include "hopper/error.h"
#include "hopper/customers.h"

using namespace hopper;

static Reorder cycle(const std::string& every, const std::string& first) {
  Reorder r;
  r.every = every;
  r.first_due = first;
  return r;
}

TEST_CASE("reorder occurrences") {
  CHECK(format_date(reorder_occurrence(cycle("30d", "2026-12-10"), 1)) == "2027-01-09");
  CHECK(format_date(reorder_occurrence(cycle("2w", "2026-12-10"), 2)) == "2027-01-07");
  CHECK(format_date(reorder_occurrence(cycle("1m", "2027-01-31"), 1)) == "2027-02-28");
  CHECK(format_date(reorder_occurrence(cycle("1m", "2027-01-31"), 2)) == "2027-03-31");  // no drift
  CHECK(format_date(reorder_occurrence(cycle("1y", "2024-02-29"), 1)) == "2025-02-28");
}

TEST_CASE("a cycle makes its to-do once, in the reminder window, and the next after it is done") {
  testing::TestSession t("", "2026-12-01T09:00:00");
  Session& s = t.s();
  CustomerInput in;
  in.name = "青禾超市";
  in.layer = "signed";
  Id c = add_customer(s, in, false).customer.id;
  add_reorder(s, c, {"ink", "30d", "2026-12-10", std::nullopt, 5});
  t.set_now("2026-12-04T09:00:00");
  CHECK(run_reorders(s).empty());
  t.set_now("2026-12-05T09:00:00");
  auto shown = build_agenda(s, s.actor);  // due, not made: the agenda shows it and writes nothing
  REQUIRE(!shown.empty());
  CHECK(shown.front().ref == "Y1");
  CHECK(s.store.todos({s.actor.id, true, std::nullopt}).empty());
  Rep admin = s.actor;
  s.actor.role = Role::rep;  // the nightly job is a manager's
  CHECK_THROWS_AS(run_reorders(s), Error);
  s.actor = admin;
  CHECK(run_reorders(s).size() == 1);
  CHECK(run_reorders(s).empty());
  auto agenda = build_agenda(s, s.actor);
  REQUIRE(!agenda.empty());
  CHECK(agenda.front().section == "signed");
  CHECK(agenda.front().due == "2026-12-10");
  finish_todo(s, s.store.todos({s.actor.id, true, std::nullopt}).front().id);
  CHECK(run_reorders(s).empty());  // 2027-01-09 is not in its window yet
  t.set_now("2027-01-04T09:00:00");
  CHECK(run_reorders(s).size() == 1);
  CHECK(s.store.todos({s.actor.id, true, std::nullopt}).front().due == "2027-01-09");
}
