#include <doctest/doctest.h>

#include <functional>

#include "../tests/test_session.h"
#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/session.h"

using namespace hopper;
using testing::code_of;

TEST_CASE("--at never lies in the future") {
  Time now = parse_absolute_time("2026-11-27T09:00:00");
  CHECK(code_of([&] { require_not_after_clock(now, now); }) == Exit::ok);
  CHECK(code_of([&] { require_not_after_clock(now - std::chrono::days{30}, now); }) == Exit::ok);
  CHECK(code_of([&] { require_not_after_clock(now + std::chrono::seconds{1}, now); }) == Exit::invalid);
}

TEST_CASE("[security] strict: --as and a moved clock only for the OS account's admin rep") {
  testing::TestSession t("[security]\nstrict = true\n");
  Session& s = t.s();
  Rep li = t.rep("li");
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

  Rep li = t.rep("li");
  Session as_li{s.config, s.store, s.now, s.at, li};
  CHECK(code_of([&] { record_strict(as_li, true); }) == Exit::denied);
  CHECK_FALSE(s.store.recorded_strict());

  record_strict(s, true);
  CHECK(effective_security(SecuritySettings{}, s.store).strict);  // a file that says false cannot turn it off
  record_strict(s, false);
  CHECK_FALSE(effective_security(SecuritySettings{}, s.store).strict);
}

TEST_CASE("who acts: --as, $HOPPER_USER, the OS account when strict, the server's role, default_user, $USER, the OS account") {
  ActorSources n;
  n.os_user = "os";
  CHECK(acting_name(n) == "os");
  n.login = "login";
  CHECK(acting_name(n) == "login");
  n.default_user = "default";
  CHECK(acting_name(n) == "default");
  n.server_user = "role";
  CHECK(acting_name(n) == "role");
  n.strict = true;
  CHECK(acting_name(n) == "os");
  n.hopper_user = "env";
  CHECK(acting_name(n) == "env");
  n.as = "as";
  CHECK(acting_name(n) == "as");
  ActorSources nobody;  // init names its first admin: nothing named is nobody
  CHECK(acting_name(nobody).empty());
}

TEST_CASE("a logged change shows its contacts to whoever may read the record's, or ran the command") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = t.rep("li");
  Rep wang = t.rep("wang");
  CustomerInput in;
  in.name = "Li's Co";
  in.owner = "li";
  Id lis = add_customer(s, in, false).customer.id;
  Id person = s.store.insert_person({0, lis, "Zhou", "13912345678", "", "", "2017-08-01T09:00:00"});
  in.name = "Pool Co";
  in.owner.reset();
  in.to_pool = true;
  Id pooled = add_customer(s, in, false).customer.id;
  LeadInput lead;
  lead.name = "Li's lead";
  lead.owner = "li";
  Id lis_lead = add_lead(s, lead, false).lead.id;
  auto change = [](const std::string& actor, const std::string& table, Id row) {
    ChangeEntry ch;
    ch.actor = actor;
    ch.table = table;
    ch.row_id = row;
    return ch;
  };
  s.actor = wang;
  ContactVisibility wangs(s);
  CHECK_FALSE(wangs.visible(change("admin", "customer", lis)));
  CHECK_FALSE(wangs.visible(change("admin", "person", person)));
  CHECK_FALSE(wangs.visible(change("admin", "lead", lis_lead)));
  CHECK(wangs.visible(change("admin", "customer", pooled)));     // the pool's contacts are everyone's
  CHECK(wangs.visible(change("wang", "customer", lis)));         // a command wang ran himself
  CHECK_FALSE(wangs.visible(change("admin", "rep", li.id)));      // another table: only the command's words
  CHECK_FALSE(wangs.visible(change("admin", "customer", 999)));   // a record that is gone
  s.actor = li;
  ContactVisibility lis_view(s);
  CHECK(lis_view.visible(change("admin", "customer", lis)));
  CHECK(lis_view.visible(change("admin", "person", person)));
  CHECK(lis_view.visible(change("admin", "lead", lis_lead)));
  s.actor = *s.store.find_rep("admin");
  CHECK(ContactVisibility(s).visible(change("li", "rep", li.id)));  // an admin sees all
}

TEST_CASE("a rep sees their own work; another rep's is for managers") {
  testing::TestSession t;
  Session& s = t.s();
  Rep li = t.rep("li");
  Rep wang = t.rep("wang");
  CHECK(rep_to_view(s, std::string("li")).id == li.id);  // the admin
  s.actor = li;
  CHECK(rep_to_view(s, std::nullopt).id == li.id);
  CHECK(rep_to_view(s, std::string("li")).id == li.id);
  CHECK(code_of([&] { rep_to_view(s, std::string("wang")); }) == Exit::denied);
}
