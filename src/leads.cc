#include "hopper/leads.h"

#include <fmt/format.h>

#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/fields.h"
#include "hopper/text.h"
#include "hopper/validation.h"

namespace hopper {
namespace {

const std::string& lead_field(const Lead& l, const std::string& name) {
  static const std::string empty;
  if (name == "name") return l.name;
  if (name == "company") return l.company;
  if (name == "contact") return l.contact;
  if (name == "phone") return l.phone;
  if (name == "email") return l.email;
  if (name == "source") return l.source;
  if (name == "grade") return l.grade;
  return empty;
}

// Applies the given fields of `input` to `lead` and checks the result.
void apply(Session& s, const LeadInput& input, Lead& lead, const std::string& what) {
  assign_trimmed(lead.name, input.name);
  assign_trimmed(lead.company, input.company);
  assign_trimmed(lead.contact, input.contact);
  assign_trimmed(lead.phone, input.phone);
  assign_trimmed(lead.email, input.email);
  assign_trimmed(lead.source, input.source);
  assign_trimmed(lead.grade, input.grade);

  std::vector<FieldProblem> problems;
  check_line_lengths(problems, {{"name", &lead.name}, {"company", &lead.company}, {"contact", &lead.contact},
                                {"phone", &lead.phone}, {"email", &lead.email}, {"source", &lead.source}});
  refuse_problems(what, problems);  // now: the checks below would quote the long values
  for (const auto& field : s.config.lead.required)
    if (lead_field(lead, field).empty()) problems.push_back({field, "is required (lead.required in funnel.toml)"});
  if (!lead.phone.empty())
    if (auto p = phone_problem(s.config, lead.phone)) problems.push_back({"phone", *p});
  if (!lead.email.empty())
    if (auto p = email_problem(lead.email)) problems.push_back({"email", *p});
  if (!lead.grade.empty())
    if (auto p = grade_problem(s.config, lead.grade)) problems.push_back({"grade", *p});
  for (auto& p : apply_field_settings(s.config, FieldEntity::lead, input.settings, s.now, lead.fields))
    problems.push_back(std::move(p));
  refuse_problems(what, problems);
}

LeadDuplicates new_lead_matches(Session& s, const Lead& lead, bool owner_given) {
  LeadDuplicates d{find_duplicates(s, lead.phone, lead.email, lead.company, std::nullopt), std::nullopt};
  if (!s.config.pool.stake.route_inbound || owner_given) return d;
  for (auto it = d.matches.begin(); it != d.matches.end();) {
    auto c = it->ref.kind == Kind::customer ? s.store.find_customer(it->ref.id) : std::nullopt;
    if (c && !c->owner_id && c->staked_by_id) {
      d.staked = c;
      it = d.matches.erase(it);
    } else {
      ++it;
    }
  }
  return d;
}

void require_open(const Lead& lead) {
  if (lead.status != LeadStatus::open)
    throw Error(Exit::refused, fmt::format("lead {} is {}; only open leads can change", make_ref(Kind::lead, lead.id),
                                           kLeadStatuses.name(lead.status)));
}

}  // namespace

Lead load_lead(Session& s, Id id) {
  auto lead = s.store.find_lead(id);
  if (!lead) throw Error(Exit::not_found, fmt::format("no lead {} (see hopper lead list)", make_ref(Kind::lead, id)));
  return *lead;
}

LeadAdded add_lead(Session& s, const LeadInput& input, bool force, const LeadDuplicates* known) {
  Lead lead;
  Rep owner = s.actor;
  if (input.owner && *input.owner != s.actor.name) {
    require_manager(s, "adding a lead for another rep");
    owner = active_rep(s, *input.owner);
  }
  lead.created_at = s.at_text();
  apply(s, input, lead, "lead add");
  LeadDuplicates found = known ? *known : new_lead_matches(s, lead, input.owner.has_value());
  auto& matches = found.matches;
  std::optional<Id> routed_from;
  if (found.staked) {
    owner = *s.store.find_rep(*found.staked->staked_by_id);
    routed_from = found.staked->id;
  }
  if (!force) refuse_duplicates(s, matches);
  lead.owner_id = owner.id;
  lead.id = s.store.insert_lead(lead);
  lead.owner = owner.name;
  s.record_change({Kind::lead, lead.id}, "owner", "", owner.name, "added", Cause::added);
  return {lead, open_conflicts(s, {Kind::lead, lead.id}, matches), routed_from};
}

LeadDuplicates lead_duplicates(Session& s, const LeadInput& input) {
  Lead lead;
  assign_trimmed(lead.phone, input.phone);
  assign_trimmed(lead.email, input.email);
  assign_trimmed(lead.company, input.company);
  return new_lead_matches(s, lead, input.owner.has_value());
}

Lead edit_lead(Session& s, Id id, const LeadInput& input) {
  Lead lead = load_lead(s, id);
  std::string what = make_ref(Kind::lead, id);
  require_owner_or_manager(s, lead.owner_id, "lead " + what);
  require_open(lead);
  apply(s, input, lead, "lead edit " + what);
  if (input.owner && *input.owner != lead.owner) {
    require_manager(s, "handing a lead to another rep");
    Rep to = active_rep(s, *input.owner);
    s.record_change({Kind::lead, id}, "owner", lead.owner, to.name, "", Cause::edited);
    lead.owner_id = to.id;
    lead.owner = to.name;
  }
  s.store.update_lead(lead);
  return lead;
}

Lead drop_lead(Session& s, Id id, const std::string& reason) {
  Lead lead = load_lead(s, id);
  require_owner_or_manager(s, lead.owner_id, "lead " + make_ref(Kind::lead, id));
  require_open(lead);
  if (trim(reason).empty()) throw Error(Exit::invalid, "lead drop needs --reason TEXT saying why");
  lead.status = LeadStatus::dropped;
  lead.drop_reason = trim(reason);
  s.store.update_lead(lead);
  s.record_change({Kind::lead, id}, "status", kLeadStatuses.name(LeadStatus::open), kLeadStatuses.name(lead.status),
                  lead.drop_reason);
  return lead;
}

Customer convert_lead(Session& s, Id id) {
  Lead lead = load_lead(s, id);
  std::string ref = make_ref(Kind::lead, id);
  require_owner_or_manager(s, lead.owner_id, "lead " + ref);
  if (lead.status == LeadStatus::converted)
    throw Error(Exit::refused, fmt::format("lead {} was already converted to {}", ref,
                                           make_ref(Kind::customer, lead.customer_id.value_or(0))));
  require_open(lead);
  Customer c;
  c.name = lead.company.empty() ? lead.name : lead.company;
  c.grade = lead.grade;
  c.segment = s.config.default_segment;
  c.layer = converted_lead_layer(s.config);
  c.owner_id = lead.owner_id;
  c.phone = lead.phone;
  c.email = lead.email;
  c.lead_id = lead.id;
  c.created_at = c.claimed_at = s.at_text();
  if (c.owner_id) {
    auto owner = s.store.find_rep(*c.owner_id);
    if (owner) require_capacity(s, *owner);
  }
  c.id = s.store.insert_customer(c);
  c.owner = lead.owner;
  Ref cref{Kind::customer, c.id};
  s.record_change(cref, "layer", "", c.layer, "converted from " + ref);
  s.record_change(cref, "owner", "", lead.owner, "converted from " + ref, Cause::converted);
  std::string contact = lead.contact.empty() ? (lead.company.empty() ? "" : lead.name) : lead.contact;
  if (!contact.empty() || !lead.phone.empty() || !lead.email.empty())
    s.store.insert_person({0, c.id, contact.empty() ? lead.name : contact, lead.phone, lead.email, "", s.at_text()});
  lead.status = LeadStatus::converted;
  lead.customer_id = c.id;
  s.store.update_lead(lead);
  s.record_change({Kind::lead, id}, "status", kLeadStatuses.name(LeadStatus::open), kLeadStatuses.name(lead.status),
                  make_ref(Kind::customer, c.id));
  return c;
}

}  // namespace hopper
