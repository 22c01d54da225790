#include "hopper/doctor.h"

#include <fmt/format.h>

#include "hopper/pool.h"
#include "hopper/stored_keys.h"

namespace hopper {

std::vector<Checkup> examine_workspace(Session& s, int limit) {
  std::vector<Checkup> out;
  out.push_back({"database integrity", s.store.integrity_problems(limit)});
  out.push_back({"foreign keys", s.store.foreign_key_problems(limit)});
  out.push_back({"open deals follow their customer", s.store.deals_not_with_their_customer(limit)});
  out.push_back({"stages match their history", s.store.stages_not_matching_history(limit)});
  out.push_back({"every change has its event", s.store.changes_without_event(limit)});
  out.push_back({"nothing owned by a rep who left", s.store.records_of_departed_reps(limit)});
  Checkup capacity{"no rep over capacity", {}};
  for (const PoolStatus& p : pool_status(s))
    if (p.held > p.capacity)
      capacity.problems.push_back(fmt::format("{} holds {} customers, over a capacity of {}", p.rep.name, p.held, p.capacity));
  out.push_back(capacity);
  out.push_back({"funnel.toml defines every key the records use", stranded_records(s.config, s.store)});
  return out;
}

}  // namespace hopper
