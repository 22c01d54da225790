#include <doctest/doctest.h>

#include <functional>

#include "../tests/test_session.h"
#include "hopper/agenda.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/opportunities.h"
#include "hopper/reps.h"

using namespace hopper;
using testing::code_of;

static CustomerInput named(const std::string& name) {
  CustomerInput in;
  in.name = name;
  return in;
}

TEST_CASE("a rep holds at most their capacity; each signing or abandonment frees one slot for a new resource") {
  // Each rep holds 30 customers; signed and implemented ones do not count.
  testing::TestSession t("[pool]\ncapacity = 30\n");
  Session& s = t.s();
  Rep li = add_rep(s, "li", {});
  s.actor = li;
  std::vector<Id> held;
  for (int i = 0; i < 30; ++i) held.push_back(add_customer(s, named("Resource " + std::to_string(i)), false).customer.id);
  CHECK(code_of([&] { add_customer(s, named("One too many"), false); }) == Exit::refused);
  CHECK(code_of([&] { require_capacity(s, li); }) == Exit::refused);
  // A signing frees a slot.
  OpportunityInput deal;
  deal.name = "Deal";
  deal.amount = "1000";
  win_opportunity(s, add_opportunity(s, held[0], deal).id, std::nullopt);
  CHECK(s.store.find_customer(held[0])->layer == "signed");
  add_customer(s, named("New resource"), false);
  CHECK(code_of([&] { add_customer(s, named("Again too many"), false); }) == Exit::refused);
  // So does an abandonment.
  abandon_customer(s, held[1], "went bankrupt");
  add_customer(s, named("Another resource"), false);
  CHECK(code_of([&] { add_customer(s, named("Still too many"), false); }) == Exit::refused);
  // A signed customer moved back into the funnel takes its slot again.
  CHECK(code_of([&] { move_customer(s, held[0], "intent"); }) == Exit::refused);
  // Adding straight into an uncounted layer needs no slot.
  CustomerInput signed_one = named("Signed elsewhere");
  signed_one.layer = "signed";
  CHECK(code_of([&] { add_customer(s, signed_one, false); }) == Exit::ok);
}

TEST_CASE("a rep's own capacity overrides [pool] capacity") {
  testing::TestSession t("[pool]\ncapacity = 30\n");
  Session& s = t.s();
  RepInput small;
  small.capacity = 1;
  Rep li = add_rep(s, "li", small);
  CHECK(capacity_of(s.config, li) == 1);
  CHECK(capacity_of(s.config, s.actor) == 30);
  s.actor = li;
  add_customer(s, named("One"), false);
  CHECK(code_of([&] { add_customer(s, named("Two"), false); }) == Exit::refused);
}

TEST_CASE("an abandoned customer is cooled: nobody's, in the abandoned layer until cool_days pass, never deleted") {
  testing::TestSession t("[abandoned]\ncool_days = 30\n");
  Session& s = t.s();
  Rep li = add_rep(s, "li", {});
  s.actor = li;
  Id id = add_customer(s, named("Cold Co"), false).customer.id;
  CHECK(code_of([&] { abandon_customer(s, id, " "); }) == Exit::invalid);
  Customer c = abandon_customer(s, id, "no budget this year");
  CHECK(c.layer == "abandoned");
  CHECK_FALSE(c.owner_id.has_value());
  CHECK(c.previous_owner_id == li.id);
  CHECK(c.cool_until == "2017-08-31");
  CHECK(s.store.find_customer(id).has_value());
  CHECK(code_of([&] { abandon_customer(s, id, "again"); }) == Exit::denied);  // li no longer holds it
  s.actor = *s.store.find_rep("admin");
  CHECK(code_of([&] { abandon_customer(s, id, "again"); }) == Exit::refused);
  CHECK(code_of([&] { move_customer(s, id, "abandoned"); }) == Exit::usage);
}

TEST_CASE("a rep changes only their own customers; a manager changes the owner") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = add_rep(s, "li", {});
  Rep wang = add_rep(s, "wang", {});
  s.actor = wang;
  Id wangs = add_customer(s, named("Wang Co"), false).customer.id;
  s.actor = li;
  CHECK(code_of([&] { edit_customer(s, wangs, named("Mine")); }) == Exit::denied);
  CHECK(code_of([&] { abandon_customer(s, wangs, "not mine"); }) == Exit::denied);
  CustomerInput for_wang = named("For wang");
  for_wang.owner = "wang";
  CHECK(code_of([&] { add_customer(s, for_wang, false); }) == Exit::denied);
  CustomerInput both = named("Both");
  both.owner = "li";
  both.to_pool = true;
  CHECK(code_of([&] { add_customer(s, both, false); }) == Exit::usage);
  s.actor = *s.store.find_rep("admin");
  CustomerInput to_li;
  to_li.owner = "li";
  CHECK(edit_customer(s, wangs, to_li).owner_id == li.id);
}

