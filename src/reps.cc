#include "hopper/reps.h"

#include <fmt/format.h>

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
    if (rep->role == Role::admin && role != Role::admin && s.store.count_admins() <= 1)
      throw Error(Exit::refused, fmt::format("{} is the last admin; make another rep admin first", rep->name));
    if (role != rep->role)
      s.record_change({Kind::rep, rep->id}, "role", std::string(role_name(rep->role)), std::string(role_name(role)));
    rep->role = role;
  }
  if (in.capacity) rep->capacity = in.capacity;
  if (in.default_capacity) rep->capacity.reset();
  s.store.update_rep(*rep);
  return *rep;
}

}  // namespace hopper
