#include "hopper/session.h"

#include <fmt/format.h>

#include <algorithm>

#include "hopper/error.h"

namespace hopper {

void Session::record_change(Ref subject, const std::string& field, std::string_view from, std::string_view to,
                            const std::string& reason, Cause cause, const std::string& rule) {
  store.add_history({0, at_text(), actor.name, subject, field, std::string(from), std::string(to), reason, cause, rule});
}

std::string acting_name(const ActorSources& n) {
  if (n.as) return *n.as;
  if (!n.hopper_user.empty()) return n.hopper_user;
  if (n.strict) return n.os_user;
  if (n.server_user) return *n.server_user;
  if (n.default_user) return *n.default_user;
  if (!n.login.empty()) return n.login;
  return n.os_user;
}

void require_not_after_clock(Time at, Time now) {
  if (at > now)
    throw Error(Exit::invalid, fmt::format("--at {} is later than the clock ({}); --at records what already happened",
                                           format_time(at), format_time(now)));
}

SecuritySettings effective_security(const SecuritySettings& file, Store& store) {
  SecuritySettings effective = file;
  effective.strict = file.strict || store.recorded_strict();
  return effective;
}

void record_strict(Session& s, bool on) {
  require_admin(s, "config strict");
  s.store.record_strict(on);
}

void require_strict_identity(const SecuritySettings& security, Store& store, const std::string& os_user,
                             const Rep& actor, bool write, bool clock_moved) {
  if (!security.strict) return;
  std::optional<Rep> own = store.find_rep(os_user);
  if (own && own->active && own->role == Role::admin) return;
  if (actor.name != os_user)
    throw Error(Exit::denied, fmt::format("[security] strict: OS account '{}' may act only as its own rep, not as '{}' "
                                          "(an admin may; see hopper rep list)",
                                          os_user, actor.name));
  if (write && clock_moved)
    throw Error(Exit::denied, "[security] strict: --now, HOPPER_NOW and --at on a change are for admins; "
                              "run it without them");
}

void require_server_identity(Store& store, const ServerSession& server, const Rep& actor, bool write,
                             bool clock_moved) {
  if (server.owner) return;
  std::optional<Rep> own = store.find_rep(server.user);
  if (own && own->active && own->role == Role::admin) return;
  if (actor.name != server.user)
    throw Error(Exit::denied, fmt::format("on a server you act as your PostgreSQL role '{}', not as '{}' (--as and "
                                          "HOPPER_USER are for admins; see docs/team.md)",
                                          server.user, actor.name));
  if (write && clock_moved)
    throw Error(Exit::denied, "on a server a change uses the server's clock; --now, HOPPER_NOW and --at on a change "
                              "are for admins");
}

void require_manager(const Session& s, std::string_view action) {
  if (!s.actor.is_manager())
    throw Error(Exit::denied, fmt::format("{} is for managers and admins; {} is a {}", action, s.actor.name,
                                          role_name(s.actor.role)));
}

ContactVisibility::ContactVisibility(const Session& s)
    : store_(s.store), actor_(s.actor.id), actor_name_(s.actor.name), admin_(s.actor.role == Role::admin) {
  if (s.actor.role == Role::manager && !s.actor.team.empty())
    for (const Rep& r : s.store.reps())
      if (r.team == s.actor.team) team_.push_back(r.id);
}

bool ContactVisibility::visible(std::optional<Id> owner) const {
  if (admin_ || !owner || *owner == actor_) return true;
  return std::find(team_.begin(), team_.end(), *owner) != team_.end();
}

bool ContactVisibility::visible(const Conflict& c) const {
  if (admin_ || (c.key != "phone" && c.key != "email")) return true;
  for (const Holding* h : {&c.record_holder, &c.existing_holder})
    if (h->known && visible(h->owner)) return true;
  return false;
}

bool ContactVisibility::visible(const ChangeEntry& ch) const {
  if (admin_ || ch.actor == actor_name_) return true;
  std::optional<Id> customer;
  if (ch.table == "lead") {
    auto lead = store_.find_lead(ch.row_id);
    return lead && visible(lead->owner_id);
  }
  if (ch.table == "customer") customer = ch.row_id;
  if (ch.table == "person") customer = store_.customer_of_person(ch.row_id);
  if (!customer) return false;
  auto c = store_.find_customer(*customer);
  return c && visible(c->owner_id);
}

void require_admin(const Session& s, std::string_view action) {
  if (s.actor.role != Role::admin)
    throw Error(Exit::denied, fmt::format("{} is for admins; {} is a {}", action, s.actor.name, role_name(s.actor.role)));
}

void require_owner_or_manager(const Session& s, std::optional<Id> owner, std::string_view what) {
  if (s.actor.is_manager() || (owner && *owner == s.actor.id)) return;
  std::string holder = "the shared pool";
  if (owner) {
    auto rep = s.store.find_rep(*owner);
    holder = rep ? rep->name : "another rep";
  }
  throw Error(Exit::denied, fmt::format("{} belongs to {}; a rep may change only their own records (ask a manager)",
                                        what, holder));
}

Rep active_rep(Session& s, const std::string& name) {
  auto rep = s.store.find_rep(name);
  if (!rep) throw Error(Exit::not_found, fmt::format("no rep named '{}' (see hopper rep list)", name));
  if (!rep->active) throw Error(Exit::refused, fmt::format("rep '{}' has left and cannot own records", name));
  return *rep;
}

std::string owner_label(const std::string& owner) { return owner.empty() ? "pool" : owner; }

Rep rep_to_view(Session& s, const std::optional<std::string>& name) {
  if (!name || *name == s.actor.name) return s.actor;
  require_manager(s, "looking at another rep's work");
  return active_rep(s, *name);
}

}  // namespace hopper