TEST_CASE("ownership follows the customer: its open deals and the owner's to-dos go along, a won deal stays") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = add_rep(s, "li", {});
  Rep wang = add_rep(s, "wang", {});
  s.actor = li;
  Id id = add_customer(s, named("Follow Co"), false).customer.id;
  OpportunityInput deal;
  deal.name = "Open";
  deal.amount = "1000";
  Id open = add_opportunity(s, id, deal).id;
  deal.name = "Won";
  Id won = add_opportunity(s, id, deal).id;
  win_opportunity(s, won, std::nullopt);
  TodoInput todo;
  todo.text = "send the quote";
  todo.on = make_ref(Kind::customer, id);
  Id todo_id = add_todo(s, todo).id;
  s.actor = *s.store.find_rep("admin");
  Customer c = load_customer(s, id);
  change_owner(s, c, wang, {Cause::assigned, "assigned", ""});
  s.store.update_customer(c);
  CHECK(s.store.find_customer(id)->owner_id == wang.id);
  CHECK(s.store.find_customer(id)->previous_owner_id == li.id);
  CHECK(s.store.find_opportunity(open)->owner_id == wang.id);
  CHECK(s.store.find_opportunity(won)->owner_id == li.id);
  CHECK(s.store.todos({wang.id, true, std::nullopt}).size() == 1);
  CHECK(s.store.todos({wang.id, true, std::nullopt})[0].id == todo_id);
}

TEST_CASE("a customer moves forward on its own, never backwards and never out of abandoned") {
  testing::TestSession t;
  Session& s = t.s();
  Id id = add_customer(s, named("Layer Co"), false).customer.id;
  Customer c = load_customer(s, id);
  CHECK(c.layer == "resource");  // the first layer
  advance_layer(s, c, "intent", "opened a deal");
  CHECK(load_customer(s, id).layer == "intent");
  advance_layer(s, c, "contacted", "back?");
  CHECK(load_customer(s, id).layer == "intent");
  abandon_customer(s, id, "lost interest");
  c = load_customer(s, id);
  advance_layer(s, c, "signed", "won");
  CHECK(load_customer(s, id).layer == "abandoned");
  CHECK(code_of([&] { move_customer(s, id, "nowhere"); }) == Exit::invalid);
}

TEST_CASE("a duplicate customer is refused by phone, email or company, look-alikes included") {
  testing::TestSession t;
  Session& s = t.s();
  CustomerInput first = named("华星贸易有限公司");
  first.phone = "13912345678";
  first.email = "Buyer@Example.com";
  add_customer(s, first, false);
  CustomerInput by_phone = named("Other");
  by_phone.phone = "+86 139 1234 5678";
  CHECK(code_of([&] { add_customer(s, by_phone, false); }) == Exit::conflict);
  CustomerInput by_email = named("Other");
  by_email.email = "buyer@example.com";
  CHECK(code_of([&] { add_customer(s, by_email, false); }) == Exit::conflict);
  CHECK(code_of([&] { add_customer(s, named("华星贸易有限公司"), false); }) == Exit::conflict);
  CHECK(customer_duplicates(s, by_phone).size() == 1);
  CustomerAdded forced = add_customer(s, by_phone, true);
  CHECK(forced.conflicts.size() == 1);
}

TEST_CASE("a customer is checked on entry: name, grade, segment, phone, email") {
  testing::TestSession t;
  Session& s = t.s();
  CustomerInput in;
  in.grade = "Z";
  in.segment = "XX";
  in.phone = "123";
  in.email = "no";
  try {
    add_customer(s, in, false);
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::invalid);
    std::vector<std::string> fields;
    for (const auto& p : e.problems()) fields.push_back(p.field);
    CHECK(fields == std::vector<std::string>{"name", "grade", "segment", "phone", "email"});
  }
  CustomerFilter none;
  CHECK(s.store.customers(none).empty());
}

TEST_CASE("a filler follow-up is stored, flagged invalid with its reason") {
  testing::TestSession t;
  Session& s = t.s();
  Id id = add_customer(s, named("Log Co"), false).customer.id;
  Activity filler = log_activity(s, {Kind::customer, id}, "call", "继续跟进");
  CHECK_FALSE(filler.valid);
  CHECK_FALSE(filler.invalid_reason.empty());
  Activity real = log_activity(s, {Kind::customer, id}, "visit", "met the buyer, price list accepted");
  CHECK(real.valid);
  CHECK(code_of([&] { log_activity(s, {Kind::customer, id}, "call", "  "); }) == Exit::invalid);
  CHECK(code_of([&] { log_activity(s, {Kind::todo, 1}, "call", "a real text here"); }) == Exit::invalid);
}
