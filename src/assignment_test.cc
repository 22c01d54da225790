#include <doctest/doctest.h>

#include <functional>

#include "../tests/test_session.h"
#include "hopper/assignment.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/opportunities.h"
#include "hopper/reps.h"

using namespace hopper;
using testing::code_of;

static Rep rep(Session& s, const std::string& name, std::optional<int> capacity = std::nullopt) {
  RepInput in;
  in.capacity = capacity;
  return add_rep(s, name, in);
}

// A customer in the shared pool.
static Id pool_customer(Session& s, const std::string& name) {
  CustomerInput in;
  in.name = name;
  in.to_pool = true;
  return add_customer(s, in, false).customer.id;
}

// `who` wins a deal of `amount` on a customer of their own.
static void wins(Session& s, const Rep& who, const std::string& amount) {
  Rep before = s.actor;
  s.actor = who;
  CustomerInput in;
  in.name = who.name + " win";
  Id c = add_customer(s, in, false).customer.id;
  OpportunityInput deal;
  deal.name = "deal";
  deal.amount = amount;
  win_opportunity(s, add_opportunity(s, c, deal).id, std::nullopt);
  s.actor = before;
}

TEST_CASE("top-seller: a pool customer goes to the rep with the highest won amount who has room") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = rep(s, "li"), wang = rep(s, "wang");
  wins(s, li, "1000");
  wins(s, wang, "5000");
  CHECK(pick_rep(s, AssignStrategy::top_seller)->id == wang.id);
  CHECK(pick_rep(s, AssignStrategy::top_seller, {wang.id})->id == li.id);
  auto given = assign_customers(s, {pool_customer(s, "Best Co")}, std::nullopt, std::nullopt);
  REQUIRE(given.size() == 1);
  CHECK(given[0].owner_id == wang.id);
  // A full private pool takes nothing, however much its rep sold.
  RepInput full;
  full.capacity = 0;
  edit_rep(s, "wang", full);
  CHECK(pick_rep(s, AssignStrategy::top_seller)->id == li.id);
}

TEST_CASE("top-seller counts only wins inside the window") {
  testing::TestSession t("[assign]\ntop_seller_window_days = 30\n");
  Session& s = t.s();
  Rep li = rep(s, "li"), wang = rep(s, "wang");
  wins(s, wang, "9000");
  t.set_now("2017-10-01T09:00:00");
  wins(s, li, "100");
  CHECK(pick_rep(s, AssignStrategy::top_seller)->id == li.id);
}

TEST_CASE("balanced: the rep with the most free slots; round-robin: the next rep after the last one assigned") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = rep(s, "li", 5), wang = rep(s, "wang", 10), zhao = rep(s, "zhao", 10);
  CHECK(pick_rep(s, AssignStrategy::balanced)->id == wang.id);  // a tie goes to the earlier rep
  assign_customers(s, {pool_customer(s, "A")}, std::string("wang"), std::nullopt);
  CHECK(pick_rep(s, AssignStrategy::balanced)->id == zhao.id);
  CHECK(pick_rep(s, AssignStrategy::round_robin)->id == zhao.id);
  assign_customers(s, {pool_customer(s, "B")}, std::nullopt, AssignStrategy::round_robin);
  CHECK(pick_rep(s, AssignStrategy::round_robin)->id == li.id);  // after the last, the first again
}

TEST_CASE("only active reps (not managers or admins) with a free slot are picked") {
  testing::TestSession t;
  Session& s = t.s();
  rep(s, "li", 0);
  RepInput manager;
  manager.role = "manager";
  add_rep(s, "wang", manager);
  CHECK_FALSE(pick_rep(s, AssignStrategy::balanced));
  Id c = pool_customer(s, "Nobody Co");
  CHECK(code_of([&] { assign_customers(s, {c}, std::nullopt, std::nullopt); }) == Exit::refused);
  CHECK(code_of([&] { assign_customers(s, {c}, std::string("li"), std::nullopt); }) == Exit::refused);
  CHECK_FALSE(s.store.find_customer(c)->owner_id);
}

TEST_CASE("a rep's own discovery goes back to that rep, unless own_discovery is off") {
  for (bool own : {true, false}) {
    CAPTURE(own);
    testing::TestSession t(own ? "" : "[assign]\nown_discovery = false\n");
    Session& s = t.s();
    Rep li = rep(s, "li"), wang = rep(s, "wang");
    wins(s, wang, "5000");
    s.actor = li;
    LeadInput lead;
    lead.name = "Found Co";
    Customer c = convert_lead(s, add_lead(s, lead, false).lead.id);
    s.actor = *s.store.find_rep("admin");
    Customer pooled = *s.store.find_customer(c.id);
    change_owner(s, pooled, std::nullopt, {Cause::released, "released", ""});
    s.store.update_customer(pooled);
    auto given = assign_customers(s, {c.id}, std::nullopt, std::nullopt);
    CHECK(given[0].owner_id == (own ? li.id : wang.id));
  }
}

