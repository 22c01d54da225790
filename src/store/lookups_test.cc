#include "store/lookups.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace hopper;

TEST_CASE("a server's function runs the file's lookup, its parameters the function's arguments") {
  std::string script = lookups::in_functions("AS $$\n@lookup(last_lost_at)\n$$; AS $$\n@lookup(duplicates)\n$$;");
  CHECK(script.find("@lookup(") == std::string::npos);
  CHECK(script.find(':') == std::string::npos);  // no parameter left unbound
  CHECK(script.find("h.subject_id = last_lost_at.customer AND") != std::string::npos);
  CHECK(script.find("h.from_value = last_lost_at.rep") != std::string::npos);
  CHECK(script.find("c.phone_key = duplicates.phone AND") != std::string::npos);
  CHECK(script.find("l.company_key = duplicates.company AND") != std::string::npos);
  CHECK(script.find("NOT (duplicates.except_kind = 'lead' AND l.id = duplicates.except_id)") != std::string::npos);
  // The rest of the file's text is the function's, word for word.
  std::string lost = lookups::last_lost_at();
  CHECK(script.find(lost.substr(0, lost.find(":customer"))) != std::string::npos);
  CHECK_THROWS_AS(lookups::in_functions("@lookup(nothing)"), std::logic_error);
}
