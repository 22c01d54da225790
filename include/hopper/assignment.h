// Who gets a customer: conflicts (撞单) by policy, assignment from the pool
// (the "fat man" rule: the best resources to the best seller); a leaving
// rep's successor (reps.h) too.
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

}  // namespace hopper
