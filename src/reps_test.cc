#include <doctest/doctest.h>

#include <functional>

#include "../tests/test_session.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/opportunities.h"
#include "hopper/reps.h"

using namespace hopper;
using testing::code_of;

static RepInput role(const std::string& r) {
  RepInput in;
  in.role = r;
  return in;
}

TEST_CASE("adding a rep: admins only, a name that reads as one word, a known role, no second rep of a name") {
  testing::TestSession t;
  Session& s = t.s();
  RepInput in;
  in.team = "east";
  in.capacity = 30;
  Rep li = add_rep(s, "li", in);
  CHECK(li.id != 0);
  CHECK(li.role == Role::rep);  // the default
  CHECK(li.team == "east");
  CHECK(li.capacity == 30);
  CHECK(s.store.find_rep("li")->team == "east");
  CHECK(add_rep(s, "wang", role("manager")).role == Role::manager);
  CHECK(code_of([&] { add_rep(s, "li", {}); }) == Exit::conflict);
  CHECK(code_of([&] { add_rep(s, "-li", {}); }) == Exit::invalid);
  CHECK(code_of([&] { add_rep(s, "zhao", role("boss")); }) == Exit::invalid);
  RepInput negative;
  negative.capacity = -1;
  CHECK(code_of([&] { add_rep(s, "zhao", negative); }) == Exit::invalid);
  CHECK_FALSE(s.store.find_rep("zhao"));
  s.actor = *s.store.find_rep("wang");  // a manager is no admin
  CHECK(code_of([&] { add_rep(s, "zhao", {}); }) == Exit::denied);
  CHECK(code_of([&] { edit_rep(s, "li", role("manager")); }) == Exit::denied);
}

TEST_CASE("editing a rep: team, role (on the record), own capacity and back to the default") {
  testing::TestSession t;
  Session& s = t.s();
  add_rep(s, "li", {});
  RepInput in;
  in.team = "west";
  in.capacity = 20;
  Rep li = edit_rep(s, "li", in);
  CHECK(li.team == "west");
  CHECK(li.capacity == 20);
  li = edit_rep(s, "li", role("manager"));
  CHECK(li.role == Role::manager);
  CHECK(li.team == "west");  // what was not given stays
  RepInput reset;
  reset.default_capacity = true;
  CHECK_FALSE(edit_rep(s, "li", reset).capacity.has_value());
  CHECK_FALSE(s.store.find_rep("li")->capacity.has_value());
  CHECK(code_of([&] { edit_rep(s, "nobody", in); }) == Exit::not_found);
}

TEST_CASE("a workspace keeps an admin: the last one can be neither demoted nor handed over") {
  testing::TestSession t;
  Session& s = t.s();
  add_rep(s, "li", {});
  CHECK(code_of([&] { edit_rep(s, "admin", role("manager")); }) == Exit::refused);
  CHECK(code_of([&] { rep_leave(s, "admin", std::string("li"), std::nullopt); }) == Exit::refused);
  CHECK(s.store.find_rep("admin")->role == Role::admin);
  CHECK(s.store.find_rep("admin")->active);
  CHECK(edit_rep(s, "admin", role("admin")).role == Role::admin);  // staying admin is no demotion
  add_rep(s, "boss", role("admin"));
  CHECK(edit_rep(s, "admin", role("manager")).role == Role::manager);
  CHECK(code_of([&] { edit_rep(s, "boss", role("rep")); }) == Exit::refused);
}

TEST_CASE("a leaving rep's deals, their customers, signed customers, leads and to-dos go to the successor; the rest to the pool") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = add_rep(s, "li", {});
  Rep wang = add_rep(s, "wang", {});
  s.actor = li;
  CustomerInput in;
  in.name = "Potential Co";
  Id potential = add_customer(s, in, false).customer.id;
  in.name = "Deal Co";
  Id with_deal = add_customer(s, in, false).customer.id;
  OpportunityInput deal;
  deal.name = "Deal";
  deal.amount = "1000";
  Id opp = add_opportunity(s, with_deal, deal).id;
  in.name = "Signed Co";
  in.layer = "signed";
  Id signed_one = add_customer(s, in, false).customer.id;
  LeadInput lead;
  lead.name = "Zhou";
  Id lead_id = add_lead(s, lead, false).lead.id;
  s.actor = *s.store.find_rep("admin");

  CHECK(code_of([&] { rep_leave(s, "li", std::string("li"), std::nullopt); }) == Exit::usage);
  CHECK(code_of([&] { rep_leave(s, "li", std::string("nobody"), std::nullopt); }) == Exit::not_found);
  HandOver h = rep_leave(s, "li", std::string("wang"), std::nullopt);
  CHECK(h.successor.id == wang.id);
  CHECK(h.opportunities == 1);
  CHECK(h.inherited == 2);  // the deal's customer and the signed one
  CHECK(h.pooled == 1);
  CHECK(h.leads == 1);
  CHECK_FALSE(s.store.find_rep("li")->active);
  CHECK(s.store.find_customer(with_deal)->owner_id == wang.id);
  CHECK(s.store.find_customer(signed_one)->owner_id == wang.id);
  CHECK_FALSE(s.store.find_customer(potential)->owner_id.has_value());
  CHECK(s.store.find_customer(potential)->previous_owner_id == li.id);
  CHECK(s.store.find_opportunity(opp)->owner_id == wang.id);
  CHECK(s.store.find_lead(lead_id)->owner_id == wang.id);
  // A rep who left cannot leave again, nor take anything over.
  CHECK(code_of([&] { rep_leave(s, "li", std::string("wang"), std::nullopt); }) == Exit::refused);
  CHECK(code_of([&] { rep_leave(s, "wang", std::string("li"), std::nullopt); }) == Exit::refused);
}

TEST_CASE("hand-over is for managers") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = add_rep(s, "li", {});
  add_rep(s, "wang", {});
  s.actor = li;
  CHECK(code_of([&] { rep_leave(s, "wang", std::string("li"), std::nullopt); }) == Exit::denied);
  CHECK(s.store.find_rep("wang")->active);
}
