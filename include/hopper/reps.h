// Reps: adding and editing them is for admins, a leaving rep's hand-over
// for managers; a rep's name is typed after --as and --owner, so it must
// read as one word of a command. A workspace always keeps an active admin.
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

struct HandOver {
  Rep leaving;
  Rep successor;
  int opportunities = 0, inherited = 0, pooled = 0, leads = 0, todos = 0;
};
// The rep becomes inactive; open opportunities, their customers, signed and
// implemented customers, open leads and to-dos go to the successor (`to`,
// else whom the strategy picks: assignment.h); other customers to the
// shared pool, and the rep's stakes end. Follow-ups and history stay. The
// last admin cannot leave (Error(refused)).
HandOver rep_leave(Session& s, const std::string& name, const std::optional<std::string>& to,
                   std::optional<AssignStrategy> strategy);

}  // namespace hopper
