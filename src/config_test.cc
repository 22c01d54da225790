#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "hopper/config.h"
#include "hopper/error.h"
#include "hopper/text.h"
#include "hopper/workspace.h"
#include "../tests/name_table_check.h"

using namespace hopper;

// A copy of shared/funnel.example.toml, so the test runs on any clone.
static std::string example() { return read_file(std::string(HOPPER_SOURCE_DIR) + "/tests/fixtures/funnel.example.toml"); }
static bool has_problem(const ConfigResult& r, int line, const std::string& text) {
  for (const auto& p : r.problems)
    if (p.line == line && p.message.find(text) != std::string::npos) return true;
  return false;
}

TEST_CASE("the reference funnel.example.toml is accepted unchanged") {
  auto r = parse_config(example());
  CHECK_MESSAGE(r.ok(), join(format_problems(r.problems, "funnel.example.toml"), "\n"));
  const Config& c = r.config;
  CHECK(c.workspace.default_user == "admin");
  CHECK(c.layers.size() == 7);
  CHECK(c.layers[2].ideal_holding == 13);
  CHECK(c.pipelines.size() == 2);
  CHECK(c.pipelines[0].stages[1].required_actions == std::vector<std::string>{"needs_analysis"});
  CHECK(c.pipelines[1].sequential == false);
  CHECK(c.pool.rules.size() == 4);
  CHECK(c.pool.rules[1].segments == std::vector<std::string>{"KA"});
  CHECK(c.pool.stake_limit() == 250);
  CHECK(c.conflict.policy_for("KA") == ConflictPolicy::progress);
  CHECK(c.conflict.policy_for("SMB") == ConflictPolicy::first_contact);
  CHECK(c.fields.size() == 5);
  CHECK(c.abandoned.cool_days == 90);
}

TEST_CASE("every template is valid") {
  for (const auto& t : templates()) {
    CAPTURE(t.name);
    auto r = parse_config(t.text);
    CHECK_MESSAGE(r.ok(), join(format_problems(r.problems, t.name), "\n"));
  }
  auto ka = parse_config(find_template("key-accounts")->text).config;
  REQUIRE(ka.pipelines.size() == 1);
  std::vector<std::string> names;
  for (const auto& s : ka.pipelines[0].stages) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"客户开发", "立项", "提案", "招投标", "商务谈判", "工程实施"});
  CHECK(ka.find_field(FieldEntity::opportunity, "gross_margin") != nullptr);
}

TEST_CASE("an empty file takes every default") {
  auto r = parse_config("");
  REQUIRE(r.ok());
  CHECK(r.config.pool.capacity == 50);
  CHECK(r.config.followup.min_chars == 8);
  CHECK(r.config.layers.front().key == "resource");
  CHECK(r.config.pool.stake_limit() == 250);
  CHECK(r.config.default_segment == "SMB");
}

TEST_CASE("all problems are reported with their lines, not just the first") {
  std::string text =
      "[workspace]\n"                 // 1
      "name = \"x\"\n"                // 2
      "fiscal_year_start_month = 13\n"  // 3
      "[pool]\n"                      // 4
      "capacty = 40\n"                // 5  typo: unknown key
      "capacity = \"fifty\"\n"        // 6  wrong type
      "capacity_excludes = [\"signd\"]\n"  // 7 unknown layer
      "[[pool.rule]]\n"               // 8
      "name = \"r\"\n"                // 9
      "kind = \"no_followup\"\n"      // 10
      "days = 5\n"                    // 11
      "grades = [\"Z\"]\n"            // 12 unknown grade
      "[[pipeline]]\n"                // 13
      "key = \"M\"\n"                 // 14
      "[[pipeline.stage]]\n"          // 15
      "key = \"a\"\n"                 // 16
      "probability = 120\n";          // 17
  auto r = parse_config(text);
  CHECK(has_problem(r, 3, "between 1 and 12"));
  CHECK(has_problem(r, 5, "unknown key 'capacty' in [pool]"));
  CHECK(has_problem(r, 6, "pool.capacity must be an integer"));
  CHECK(has_problem(r, 7, "unknown layer 'signd'"));
  CHECK(has_problem(r, 12, "unknown grade 'Z'"));
  CHECK(has_problem(r, 17, "between 0 and 100"));
  CHECK(r.problems.size() == 6);
  CHECK(join(format_problems(r.problems, "funnel.toml"), "\n").find("funnel.toml:5:1: unknown key 'capacty'") != std::string::npos);
}

