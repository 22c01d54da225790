#include <doctest/doctest.h>

#include "hopper/error.h"
#include "hopper/records.h"
#include "../tests/name_table_check.h"

using namespace hopper;

TEST_CASE("roles, deal statuses and causes read back from their names") {
  check_name_table(kRoles, "owner");
  check_name_table(kDealStatuses, "closed");
  check_name_table(kCauses, "stolen");
  CHECK(role_name(Role::manager) == "manager");
  CHECK(parse_role("Admin") == std::nullopt);  // roles are written in lower case
  CHECK(parse_deal_status(" won") == std::nullopt);
  CHECK(parse_deal_status("WON") == DealStatus::won);  // import files write any case
  CHECK(parse_cause("stolen") == Cause::none);
  CHECK(cause_name(Cause::none).empty());
}

TEST_CASE("lead, to-do and conflict statuses read back from their names") {
  check_name_table(kLeadStatuses, "won");
  check_name_table(kTodoStatuses, "resolved");
  check_name_table(kConflictStatuses, "done");
  check_name_table(kFieldEntities, "deal");
  CHECK(kLeadStatuses.parse("Open") == std::nullopt);  // the command line and the store write lower case
  CHECK(kLeadStatuses.names() == std::vector<std::string>{"open", "converted", "dropped"});
}

TEST_CASE("a stored value no table knows is damage, exit 7") {
  try {
    kDealStatuses.stored("2026-02-30");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::config);
  }
  CHECK_THROWS_WITH(kind_from_table("leads"), doctest::Contains("where a kind of record belongs"));
}
