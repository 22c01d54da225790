#include <doctest/doctest.h>

#include "hopper/config.h"
#include "hopper/agenda.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/opportunities.h"
#include "hopper/pool.h"

#include "../tests/test_session.h"

using namespace hopper;

static Config example_rules() {
  return parse_config(R"(
[pool]
exempt_probability = 60
[[pool.rule]]
name = "smb"
kind = "no_followup"
days = 15
segments = ["SMB"]
[[pool.rule]]
name = "ka"
kind = "no_followup"
days = 45
segments = ["KA"]
[[pool.rule]]
name = "no deal"
kind = "no_deal"
days = 90
[[pool.rule]]
name = "lapsed"
kind = "no_repeat"
days = 365
)").config;
}

static CustomerClock clock(const std::string& segment, const std::string& claimed) {
  CustomerClock k;
  k.segment = segment;
  k.layer = "contacted";
  k.claimed_at = claimed;
  return k;
}

static Date day(const char* text) { return date_of(parse_absolute_time(text)); }

TEST_CASE("no_followup counts from the later of the claim and the last valid follow-up") {
  Config c = example_rules();
  CustomerClock k = clock("SMB", "2026-11-01T09:00:00");
  auto f = first_release(c, k, day("2026-11-11"));
  REQUIRE(f);
  CHECK(f->rule == "smb");
  CHECK(f->days_left == 5);
  k.last_valid_followup = "2026-11-10T15:00:00";
  CHECK(first_release(c, k, day("2026-11-11"))->days_left == 14);
  CHECK(first_release(c, clock("KA", "2026-11-01T09:00:00"), day("2026-11-11"))->days_left == 35);
}

TEST_CASE("no_deal counts from the first valid follow-up until a win") {
  Config c = example_rules();
  CustomerClock k = clock("KA", "2026-01-01T09:00:00");
  k.first_valid_followup = "2026-01-02T09:00:00";
  k.last_valid_followup = "2026-03-30T09:00:00";
  auto f = first_release(c, k, day("2026-04-02"));
  CHECK(f->rule == "no deal");
  CHECK(f->days_left == 0);
  k.last_won = "2026-03-01T09:00:00";
  CHECK(first_release(c, k, day("2026-04-02"))->rule == "ka");
}

TEST_CASE("signed customers return only through no_repeat") {
  Config c = example_rules();
  CustomerClock k = clock("SMB", "2025-01-01T09:00:00");
  k.layer = "signed";
  CHECK_FALSE(first_release(c, k, day("2025-06-01")));
  k.last_won = "2025-02-01T09:00:00";
  auto f = first_release(c, k, day("2026-02-01"));
  CHECK(f->rule == "lapsed");
  CHECK(f->days_left == 0);
}

TEST_CASE("locked customers and strong deals are exempt") {
  Config c = example_rules();
  CustomerClock k = clock("SMB", "2026-01-01T09:00:00");
  k.locked = true;
  CHECK_FALSE(first_release(c, k, day("2026-12-01")));
  k.locked = false;
  k.open_probability = 60;
  CHECK_FALSE(first_release(c, k, day("2026-12-01")));
  k.open_probability = 59.99;
  CHECK(first_release(c, k, day("2026-12-01")));
}

TEST_CASE("recycling checkpoints every batch and re-reads each clock before releasing") {
  testing::TestSession t(R"(
[[pool.rule]]
name = "idle"
kind = "no_followup"
days = 10
)",
                         "2026-11-01T09:00:00");
  Session& s = t.s();
  for (const char* name : {"A", "B", "C"}) t.customer(name);
  t.set_now("2026-11-20T09:00:00");
  Rep admin = s.actor;
  s.actor.role = Role::rep;  // the nightly job is a manager's
  CHECK_THROWS_AS(recycle_pool(s), Error);
  s.actor = admin;
  int checkpoints = 0;
  auto released = recycle_pool(s, [&] { ++checkpoints; }, 2);
  CHECK(released.size() == 3);
  CHECK(checkpoints == 1);
  CHECK(recycle_pool(s).empty());  // idempotent
}

TEST_CASE("ownership follows the customer: open deals and the owner's to-dos go along, closed deals stay") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = t.rep("li");
  Id c = t.customer("Acme");
  OpportunityInput in;
  in.name = "open";
  in.amount = "100";
  in.pipeline = "M";
  Opportunity open = add_opportunity(s, c, in);
  in.name = "won";
  Opportunity won = add_opportunity(s, c, in);
  s.store.update_opportunity([&] { Opportunity w = won; w.status = DealStatus::won; w.closed_at = "2017-08-01"; return w; }());
  Todo mine = add_todo(s, {"call back", std::nullopt, "C" + std::to_string(c), std::nullopt});

  Customer customer = load_customer(s, c);
  change_owner(s, customer, li, {Cause::assigned, "assigned", ""});
  s.store.update_customer(customer);

  CHECK(s.store.find_opportunity(open.id)->owner_id == li.id);
  CHECK(s.store.find_opportunity(won.id)->owner_id == s.actor.id);  // the closer keeps the win
  CHECK(s.store.find_todo(mine.id)->owner_id == li.id);
  auto rows = s.store.history({Kind::opportunity, open.id});
  CHECK(rows.back().field == "owner");
  CHECK(rows.back().cause == Cause::assigned);
  CHECK(rows.back().reason == "follows customer C" + std::to_string(c) + " (assigned)");

  change_owner(s, customer, std::nullopt, {Cause::released, "released: gone", ""});  // to the pool: nobody's
  s.store.update_customer(customer);
  CHECK_FALSE(s.store.find_opportunity(open.id)->owner_id);
  CHECK_FALSE(s.store.find_todo(mine.id)->owner_id);
}
