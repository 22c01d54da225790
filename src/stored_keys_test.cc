#include <doctest/doctest.h>

#include "../tests/test_session.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/opportunities.h"
#include "hopper/stored_keys.h"

using namespace hopper;

static const char* kRules = R"(
[[pipeline]]
key = "M"
[[pipeline.stage]]
key = "a"
probability = 10
[[pipeline.stage]]
key = "b"
probability = 50
[[field]]
entity = "opportunity"
key = "code"
name = "Code"
type = "text"
)";

TEST_CASE("a key the rules dropped is listed with its count; a rename moves the records and history") {
  testing::TestSession t(kRules);
  Session& s = t.s();
  OpportunityInput in;
  in.name = "Deal";
  in.amount = "1";
  in.stage = "b";
  in.settings = {"code=X-1"};
  Opportunity o = add_opportunity(s, t.customer("Z"), in);
  CHECK(stranded_records(s.config, s.store).empty());

  // The file renames stage b to c and makes the field a number.
  Config edited = parse_config(std::string(kRules) + "").config;
  edited.pipelines[0].stages[1].key = "c";
  edited.fields[0].type = FieldType::number;
  auto problems = stranded_records(edited, s.store);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].find("stage 'b' of pipeline M is used by 1 opportunity") == 0);
  CHECK(problems[1].find("opportunity field 'code' is now a number, but 1 stored value 'X-1' is not a number") == 0);
  CHECK(effective_probability(edited, o) == 0);  // shown as stored, never a crash
  CHECK(stage_label(edited, o) == "b (not in funnel.toml)");

  Session renamed{edited, s.store, s.now, s.at, s.actor};
  CHECK_THROWS_AS(rename_stored_key(renamed, KeyKind::stage, "b", "nowhere", std::nullopt), Error);
  auto moved = rename_stored_key(renamed, KeyKind::stage, "b", "c", std::nullopt);
  REQUIRE(moved.size() == 1);
  CHECK(moved[0].records == 1);
  CHECK(s.store.find_opportunity(o.id)->stage == "c");
  CHECK(s.store.history({Kind::opportunity, o.id}).front().to == "c");  // reports replay under the new key
  edited.fields[0].type = FieldType::text;
  CHECK(stranded_records(edited, s.store).empty());
}

TEST_CASE("the abandoned layer and the default keys are never stranded") {
  testing::TestSession t;
  Session& s = t.s();
  Id c = t.customer("Gone");
  abandon_customer(s, c, "no budget");
  CHECK(stranded_records(s.config, s.store).empty());
}

TEST_CASE("a rules file that defines no pipeline is refused once deals use one") {
  testing::TestSession t;  // no [[pipeline]]: the built-in one stands in
  Session& s = t.s();
  CHECK(s.config.built_in_pipelines);
  CHECK_FALSE(rules_cut_short(s.config, s.store, "funnel.toml"));  // nothing uses one yet
  OpportunityInput in;
  in.name = "Deal";
  in.amount = "1";
  add_opportunity(s, t.customer("Z"), in);
  auto problem = rules_cut_short(s.config, s.store, "team/funnel.toml");
  REQUIRE(problem);
  CHECK(problem->starts_with("team/funnel.toml defines no [[pipeline]], but 1 opportunity uses pipeline M:"));
  CHECK_FALSE(rules_cut_short(parse_config(kRules).config, s.store, "funnel.toml"));  // a file that defines them
}
