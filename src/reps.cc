#include "hopper/reps.h"

#include <fmt/format.h>

#include <algorithm>

#include "hopper/assignment.h"
#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/validation.h"

namespace hopper {
namespace {

// Each refusal names its field too, for an import to put it under its column.
[[noreturn]] void refuse(const char* field, const std::string& text) {
  throw Error(Exit::invalid, text, {{field, text}});
}

Role role_of(const std::string& text) {
  auto role = parse_role(text);
  if (!role) refuse("role", fmt::format("unknown role '{}': use rep, manager or admin", text));
  return *role;
}

// A workspace always keeps an active admin: the last one can neither be
// demoted nor leave.
void require_not_last_admin(Session& s, const Rep& rep) {
  if (rep.role == Role::admin && s.store.count_admins() <= 1)
    throw Error(Exit::refused, fmt::format("{} is the last admin; make another rep admin first", rep.name));
}

void check_capacity(const std::optional<int>& capacity) {
  if (capacity && *capacity < 0)
    refuse("capacity", fmt::format("capacity {} is negative: a rep holds 0 customers or more", *capacity));
}

}  // namespace

Rep add_rep(Session& s, const std::string& name, const RepInput& in) {
  require_admin(s, "adding reps");
  if (auto p = rep_name_problem(name)) refuse("name", *p);
  if (s.store.find_rep(name)) throw Error(Exit::conflict, fmt::format("there is already a rep named '{}'", name));
  check_capacity(in.capacity);
  Rep r;
  r.name = name;
  r.team = in.team.value_or("");
  r.role = in.role ? role_of(*in.role) : Role::rep;
  r.capacity = in.capacity;
  r.created_at = s.at_text();
  r.id = s.store.insert_rep(r);
  return r;
}

Rep edit_rep(Session& s, const std::string& name, const RepInput& in) {
  require_admin(s, "editing reps");
  auto rep = s.store.find_rep(name);
  if (!rep) throw Error(Exit::not_found, fmt::format("no rep named '{}' (see hopper rep list)", name));
  check_capacity(in.capacity);
  if (in.team) rep->team = *in.team;
  if (in.role) {
    Role role = role_of(*in.role);
    if (role != Role::admin) require_not_last_admin(s, *rep);
    if (role != rep->role)
      s.record_change({Kind::rep, rep->id}, "role", std::string(role_name(rep->role)), std::string(role_name(role)));
    rep->role = role;
  }
  if (in.capacity) rep->capacity = in.capacity;
  if (in.default_capacity) rep->capacity.reset();
  s.store.update_rep(*rep);
  return *rep;
}

HandOver rep_leave(Session& s, const std::string& name, const std::optional<std::string>& to,
                   std::optional<AssignStrategy> strategy) {
  require_manager(s, "handing over a leaving rep's records");
  HandOver h{active_rep(s, name), {}};
  require_not_last_admin(s, h.leaving);
  if (to) {
    h.successor = active_rep(s, *to);
  } else {
    auto pick = pick_rep(s, strategy.value_or(s.config.assign.strategy), {h.leaving.id});
    if (!pick) throw Error(Exit::refused, "no rep can take over (every private pool is full); name one with --to REP");
    h.successor = *pick;
  }
  if (h.successor.id == h.leaving.id) throw Error(Exit::usage, "a rep cannot hand over to themselves");
  std::string reason = fmt::format("{} left; handed over to {}", h.leaving.name, h.successor.name);
  const auto& outside = s.config.pool.capacity_excludes;
  h.opportunities = static_cast<int>(s.store.opportunities({h.leaving.id, std::nullopt, "", "", DealStatus::open}).size());
  CustomerFilter mine;
  mine.owner_id = h.leaving.id;
  for (Customer c : s.store.customers(mine)) {
    bool inherited = std::find(outside.begin(), outside.end(), c.layer) != outside.end() ||
                     !s.store.opportunities({std::nullopt, c.id, "", "", DealStatus::open}).empty();
    change_owner(s, c, inherited ? std::optional<Rep>(h.successor) : std::nullopt, {Cause::left, reason, ""});
    s.store.update_customer(c);
    ++(inherited ? h.inherited : h.pooled);
  }
  // Deals of the leaving rep on somebody else's customer (made before
  // ownership followed the customer) still need a living owner.
  for (Opportunity o : s.store.opportunities({h.leaving.id, std::nullopt, "", "", DealStatus::open})) {
    s.record_change({Kind::opportunity, o.id}, "owner", o.owner, h.successor.name, reason, Cause::left);
    o.owner_id = h.successor.id;
    s.store.update_opportunity(o);
  }
  CustomerFilter pool;
  pool.pool_only = true;
  for (Customer c : s.store.customers(pool)) {
    if (c.staked_by_id != h.leaving.id) continue;
    s.record_change({Kind::customer, c.id}, "stake", c.staked_by, "", reason);
    c.end_stake();
    s.store.update_customer(c);
  }
  for (Lead l : s.store.leads({h.leaving.id, "", "", LeadStatus::open})) {
    s.record_change({Kind::lead, l.id}, "owner", l.owner, h.successor.name, reason, Cause::left);
    l.owner_id = h.successor.id;
    s.store.update_lead(l);
    ++h.leads;
  }
  for (Todo t : s.store.todos({h.leaving.id, true, std::nullopt})) {
    s.record_change({Kind::todo, t.id}, "owner", t.owner, h.successor.name, reason, Cause::left);
    t.owner_id = h.successor.id;
    s.store.update_todo(t);
    ++h.todos;
  }
  s.record_change({Kind::rep, h.leaving.id}, "active", "yes", "no", reason);
  h.leaving.active = false;
  s.store.update_rep(h.leaving);
  return h;
}

}  // namespace hopper
