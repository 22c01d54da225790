#include <doctest/doctest.h>

#include "../tests/test_session.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/opportunities.h"

using namespace hopper;

static const char* kSeed000 = R"(
[[pipeline]]
key = "P"
[[pipeline.stage]]
key = "objection"
probability = 20
[[pipeline.stage]]
key = "demo"
probability = 80
[[pipeline.stage]]
key = "close"
probability = 90
)";

static Opportunity open_deal(Session& s, Id c, const std::string& name, const std::string& amount) {
  OpportunityInput in;
  in.name = name;
  in.amount = amount;
  in.stage = "demo";
  return add_opportunity(s, c, in);
}

TEST_CASE("weighted value is amount × the stage probability, and follows the deal from stage to stage") {
  testing::TestSession t(kSeed000);
  Session& s = t.s();
  Opportunity a = open_deal(s, t.customer("A Co"), "A", "1000000");
  Opportunity b = open_deal(s, t.customer("B Co"), "B", "300000");
  CHECK(weighted_value(s.config, a) == 800000'00);
  CHECK(weighted_value(s.config, b) == 240000'00);
  a = demote_opportunity(s, a.id, {});
  b = promote_opportunity(s, b.id, std::nullopt, {});
  CHECK(weighted_value(s.config, a) == 200000'00);
  CHECK(weighted_value(s.config, b) == 270000'00);
  b = win_opportunity(s, b.id, parse_money("500000", "CNY"));
  CHECK(weighted_value(s.config, b) == 500000'00);
  CHECK(s.store.find_customer(b.customer_id)->layer == "signed");
}

TEST_CASE("a manual probability wins over the stage's and survives moves") {
  testing::TestSession t(kSeed000);
  Session& s = t.s();
  Opportunity o = open_deal(s, t.customer("X"), "X", "50000000");
  o = set_probability(s, o.id, 10);
  o = promote_opportunity(s, o.id, std::nullopt, {});
  CHECK(effective_probability(s.config, o) == 10);
  o = set_probability(s, o.id, std::nullopt);
  CHECK(effective_probability(s.config, o) == 90);
}

TEST_CASE("gates list every missing action and field; force is recorded") {
  testing::TestSession gated(R"(
[[pipeline]]
key = "M"
sequential = true
[[pipeline.stage]]
key = "a"
probability = 10
required_actions = ["call", "visit"]
required_fields = ["close_date"]
[[pipeline.stage]]
key = "b"
probability = 50
)");
  Session& g = gated.s();
  OpportunityInput in2;
  in2.name = "Deal";
  in2.amount = "1";
  Opportunity d = add_opportunity(g, gated.customer("Z"), in2);
  CHECK(gate_problems(g, d, stage_of(g.config, d)).size() == 3);
  try {
    g.actor.role = Role::rep;
    promote_opportunity(g, d.id, std::nullopt, {});
    FAIL("passed the gate");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::refused);
  }
  CHECK_THROWS_AS(promote_opportunity(g, d.id, std::nullopt, {true, ""}), Error);  // a rep may not force
  g.actor.role = Role::manager;
  CHECK_THROWS_AS(promote_opportunity(g, d.id, std::nullopt, {true, ""}), Error);  // forcing needs a reason
  d = promote_opportunity(g, d.id, std::nullopt, {true, "signed on the spot"});
  CHECK(d.stage == "b");
  auto history = g.store.history({Kind::opportunity, d.id});
  CHECK(history.back().reason.find("forced by admin") == 0);
}

TEST_CASE("a lost deal reopens in its last open stage") {
  testing::TestSession t(kSeed000);
  Session& s = t.s();
  Opportunity o = open_deal(s, t.customer("W"), "W", "1");
  o = lose_opportunity(s, o.id, "price");
  CHECK(effective_probability(s.config, o) == 0);
  CHECK_THROWS_AS(lose_opportunity(s, o.id, "price"), Error);
  o = reopen_opportunity(s, o.id);
  CHECK(o.status == DealStatus::open);
  CHECK(o.stage == "demo");
}

TEST_CASE("in a sequential pipeline every path into a later stage passes the gates on the way") {
  testing::TestSession t(R"(
[[pipeline]]
key = "M"
sequential = true
[[pipeline.stage]]
key = "a"
probability = 10
required_actions = ["call"]
[[pipeline.stage]]
key = "b"
probability = 50
required_actions = ["quote"]
)");
  Session& s = t.s();
  s.actor.role = Role::rep;
  Id c = t.customer("Z");
  OpportunityInput in;
  in.name = "Deal";
  in.amount = "1";
  Opportunity d = add_opportunity(s, c, in);
  auto refused = [&](auto&& act) {
    try {
      act();
    } catch (const Error& e) {
      return e.code() == Exit::refused;
    }
    return false;
  };
  CHECK(refused([&] { win_opportunity(s, d.id, std::nullopt); }));           // win from a: a's and b's gates
  CHECK(refused([&] { move_opportunity(s, d.id, "b", {}); }));                // move: a's gate
  in.stage = "b";
  CHECK(refused([&] { add_opportunity(s, c, in); }));                         // start in b: a's gate
  check_action(s, d.id, "call");
  CHECK(refused([&] { win_opportunity(s, d.id, std::nullopt); }));           // b's gate still open
  check_action(s, d.id, "quote");
  d = win_opportunity(s, d.id, std::nullopt);                                  // skipping b is fine: its gate passed
  CHECK(d.status == DealStatus::won);
  s.actor.role = Role::manager;
  Opportunity forced = add_opportunity(s, c, in, {true, "migrated"});
  CHECK(forced.stage == "b");
  CHECK(s.store.history({Kind::opportunity, forced.id}).front().reason.find("forced by admin") != std::string::npos);
}

TEST_CASE("in a free pipeline only the stage being left has a gate") {
  testing::TestSession t(R"(
[[pipeline]]
key = "S"
[[pipeline.stage]]
key = "a"
probability = 10
[[pipeline.stage]]
key = "b"
probability = 50
required_actions = ["quote"]
[[pipeline.stage]]
key = "c"
probability = 90
)");
  Session& s = t.s();
  OpportunityInput in;
  in.name = "Deal";
  in.amount = "1";
  Opportunity d = add_opportunity(s, t.customer("Z"), in);
  d = move_opportunity(s, d.id, "c", {});  // skips b and its gate: allowed when not sequential
  CHECK(d.stage == "c");
  in.stage = "c";
  CHECK(add_opportunity(s, t.customer("Y"), in).stage == "c");
}

TEST_CASE("a sequential pipeline skips no stage forward, gate or not, unless a manager forces it") {
  testing::TestSession t(R"(
[[pipeline]]
key = "M"
sequential = true
[[pipeline.stage]]
key = "a"
probability = 10
[[pipeline.stage]]
key = "b"
probability = 50
[[pipeline.stage]]
key = "c"
probability = 90
)");
  Session& s = t.s();
  s.actor.role = Role::rep;
  OpportunityInput in;
  in.name = "Deal";
  in.amount = "1";
  Opportunity d = add_opportunity(s, t.customer("Z"), in);
  CHECK_THROWS_WITH_AS(move_opportunity(s, d.id, "c", {}), doctest::Contains("skips b"), Error);
  CHECK_THROWS_WITH_AS(promote_opportunity(s, d.id, std::string("c"), {}), doctest::Contains("skips b"), Error);
  CHECK(promote_opportunity(s, d.id, std::nullopt, {}).stage == "b");  // one stage at a time
  CHECK(move_opportunity(s, d.id, "a", {}).stage == "a");              // back is allow_regress's
  s.actor.role = Role::manager;
  CHECK_THROWS_AS(move_opportunity(s, d.id, "c", {true, ""}), Error);  // forcing needs a reason
  CHECK(move_opportunity(s, d.id, "c", {true, "signed at the first meeting"}).stage == "c");
}

TEST_CASE("a closed deal is credited to the rep who closed it; an open one stays with its customer") {
  testing::TestSession t;
  Session& s = t.s();
  Rep closer = t.rep("sarah");
  OpportunityInput in;
  in.name = "Deal";
  in.amount = "1";
  Opportunity d = add_opportunity(s, t.customer("Z"), in);
  CHECK_THROWS_AS(credit_closed_deal(s, d.id, closer, ""), Error);
  win_opportunity(s, d.id, std::nullopt);
  d = credit_closed_deal(s, d.id, closer, "imported from x.csv:2");
  CHECK(d.owner == "sarah");
  auto history = s.store.history({Kind::opportunity, d.id});
  CHECK(history.back().field == "owner");
  CHECK(history.back().reason == "closed by sarah — imported from x.csv:2");
}

TEST_CASE("a deal's forecast category: its stage's while open or lost, closed once won, none for an unknown stage") {
  testing::TestSession t(R"(
[[pipeline]]
key = "P"
[[pipeline.stage]]
key = "demo"
probability = 50
category = "best_case"
[[pipeline.stage]]
key = "close"
probability = 90
category = "commit"
)");
  Session& s = t.s();
  Opportunity o = open_deal(s, t.customer("Cat Co"), "Cat", "1000");
  CHECK(deal_category(s.config, o) == "best_case");
  o = promote_opportunity(s, o.id, std::nullopt, {});
  CHECK(deal_category(s.config, o) == "commit");
  Opportunity lost = lose_opportunity(s, open_deal(s, t.customer("Lost Co"), "Lost", "1000").id, "price");
  CHECK(deal_category(s.config, lost) == "best_case");
  o = win_opportunity(s, o.id, std::nullopt);
  CHECK(deal_category(s.config, o) == "closed");
  Opportunity gone = lost;
  gone.stage = "negotiation";  // a stage funnel.toml no longer defines
  CHECK_FALSE(deal_category(s.config, gone).has_value());
  gone.status = DealStatus::won;
  CHECK(deal_category(s.config, gone) == "closed");
}

TEST_CASE("the pool weighs a customer's open deals by the same rule as effective_probability") {
  testing::TestSession t(kSeed000);
  Session& s = t.s();
  Id c = t.customer("W Co");
  auto clock_probability = [&] {
    auto clocks = s.store.customer_clocks(std::nullopt, c, s.config.abandoned.key, stage_probabilities(s.config));
    REQUIRE(clocks.size() == 1);
    return clocks[0].open_probability;
  };
  CHECK(!clock_probability());
  Opportunity low = open_deal(s, c, "low", "1000");
  low = demote_opportunity(s, low.id, {});
  CHECK(clock_probability() == effective_probability(s.config, low));  // the stage's: 20
  Opportunity manual = open_deal(s, c, "manual", "1000");
  manual = set_probability(s, manual.id, 5);
  CHECK(clock_probability() == effective_probability(s.config, low));  // max(20, 5)
  manual = set_probability(s, manual.id, 55.5);
  CHECK(clock_probability() == effective_probability(s.config, manual));
  Opportunity won = open_deal(s, c, "won", "1000");
  won = win_opportunity(s, won.id, parse_money("1000", "CNY"));
  CHECK(effective_probability(s.config, won) == 100);
  CHECK(clock_probability() == 55.5);  // only open deals keep a customer
}
