#include "hopper/archive.h"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/opportunities.h"

#include "../tests/test_session.h"

using namespace hopper;

TEST_CASE("export, import into a new workspace, export again: the same bytes") {
  testing::TestSession from;
  LeadInput lead;
  lead.name = "张伟";
  lead.phone = "13800138000";
  add_lead(from.s(), lead, false);
  from.customer("Acme");
  std::ostringstream first;
  export_workspace(from.s(), first, "");

  testing::TestSession to;
  std::istringstream in(first.str());
  to.s().store.begin(true);
  Restored r = restore_workspace(to.s(), in, "x.jsonl", "");
  CHECK(r.rows > 3);
  CHECK_FALSE(r.rules_differ);
  to.s().store.commit();
  std::ostringstream second;
  export_workspace(to.s(), second, "");
  CHECK(second.str() == first.str());

  std::istringstream again(first.str());  // now it has records: refused
  CHECK_THROWS_AS(restore_workspace(to.s(), again, "x.jsonl", ""), Error);
}

TEST_CASE("an export carries its rules; an import refuses rules that lack its keys, or restores them") {
  const std::string rules =
      "[[pipeline]]\nkey = \"P\"\n[[pipeline.stage]]\nkey = \"first\"\nprobability = 10\n[[pipeline.stage]]\n"
      "key = \"second\"\nprobability = 50\n";
  testing::TestSession from(rules);
  Id c = from.customer();
  OpportunityInput deal;
  deal.name = "ERP";
  deal.amount = "100";
  deal.stage = "second";
  add_opportunity(from.s(), c, deal);
  std::ostringstream exported;
  export_workspace(from.s(), exported, rules);
  CHECK(exported.str().find("\"funnel_toml\":\"[[pipeline]]") != std::string::npos);

  SUBCASE("default rules lack pipeline P: refused, naming it") {
    testing::TestSession to;
    std::istringstream in(exported.str());
    to.s().store.begin(true);
    try {
      restore_workspace(to.s(), in, "x.jsonl", "");
      FAIL("restored under rules that lack its keys");
    } catch (const Error& e) {
      CHECK(e.code() == Exit::config);
      CHECK(std::string(e.what()).find("pipeline 'P' (1 opportunity)") != std::string::npos);
      CHECK(std::string(e.what()).find("--with-rules") != std::string::npos);
    }
  }
  SUBCASE("restored: the export's rules, the workspace's own [store] kept") {
    testing::TestSession to;
    std::istringstream in(exported.str());
    to.s().store.begin(true);
    const std::string current = "[workspace]\nname = \"here\"\n\n[store] # the records\n";
    Restored r = restore_workspace(to.s(), in, "x.jsonl", current, ExportRules::restore);
    REQUIRE(r.rules);
    CHECK(*r.rules == rules + "\n[store] # the records\n");
    // And back into a workspace without one: the same text as first exported.
    std::ostringstream again;
    export_workspace(to.s(), again, *r.rules);
    testing::TestSession back;
    std::istringstream in_back(again.str());
    back.s().store.begin(true);
    Restored b = restore_workspace(back.s(), in_back, "y.jsonl", "", ExportRules::restore);
    REQUIRE(b.rules);
    CHECK(*b.rules == rules);
  }
  SUBCASE("rules that are the same change nothing") {
    testing::TestSession to(rules);
    std::istringstream in(exported.str());
    to.s().store.begin(true);
    Restored r = restore_workspace(to.s(), in, "x.jsonl", rules, ExportRules::restore);
    CHECK_FALSE(r.rules);
    CHECK_FALSE(r.rules_differ);
  }
}

TEST_CASE("a restore whose rows do not hold together is refused before the commit, naming the line") {
  testing::TestSession from;
  from.customer("Acme");
  std::ostringstream exported;
  export_workspace(from.s(), exported, "");
  std::string text = exported.str();
  auto owner = text.find("\"owner_id\":1,");
  REQUIRE(owner != std::string::npos);
  text.replace(owner, 13, "\"owner_id\":7,");
  long line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(owner), '\n');

  testing::TestSession to;
  std::istringstream in(text);
  to.s().store.begin(true);
  try {
    restore_workspace(to.s(), in, "x.jsonl", "");
    FAIL("restored a customer whose owner is no rep");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::invalid);
    CHECK(std::string(e.what()).find(fmt::format("x.jsonl:{}: customer 1: owner_id 7 is no rep row", line)) !=
          std::string::npos);
  }
  to.s().store.rollback();
  CHECK(to.s().store.record_count() == 0);
}
