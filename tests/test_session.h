// A throwaway store and session for unit tests of rules that touch records.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>

#include "hopper/config.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/session.h"
#include "hopper/store.h"
#include "hopper/text.h"

namespace hopper::testing {

// The exit code an action ends with: Exit::ok, or the code of the Error it throws.
inline Exit code_of(const std::function<void()>& act) {
  try {
    act();
  } catch (const Error& e) {
    return e.code();
  }
  return Exit::ok;
}

struct TestSession {
  std::filesystem::path dir;
  Config config;
  std::unique_ptr<Store> store;
  std::unique_ptr<Session> session;

  explicit TestSession(const std::string& toml = "", const std::string& now = "2017-08-01T09:00:00") {
    static int counter = 0;
    dir = std::filesystem::temp_directory_path() /
          ("hopper-unit-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto parsed = parse_config(toml);
    if (!parsed.ok()) throw std::runtime_error(join(format_problems(parsed.problems, "test.toml"), "\n"));
    config = parsed.config;
    store = std::make_unique<Store>(dir / "hopper.db", 1000, true);
    store->begin_event({now, "admin", "[\"init\"]", now, "admin"});  // as hopper init: every change has its event
    Rep admin;
    admin.name = "admin";
    admin.role = Role::admin;
    admin.created_at = now;
    admin.id = store->insert_rep(admin);
    Time t = parse_absolute_time(now);
    session = std::make_unique<Session>(Session{config, *store, t, t, admin});
  }
  ~TestSession() {
    session.reset();
    store.reset();
    std::filesystem::remove_all(dir);
  }
  Session& s() { return *session; }
  // A customer of the acting rep (duplicates allowed: tests reuse names).
  Id customer(const std::string& name = "Acme") {
    CustomerInput in;
    in.name = name;
    return add_customer(*session, in, true).customer.id;
  }
  // A rep (role rep) added on the first day of the test.
  Rep rep(const std::string& name) {
    Rep r;
    r.name = name;
    r.created_at = "2017-08-01T09:00:00";
    r.id = store->insert_rep(r);
    return r;
  }
  void set_now(const std::string& now) { session->now = session->at = parse_absolute_time(now); }
};

}  // namespace hopper::testing
