// Customers (客户): the lifecycle layers (resource → … → signed →
// implemented, and abandoned), owners and capacity.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "hopper/session.h"

namespace hopper {

struct CustomerInput {
  std::optional<std::string> name, grade, segment, owner, contact, phone, email, layer;
  bool to_pool = false;
  std::vector<std::string> settings;
};

struct CustomerAdded {
  Customer customer;
  std::vector<Id> conflicts;
};

// The filter's layer, grade and segment as keys (given keys or display
// names); Error(invalid) listing the valid ones for an unknown one.
void resolve_filter(const Config& config, CustomerFilter& filter);

Customer load_customer(Session& s, Id id);
// Loads it for a change: Error(denied) unless the actor owns it (or staked
// it, to complete its profile) or is a manager.
Customer load_own_customer(Session& s, Id id);
CustomerAdded add_customer(Session& s, const CustomerInput& input, bool force);
// The open leads and customers `add_customer` would refuse the input as a duplicate of.
std::vector<DuplicateMatch> customer_duplicates(Session& s, const CustomerInput& input);
Customer edit_customer(Session& s, Id id, const CustomerInput& input);
Customer move_customer(Session& s, Id id, const std::string& layer);
// Cooled: back to central management (no owner), not claimable for cool_days.
Customer abandon_customer(Session& s, Id id, const std::string& reason);
Customer set_locked(Session& s, Id id, bool locked);
// The layer a new customer starts in, and the one a converted lead lands in.
std::string initial_layer(const Config& config);
std::string converted_lead_layer(const Config& config);
// Every change of owner goes through here: the history row with its typed
// cause, the claim clock, the previous owner (for cooldown); a reservation
// ends, and so does a stake once somebody owns it. Ownership follows the
// customer: its open opportunities and the previous owner's open to-dos on
// it go along, each with a history row (reorder cycles remind whoever owns
// the customer, so they follow by themselves). Won and lost deals keep the
// rep who closed them. The caller stores the customer.
struct OwnerChange {
  Cause cause;
  std::string reason;  // for people: "released: moved abroad"
  std::string rule;    // Cause::recycled: which pool rule
};
void change_owner(Session& s, Customer& customer, const std::optional<Rep>& to, const OwnerChange& why);
// Moves the customer forward to `layer` when it is configured and the
// customer is in an earlier layer (an opened opportunity means intent, a won
// one signed); never backwards, never out of abandoned.
void advance_layer(Session& s, Customer& customer, const std::string& layer, const std::string& reason);
// Error(refused) when `rep` taking one more customer would pass capacity.
void require_capacity(Session& s, const Rep& rep);
int capacity_of(const Config& config, const Rep& rep);

// Duplicate (撞单) detection shared by leads and customers: Error(conflict)
// naming each match unless forced.
std::vector<DuplicateMatch> find_duplicates(Session& s, const std::string& phone, const std::string& email,
                                            const std::string& company, std::optional<Ref> self);
// Error(conflict) naming each match; nothing when there is none.
void refuse_duplicates(Session& s, const std::vector<DuplicateMatch>& matches);
std::vector<DuplicateMatch> check_duplicates(Session& s, const std::string& phone, const std::string& email,
                                             const std::string& company, std::optional<Ref> self, bool force);
std::vector<Id> open_conflicts(Session& s, Ref record, const std::vector<DuplicateMatch>& matches);

struct PersonInput {
  std::string name, phone, email, title;
};
Person add_person(Session& s, Id customer, const PersonInput& input);

// Logs a follow-up; it is stored even when invalid (a filler phrase, too
// short, a type that does not count: followup.h), with the reason.
Activity log_activity(Session& s, Ref subject, const std::string& type, const std::string& text);

}  // namespace hopper
