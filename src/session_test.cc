#include <doctest/doctest.h>

#include <functional>

#include "../tests/test_session.h"
#include "hopper/error.h"
#include "hopper/session.h"

using namespace hopper;

static Exit code_of(const std::function<void()>& act) {
  try {
    act();
  } catch (const Error& e) {
    return e.code();
  }
  return Exit::ok;
}

TEST_CASE("--at never lies in the future") {
  Time now = parse_absolute_time("2026-11-27T09:00:00");
  CHECK(code_of([&] { require_not_after_clock(now, now); }) == Exit::ok);
  CHECK(code_of([&] { require_not_after_clock(now - std::chrono::days{30}, now); }) == Exit::ok);
  CHECK(code_of([&] { require_not_after_clock(now + std::chrono::seconds{1}, now); }) == Exit::invalid);
}

TEST_CASE("[security] strict: --as and a moved clock only for the OS account's admin rep") {
  testing::TestSession t("[security]\nstrict = true\n");
  Session& s = t.s();
  Rep li;
  li.name = "li";
  li.created_at = "2017-08-01T09:00:00";
  li.id = s.store.insert_rep(li);
  auto check = [&](const std::string& os, const Rep& actor, bool write, bool moved) {
    return code_of([&] { require_strict_identity(s.config, s.store, os, actor, write, moved); });
  };
  CHECK(check("li", li, true, false) == Exit::ok);          // your own rep, the real clock
  CHECK(check("li", li, false, true) == Exit::ok);          // reading as of another day is fine
  CHECK(check("li", li, true, true) == Exit::denied);       // moving the clock on a change is not
  CHECK(check("li", s.actor, false, false) == Exit::denied);  // li may not act as admin
  CHECK(check("bob", li, false, false) == Exit::denied);    // an account without a rep may not name one
  CHECK(check("admin", li, true, true) == Exit::ok);        // the admin's account may do both
  testing::TestSession lax;
  CHECK(code_of([&] { require_strict_identity(lax.config, lax.s().store, "bob", li, true, true); }) == Exit::ok);
}
