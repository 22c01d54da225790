#include "hopper/archive.h"

#include <doctest/doctest.h>

#include <sstream>

#include "hopper/error.h"
#include "hopper/leads.h"

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
  export_workspace(from.s(), first);

  testing::TestSession to;
  std::istringstream in(first.str());
  to.s().store.begin(true);
  CHECK(restore_workspace(to.s(), in, "x.jsonl") > 3);
  to.s().store.commit();
  std::ostringstream second;
  export_workspace(to.s(), second);
  CHECK(second.str() == first.str());

  std::istringstream again(first.str());  // now it has records: refused
  CHECK_THROWS_AS(restore_workspace(to.s(), again, "x.jsonl"), Error);
}
