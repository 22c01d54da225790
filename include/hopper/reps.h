// Reps (SPEC §4): adding and editing them is for admins; a rep's name is
// typed after --as and --owner, so it must read as one word of a command.
#pragma once
#include <optional>
#include <string>

#include "hopper/session.h"

namespace hopper {

struct RepInput {
  std::optional<std::string> team, role;
  std::optional<int> capacity;  // overrides [pool] capacity
  bool default_capacity = false;  // edit: back to [pool] capacity
};

// Error(invalid) for a name that cannot be a rep's or an unknown role,
// Error(conflict) when a rep of that name exists (one who left too).
Rep add_rep(Session& s, const std::string& name, const RepInput& input);
// The last admin cannot be demoted (Error(refused)).
Rep edit_rep(Session& s, const std::string& name, const RepInput& input);

}  // namespace hopper