TEST_CASE("every numeric key refuses nan and infinities with its line") {
  // Each line of the reference file that sets a number, given each form
  // TOML reads as NaN or an infinity: probabilities and rates are floats,
  // the rest integers, and no key of either kind may take one.
  std::vector<std::string> lines;
  std::istringstream in(example());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  int numeric = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto eq = lines[i].find(" = ");
    if (eq == std::string::npos || lines[i].starts_with("#") ||
        !std::isdigit(static_cast<unsigned char>(lines[i][eq + 3])))
      continue;
    ++numeric;
    for (const char* form : {"nan", "-nan", "+nan", "inf", "-inf", "+inf"}) {
      auto mutated = lines;
      mutated[i] = lines[i].substr(0, eq + 3) + form;
      std::string text;
      for (const auto& l : mutated) text += l + "\n";
      CAPTURE(mutated[i]);
      auto r = parse_config(text);
      CHECK(has_problem(r, static_cast<int>(i) + 1, ""));
    }
  }
  CHECK(numeric > 30);  // the file's numbers were found
}

TEST_CASE("duplicate keys and syntax errors carry their position") {
  auto r = parse_config("[pool]\ncapacity = 1\ncapacity = 2\n");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);
}

TEST_CASE("references between sections are checked") {
  auto r = parse_config(
      "[customer]\nsegments = [\"SMB\"]\ndefault_segment = \"KA\"\n"
      "[conflict]\npolicy = \"coin-toss\"\n[conflict.segment]\nKA = \"progress\"\n"
      "[[field]]\nentity = \"opportunity\"\nkey = \"cat\"\ntype = \"choice\"\n");
  CHECK(has_problem(r, 3, "default_segment must be one of SMB"));
  CHECK(has_problem(r, 5, "policy must be one of"));
  CHECK(has_problem(r, 7, "unknown segment 'KA'"));
  CHECK(has_problem(r, 11, "has no choices"));
}

TEST_CASE("stage required fields must exist") {
  auto r = parse_config(
      "[[pipeline]]\nkey = \"M\"\n[[pipeline.stage]]\nkey = \"a\"\nprobability = 10\n"
      "required_fields = [\"close_date\", \"margin\"]\n");
  CHECK(has_problem(r, 6, "unknown opportunity field 'margin'"));
  CHECK(r.problems.size() == 1);
}

TEST_CASE("[security] and [forecast] are read, with their defaults") {
  auto defaults = parse_config("");
  CHECK_FALSE(defaults.config.security.strict);
  CHECK(defaults.config.forecast.min_sample == 20);
  auto set = parse_config("[security]\nstrict = true\n[forecast]\nmin_sample = 5\n");
  REQUIRE(set.ok());
  CHECK(set.config.security.strict);
  CHECK(set.config.forecast.min_sample == 5);
  auto typo = parse_config("[security]\nstrickt = true\n");
  REQUIRE(typo.problems.size() == 1);
  CHECK(typo.problems[0].line == 2);
  CHECK_FALSE(parse_config("[forecast]\nmin_sample = 0\n").ok());
}

TEST_CASE("filters name a key or its display name; an unknown one lists the valid ones") {
  Config c = parse_config("").config;
  CHECK(c.layer_key("意向") == "intent");
  CHECK(c.layer_key("abandoned") == "abandoned");
  CHECK(c.stage_key("", "方案报价") == "proposal");
  CHECK(c.pipeline_key("New business") == "M");
  CHECK(c.grade_key("") == "");
  CHECK_THROWS_AS(c.grade_key("Z"), Error);
  CHECK_THROWS_AS(c.stage_key("M", "renewal-typo"), Error);
}

