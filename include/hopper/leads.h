// Leads (线索): validation on entry, duplicates, conversion to a customer.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "hopper/session.h"

namespace hopper {

// Unset optionals are left as they are (edit) or empty (add).
struct LeadInput {
  std::optional<std::string> name, company, contact, phone, email, source, grade, owner;
  std::vector<std::string> settings;  // --set KEY=VALUE
};

struct LeadAdded {
  Lead lead;
  std::vector<Id> conflicts;        // opened by --force
  std::optional<Id> routed_from;    // the staked customer that sent it to its staker
};

Lead load_lead(Session& s, Id id);
LeadAdded add_lead(Session& s, const LeadInput& input, bool force);
// The open leads and customers that `add_lead` would refuse the input as a
// duplicate of (an import decides per row what to do with them).
std::vector<DuplicateMatch> lead_duplicates(Session& s, const LeadInput& input);
Lead edit_lead(Session& s, Id id, const LeadInput& input);
Lead drop_lead(Session& s, Id id, const std::string& reason);
// Makes the customer (owner kept) and a person from the lead's contact.
Customer convert_lead(Session& s, Id id);

}  // namespace hopper
