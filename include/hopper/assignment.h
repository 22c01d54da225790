// Who gets a customer: conflicts (撞单, seed 004), assignment from the pool
// (seed 002's "fat man" rule) and hand-over when a rep leaves.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "hopper/session.h"

namespace hopper {

// Gives both records of an open conflict to `to` (a manager's decision), or
// without `to` to whom the segment's policy names: first-contact — the owner
// of the record with the earliest valid follow-up; progress — the owner of
// the most advanced open opportunity; manager — nobody (Error(refused)).
Conflict resolve_conflict(Session& s, Id id, const std::optional<std::string>& to);
// Every open conflict its policy can decide (run by pool recycle).
std::vector<Conflict> resolve_conflicts_by_policy(Session& s);

// The rep a strategy (top-seller | round-robin | balanced) picks for one more
// customer, never beyond capacity; nullopt when every rep is full.
std::optional<Rep> pick_rep(Session& s, AssignStrategy strategy, const std::vector<Id>& excluded = {});
// Pool customers to a rep, or each to whom the strategy picks; with
// own_discovery a customer converted from a rep's own lead goes to that rep.
std::vector<Customer> assign_customers(Session& s, const std::vector<Id>& ids, const std::optional<std::string>& to,
                                       std::optional<AssignStrategy> strategy);

struct HandOver {
  Rep leaving;
  Rep successor;
  int opportunities = 0, inherited = 0, pooled = 0, leads = 0, todos = 0;
};
// The rep becomes inactive; open opportunities, their customers, signed and
// implemented customers, open leads and to-dos go to the successor; other
// customers to the shared pool. Follow-ups and history stay.
HandOver rep_leave(Session& s, const std::string& name, const std::optional<std::string>& to,
                   std::optional<AssignStrategy> strategy);

}  // namespace hopper