TEST_CASE("assigning is for managers, and only from the pool") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = rep(s, "li");
  Id c = pool_customer(s, "Pool Co");
  assign_customers(s, {c}, std::string("li"), std::nullopt);
  CHECK(code_of([&] { assign_customers(s, {c}, std::string("li"), std::nullopt); }) == Exit::refused);
  s.actor = li;
  CHECK(code_of([&] { assign_customers(s, {pool_customer(s, "Other")}, std::string("li"), std::nullopt); }) ==
        Exit::denied);
}

// Two reps add the same phone: the second is forced through with a conflict.
struct Collision {
  Rep li, wang;
  Id first, second, conflict;
};
static Collision collide(Session& s) {
  Collision x{rep(s, "li"), rep(s, "wang"), 0, 0, 0};
  s.actor = x.li;
  CustomerInput in;
  in.name = "Li's Co";
  in.phone = "13912345678";
  in.segment = "SMB";
  x.first = add_customer(s, in, false).customer.id;
  s.actor = x.wang;
  LeadInput lead;
  lead.name = "Wang's lead";
  lead.phone = "139 1234 5678";
  auto added = add_lead(s, lead, true);
  REQUIRE(added.conflicts.size() == 1);
  x.second = added.lead.id;
  x.conflict = added.conflicts[0];
  s.actor = *s.store.find_rep("admin");
  return x;
}

TEST_CASE("first-contact (SMB): the rep with the earliest valid follow-up gets both records") {
  testing::TestSession t;
  Session& s = t.s();
  Collision x = collide(s);
  CHECK(code_of([&] { resolve_conflict(s, x.conflict, std::nullopt); }) == Exit::refused);  // nobody followed up yet
  s.actor = x.wang;
  log_activity(s, {Kind::lead, x.second}, "call", "继续跟进");  // filler: no valid follow-up
  t.set_now("2017-08-02T09:00:00");
  s.actor = x.li;
  log_activity(s, {Kind::customer, x.first}, "call", "called the buyer about the price list");
  t.set_now("2017-08-03T09:00:00");
  s.actor = x.wang;
  log_activity(s, {Kind::lead, x.second}, "visit", "visited the factory and met the manager");
  s.actor = *s.store.find_rep("admin");
  Conflict done = resolve_conflict(s, x.conflict, std::nullopt);
  CHECK(done.resolved_to == "li");
  CHECK(done.resolution == "first-contact");
  CHECK(s.store.find_lead(x.second)->owner_id == x.li.id);
  CHECK(s.store.find_customer(x.first)->owner_id == x.li.id);
  CHECK(code_of([&] { resolve_conflict(s, x.conflict, std::nullopt); }) == Exit::refused);  // once
}

TEST_CASE("progress (key accounts): the owner of the most advanced open deal wins; manager: a manager decides") {
  testing::TestSession t("[conflict]\npolicy = \"manager\"\n[conflict.segment]\nKA = \"progress\"\n");
  Session& s = t.s();
  Collision x = collide(s);
  CHECK(code_of([&] { resolve_conflict(s, x.conflict, std::nullopt); }) == Exit::refused);  // SMB: manager's call
  CHECK(resolve_conflicts_by_policy(s).empty());
  CustomerInput ka;
  ka.segment = "KA";
  s.actor = x.li;
  edit_customer(s, x.first, ka);
  OpportunityInput deal;
  deal.name = "KA deal";
  deal.amount = "1000";
  add_opportunity(s, x.first, deal);
  s.actor = *s.store.find_rep("admin");
  auto resolved = resolve_conflicts_by_policy(s);
  REQUIRE(resolved.size() == 1);
  CHECK(resolved[0].resolved_to == "li");
  CHECK(resolved[0].resolution == "progress");
}

TEST_CASE("a manager may decide any conflict; a rep may not") {
  testing::TestSession t;
  Session& s = t.s();
  Collision x = collide(s);
  s.actor = x.li;
  CHECK(code_of([&] { resolve_conflict(s, x.conflict, std::string("li")); }) == Exit::denied);
  s.actor = *s.store.find_rep("admin");
  Conflict done = resolve_conflict(s, x.conflict, std::string("wang"));
  CHECK(done.resolution == "manager");
  CHECK(s.store.find_customer(x.first)->owner_id == x.wang.id);
  CHECK(code_of([&] { resolve_conflict(s, 999, std::nullopt); }) == Exit::not_found);
}
