#include <doctest/doctest.h>

#include <functional>

#include "../tests/test_session.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/reps.h"

using namespace hopper;
using testing::code_of;

static LeadInput lead(const std::string& name, const std::string& phone = "") {
  LeadInput in;
  in.name = name;
  if (!phone.empty()) in.phone = phone;
  return in;
}

TEST_CASE("a lead is screened on entry: required fields, phone, email, grade, all problems at once") {
  testing::TestSession t("[lead]\nrequired = [\"name\", \"source\"]\n");
  Session& s = t.s();
  LeadInput in = lead("Zhou", "1391234567");  // ten digits: no mobile number
  in.email = "zhou@";
  in.grade = "Z";
  try {
    add_lead(s, in, false);
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::invalid);
    std::vector<std::string> fields;
    for (const auto& p : e.problems()) fields.push_back(p.field);
    CHECK(fields == std::vector<std::string>{"source", "phone", "email", "grade"});
  }
  CHECK(s.store.leads({}).empty());
  in = lead("  Zhou  ", " 139 1234 5678 ");
  in.source = "fair";
  Lead l = add_lead(s, in, false).lead;
  CHECK(l.name == "Zhou");  // trimmed
  CHECK(l.phone == "139 1234 5678");
  CHECK(l.owner_id == s.actor.id);
  CHECK(l.status == LeadStatus::open);
}

TEST_CASE("a duplicate lead is refused, or with force added with a conflict for each match") {
  testing::TestSession t;
  Session& s = t.s();
  add_lead(s, lead("Zhou", "13912345678"), false);
  CHECK(code_of([&] { add_lead(s, lead("Zhou again", "+86 139-1234-5678"), false); }) == Exit::conflict);
  CHECK(s.store.leads({}).size() == 1);
  LeadAdded forced = add_lead(s, lead("Zhou again", "+86 139-1234-5678"), true);
  CHECK(forced.conflicts.size() == 1);
  CHECK(s.store.conflicts(ConflictStatus::open).size() == 1);
  LeadInput other_key = lead("Other");
  other_key.company = "Zhou Trading";
  CHECK(add_lead(s, other_key, false).conflicts.empty());
}

TEST_CASE("a lead from a staked pool customer goes to the rep who staked it") {
  testing::TestSession t("[pool.stake]\nroute_inbound = true\n");
  Session& s = t.s();
  Rep li = add_rep(s, "li", {});
  CustomerInput pool;
  pool.name = "Staked Co";
  pool.phone = "13912345678";
  pool.to_pool = true;
  Customer c = add_customer(s, pool, false).customer;
  c.staked_by_id = li.id;
  c.staked_at = s.at_text();
  s.store.update_customer(c);
  LeadAdded added = add_lead(s, lead("Inbound", "13912345678"), false);
  CHECK(added.routed_from == c.id);
  CHECK(added.lead.owner_id == li.id);
  CHECK(added.conflicts.empty());
  // A lead given an owner is not routed: the staked customer is a duplicate like any other.
  LeadInput owned = lead("Owned", "13912345678");
  owned.owner = "admin";
  CHECK(code_of([&] { add_lead(s, owned, false); }) == Exit::conflict);
}

TEST_CASE("a rep adds and edits only their own leads; a manager hands them over") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = add_rep(s, "li", {});
  Rep wang = add_rep(s, "wang", {});
  Id theirs = add_lead(s, lead("Admin's"), false).lead.id;
  s.actor = li;
  LeadInput for_wang = lead("For wang");
  for_wang.owner = "wang";
  CHECK(code_of([&] { add_lead(s, for_wang, false); }) == Exit::denied);
  CHECK(code_of([&] { edit_lead(s, theirs, lead("Mine now")); }) == Exit::denied);
  Id mine = add_lead(s, lead("Li's"), false).lead.id;
  LeadInput hand = lead("Li's");
  hand.owner = "wang";
  CHECK(code_of([&] { edit_lead(s, mine, hand); }) == Exit::denied);
  s.actor = *s.store.find_rep("admin");
  CHECK(edit_lead(s, mine, hand).owner_id == wang.id);
}

TEST_CASE("dropping needs a reason; a dropped or converted lead no longer changes") {
  testing::TestSession t;
  Session& s = t.s();
  Id id = add_lead(s, lead("Zhou"), false).lead.id;
  CHECK(code_of([&] { drop_lead(s, id, "  "); }) == Exit::invalid);
  Lead dropped = drop_lead(s, id, " no budget ");
  CHECK(dropped.status == LeadStatus::dropped);
  CHECK(dropped.drop_reason == "no budget");
  CHECK(code_of([&] { edit_lead(s, id, lead("Zhou")); }) == Exit::refused);
  CHECK(code_of([&] { convert_lead(s, id); }) == Exit::refused);
  CHECK(code_of([&] { drop_lead(s, id, "again"); }) == Exit::refused);
  CHECK(code_of([&] { load_lead(s, 999); }) == Exit::not_found);
}

TEST_CASE("converting makes the customer (named after the company), keeps the owner, and a person from the contact") {
  testing::TestSession t;
  Session& s = t.s();
  LeadInput in = lead("Zhou", "13912345678");
  in.company = "Zhou Trading";
  in.grade = "A";
  Id id = add_lead(s, in, false).lead.id;
  Customer c = convert_lead(s, id);
  CHECK(c.name == "Zhou Trading");
  CHECK(c.layer == "lead");  // the layer of a converted lead when there is one
  CHECK(c.grade == "A");
  CHECK(c.owner_id == s.actor.id);
  CHECK(c.lead_id == id);
  auto people = s.store.people(c.id);
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "Zhou");
  CHECK(people[0].phone == "13912345678");
  Lead after = *s.store.find_lead(id);
  CHECK(after.status == LeadStatus::converted);
  CHECK(after.customer_id == c.id);
  CHECK(code_of([&] { convert_lead(s, id); }) == Exit::refused);
  // Without a company the customer is named after the lead.
  CHECK(convert_lead(s, add_lead(s, lead("Solo"), false).lead.id).name == "Solo");
}

TEST_CASE("converting is refused when the owner's private pool is full") {
  testing::TestSession t("[pool]\ncapacity = 1\n");
  Session& s = t.s();
  convert_lead(s, add_lead(s, lead("First"), false).lead.id);
  Id second = add_lead(s, lead("Second"), false).lead.id;
  CHECK(code_of([&] { convert_lead(s, second); }) == Exit::refused);
  CHECK(s.store.find_lead(second)->status == LeadStatus::open);
}