TEST_CASE("closed config sets read back from their names") {
  check_name_table(kCategories, "upside");
  check_name_table(kRecycleKinds, "no_contact");
  check_name_table(kAfterRelease, "return_to_owner");  // funnel.toml writes it with hyphens
  check_name_table(kConflictPolicies, "first_contact");
  check_name_table(kAssignStrategies, "top_seller");
  check_name_table(kFieldTypes, "integer");
  check_name_table(kWeekdays, "Monday");  // funnel.toml writes them in lower case
}

TEST_CASE("week_start is a weekday the calendar starts weeks on; an unknown one is a problem naming the days") {
  CHECK(parse_config("").config.calendar().week_start == std::chrono::Monday);
  auto sunday = parse_config("[workspace]\nweek_start = \"sunday\"\n");
  REQUIRE(sunday.ok());
  CHECK(sunday.config.calendar().week_start == std::chrono::Sunday);
  auto bad = parse_config("[workspace]\nweek_start = \"sun\"\n");
  CHECK(has_problem(bad, 2, "week_start must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday, "
                            "not 'sun'"));
}

TEST_CASE("a closed config value is typed, an unknown one a problem naming the set") {
  auto r = parse_config(
      "[pool]\nafter_release = \"return-to-owner\"\n[[pool.rule]]\nname = \"cold\"\nkind = \"no_deal\"\ndays = 30\n"
      "[[pipeline]]\nkey = \"M\"\n[[pipeline.stage]]\nkey = \"a\"\nprobability = 10\ncategory = \"commit\"\n");
  REQUIRE(r.ok());
  CHECK(r.config.pool.after_release == AfterRelease::return_to_owner);
  CHECK(r.config.pool.rules.at(0).kind == RecycleKind::no_deal);
  CHECK(r.config.pipelines.at(0).stages.at(0).category == Category::commit);
  auto bad = parse_config(
      "[pool]\nafter_release = \"closed\"\n[[pool.rule]]\nname = \"cold\"\nkind = \"no_call\"\ndays = 30\n"
      "[[pipeline]]\nkey = \"M\"\n[[pipeline.stage]]\nkey = \"a\"\nprobability = 10\ncategory = \"upside\"\n");
  CHECK(has_problem(bad, 2, "pool.after_release must be one of open, return-to-owner, not 'closed'"));
  CHECK(has_problem(bad, 5, "kind must be one of no_followup, no_deal, no_repeat, not 'no_call'"));
  CHECK(has_problem(bad, 12, "category must be one of pipeline, best_case, commit, not 'upside'"));
  CHECK(bad.config.pool.after_release == AfterRelease::open);  // the default stands
}

TEST_CASE("a custom field's entity is typed; an unknown one is a problem naming the set, and no field") {
  auto r = parse_config(
      "[[field]]\nentity = \"customer\"\nkey = \"region\"\ntype = \"text\"\n"
      "[[field]]\nentity = \"opportunity\"\nkey = \"region\"\ntype = \"text\"\n");
  REQUIRE(r.ok());
  REQUIRE(r.config.fields.size() == 2);
  CHECK(r.config.fields[0].entity == FieldEntity::customer);
  CHECK(r.config.find_field(FieldEntity::opportunity, "region") == &r.config.fields[1]);
  CHECK(r.config.find_field(FieldEntity::lead, "region") == nullptr);
  auto bad = parse_config(
      "[[field]]\nentity = \"deal\"\nkey = \"region\"\ntype = \"text\"\n"
      "[[field]]\nentity = \"lead\"\nkey = \"region\"\ntype = \"text\"\n"
      "[[field]]\nentity = \"lead\"\nkey = \"region\"\ntype = \"text\"\n");
  CHECK(has_problem(bad, 2, "entity must be one of lead, customer, opportunity, not 'deal'"));
  CHECK(has_problem(bad, 11, "field 'region' is defined twice for lead"));
  CHECK(bad.problems.size() == 2);  // the field of no known entity is no duplicate of the lead's
}
