#include <doctest/doctest.h>

#include "hopper/config.h"
#include "hopper/dates.h"
#include "hopper/fields.h"

using namespace hopper;

// The fields of a project-initiation report: number, margin, budget, kind,
// expected signing date.
static Config initiation_fields() {
  auto parsed = parse_config(R"(
[workspace]
currency = "CNY"
[[field]]
entity = "opportunity"
key = "project_number"
name = "项目编号"
type = "text"
[[field]]
entity = "opportunity"
key = "gross_margin"
name = "预计毛利"
type = "percent"
[[field]]
entity = "opportunity"
key = "expense_budget"
name = "销售费用预算"
type = "money"
[[field]]
entity = "opportunity"
key = "category"
name = "项目类别"
type = "choice"
choices = ["hardware", "software", "service"]
[[field]]
entity = "opportunity"
key = "signing"
name = "预计签约日期"
type = "date"
[[field]]
entity = "opportunity"
key = "seats"
name = "seats"
type = "number"
[[field]]
entity = "customer"
key = "industry"
name = "行业"
type = "text"
)");
  REQUIRE(parsed.ok());
  return parsed.config;
}

static const Time kNow = parse_absolute_time("2017-08-01T09:00:00");

TEST_CASE("each field's value is stored in its canonical form") {
  Config c = initiation_fields();
  Fields f;
  auto problems = apply_field_settings(c, FieldEntity::opportunity,
                                       {"project_number=XM-2017-031", "gross_margin=12.5%", "expense_budget=1,200.50",
                                        "category=software", "signing=2017-09-30", "seats=40"},
                                       kNow, f);
  CHECK(problems.empty());
  CHECK(f["project_number"] == "XM-2017-031");
  CHECK(f["gross_margin"] == "12.5");
  CHECK(f["expense_budget"] == "120050");  // minor units
  CHECK(f["category"] == "software");
  CHECK(f["signing"] == "2017-09-30");
  CHECK(f["seats"] == "40");
}

TEST_CASE("a relative date is stored as the day it means against the clock") {
  Config c = initiation_fields();
  Fields f;
  CHECK(apply_field_settings(c, FieldEntity::opportunity, {"signing=today"}, kNow, f).empty());
  CHECK(f["signing"] == "2017-08-01");
}

TEST_CASE("every wrong value is a problem of its own, and a wrong one changes nothing") {
  Config c = initiation_fields();
  Fields f{{"category", "hardware"}};
  auto problems = apply_field_settings(
      c, FieldEntity::opportunity, {"category=cloud", "seats=forty", "gross_margin=lots", "expense_budget=abc", "signing=someday"},
      kNow, f);
  REQUIRE(problems.size() == 5);
  CHECK(problems[0].field == "category");
  CHECK(problems[0].text.find("hardware, software, service") != std::string::npos);
  CHECK(problems[1].field == "seats");
  CHECK(f["category"] == "hardware");
  CHECK(f.count("seats") == 0);
}

TEST_CASE("an unknown key names the entity's fields; a field of another entity is unknown") {
  Config c = initiation_fields();
  Fields f;
  auto problems = apply_field_settings(c, FieldEntity::customer, {"project_number=1"}, kNow, f);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].text.find("known: industry") != std::string::npos);
  problems = apply_field_settings(c, FieldEntity::lead, {"industry=steel"}, kNow, f);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].text.find("known: none") != std::string::npos);
  CHECK(f.empty());
}

TEST_CASE("KEY=VALUE is the only form; an empty value clears the field; values are trimmed") {
  Config c = initiation_fields();
  Fields f{{"project_number", "XM-1"}};
  auto problems = apply_field_settings(c, FieldEntity::opportunity, {"project_number"}, kNow, f);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].text == "use --set KEY=VALUE");
  CHECK(f["project_number"] == "XM-1");
  CHECK(apply_field_settings(c, FieldEntity::opportunity, {"project_number=  XM-2  "}, kNow, f).empty());
  CHECK(f["project_number"] == "XM-2");
  CHECK(apply_field_settings(c, FieldEntity::opportunity, {"project_number="}, kNow, f).empty());
  CHECK(f.count("project_number") == 0);
}

TEST_CASE("a stored value that no longer fits its field's type is found") {
  Config c = initiation_fields();
  const FieldDef* money = c.find_field(FieldEntity::opportunity, "expense_budget");
  const FieldDef* choice = c.find_field(FieldEntity::opportunity, "category");
  const FieldDef* date = c.find_field(FieldEntity::opportunity, "signing");
  const FieldDef* number = c.find_field(FieldEntity::opportunity, "seats");
  REQUIRE((money && choice && date && number));
  CHECK_FALSE(stored_value_problem(*money, "120050"));
  CHECK(stored_value_problem(*money, "1,200.50"));
  CHECK_FALSE(stored_value_problem(*choice, "service"));
  CHECK(stored_value_problem(*choice, "cloud")->find("choices: hardware") != std::string::npos);
  CHECK_FALSE(stored_value_problem(*date, "2017-09-30"));
  CHECK(stored_value_problem(*date, "30/09/2017"));
  CHECK_FALSE(stored_value_problem(*number, "12.5"));
  CHECK(stored_value_problem(*number, "twelve"));
  CHECK(parse_stored_integer("-42") == -42);
  CHECK_FALSE(parse_stored_integer("42x"));
  CHECK_FALSE(parse_stored_number("inf"));
}
