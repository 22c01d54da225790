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
    return code_of([&] { require_strict_identity(s.config.security, s.store, os, actor, write, moved); });
  };
  CHECK(check("li", li, true, false) == Exit::ok);          // your own rep, the real clock
  CHECK(check("li", li, false, true) == Exit::ok);          // reading as of another day is fine
  CHECK(check("li", li, true, true) == Exit::denied);       // moving the clock on a change is not
  CHECK(check("li", s.actor, false, false) == Exit::denied);  // li may not act as admin
  CHECK(check("bob", li, false, false) == Exit::denied);    // an account without a rep may not name one
  CHECK(check("admin", li, true, true) == Exit::ok);        // the admin's account may do both
  testing::TestSession lax;
  CHECK(code_of([&] { require_strict_identity(lax.config.security, lax.s().store, "bob", li, true, true); }) == Exit::ok);
}

TEST_CASE("[security] strict recorded in the database holds whatever funnel.toml says; only an admin records it") {
  testing::TestSession t;  // funnel.toml without [security]: strict = false
  Session& s = t.s();
  SecuritySettings file;
  CHECK_FALSE(effective_security(file, s.store).strict);
  file.strict = true;
  CHECK(effective_security(file, s.store).strict);  // the file alone can turn it on

  Rep li;
  li.name = "li";
  li.created_at = "2017-08-01T09:00:00";
  li.id = s.store.insert_rep(li);
  Session as_li{s.config, s.store, s.now, s.at, li};
  CHECK(code_of([&] { record_strict(as_li, true); }) == Exit::denied);
  CHECK_FALSE(s.store.recorded_strict());

  record_strict(s, true);
  CHECK(effective_security(SecuritySettings{}, s.store).strict);  // a file that says false cannot turn it off
  record_strict(s, false);
  CHECK_FALSE(effective_security(SecuritySettings{}, s.store).strict);
}
