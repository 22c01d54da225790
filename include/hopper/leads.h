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
// The open leads and customers a new lead duplicates. 占坑: one from a staked
// pool customer is no duplicate when inbound leads are routed: the lead goes
// to the staker, and `staked` says which customer sent it.
struct LeadDuplicates {
  std::vector<DuplicateMatch> matches;
  std::optional<Customer> staked;
};
LeadDuplicates lead_duplicates(Session& s, const LeadInput& input);
// `known`: the duplicates already looked up for this input (an import
// decides per row what to do with them first).
LeadAdded add_lead(Session& s, const LeadInput& input, bool force, const LeadDuplicates* known = nullptr);
Lead edit_lead(Session& s, Id id, const LeadInput& input);
Lead drop_lead(Session& s, Id id, const std::string& reason);
// Makes the customer (owner kept) and a person from the lead's contact.
Customer convert_lead(Session& s, Id id);

}  // namespace hopper
