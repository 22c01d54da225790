#include "hopper/customers.h"

#include <fmt/format.h>

#include "hopper/error.h"
#include "hopper/fields.h"
#include "hopper/followup.h"
#include "hopper/leads.h"
#include "hopper/normalize.h"
#include "hopper/text.h"
#include "hopper/validation.h"

namespace hopper {

std::string initial_layer(const Config& config) { return config.layers.front().key; }

std::string converted_lead_layer(const Config& config) {
  return config.find_layer("lead") ? "lead" : initial_layer(config);
}

int capacity_of(const Config& config, const Rep& rep) { return rep.capacity.value_or(config.pool.capacity); }

static bool counts_against_capacity(const Config& config, const std::string& layer) {
  for (const auto& l : config.pool.capacity_excludes)
    if (l == layer) return false;
  return true;
}

void require_capacity(Session& s, const Rep& rep) {
  int held = s.store.held_customers(rep.id, s.config.pool.capacity_excludes);
  int capacity = capacity_of(s.config, rep);
  if (held >= capacity)
    throw Error(Exit::refused,
                fmt::format("{} holds {} of {} customers (private pool capacity; layers {} not counted); release or "
                            "abandon one first",
                            rep.name, held, capacity, join(s.config.pool.capacity_excludes, ", ")));
}

void advance_layer(Session& s, Customer& c, const std::string& layer, const std::string& reason) {
  int to = s.config.layer_index(layer), from = s.config.layer_index(c.layer);
  if (to < 0 || from < 0 || from >= to) return;
  s.record_change({Kind::customer, c.id}, "layer", c.layer, layer, reason);
  c.layer = layer;
  c.cool_until.clear();
  s.store.update_customer(c);
}

void resolve_filter(const Config& config, CustomerFilter& f) {
  f.layer = config.layer_key(f.layer);
  f.grade = config.grade_key(f.grade);
  f.segment = config.segment_key(f.segment);
}

Customer load_customer(Session& s, Id id) {
  auto c = s.store.find_customer(id);
  if (!c) throw Error(Exit::not_found, fmt::format("no customer {} (see hopper customer list)", make_ref(Kind::customer, id)));
  return *c;
}

Customer load_own_customer(Session& s, Id id) {
  Customer c = load_customer(s, id);
  if (!c.owner_id && c.staked_by_id == s.actor.id) return c;
  require_owner_or_manager(s, c.owner_id, "customer " + make_ref(Kind::customer, id));
  return c;
}

void change_owner(Session& s, Customer& c, const std::optional<Rep>& to, const OwnerChange& why) {
  std::string to_name = to ? to->name : "";
  std::optional<Id> to_id = to ? std::optional<Id>(to->id) : std::nullopt;
  s.record_change({Kind::customer, c.id}, "owner", owner_label(c.owner), owner_label(to_name), why.reason, why.cause,
                  why.rule);
  std::string follows = fmt::format("follows customer {}{}", make_ref(Kind::customer, c.id),
                                    why.reason.empty() ? "" : " (" + why.reason + ")");
  for (Opportunity o : s.store.opportunities({std::nullopt, c.id, "", "", DealStatus::open})) {
    if (o.owner_id == to_id) continue;
    s.record_change({Kind::opportunity, o.id}, "owner", owner_label(o.owner), owner_label(to_name), follows, why.cause);
    o.owner_id = to_id;
    o.owner = to_name;
    s.store.update_opportunity(o);
  }
  TodoFilter about;
  about.customer_id = c.id;
  for (Todo t : s.store.todos(about)) {
    if (t.owner_id && t.owner_id != c.owner_id) continue;  // somebody else's task about it stays theirs
    if (t.owner_id == to_id) continue;
    s.record_change({Kind::todo, t.id}, "owner", owner_label(t.owner), owner_label(to_name), follows, why.cause);
    t.owner_id = to_id;
    s.store.update_todo(t);
  }
  if (c.owner_id) {
    c.previous_owner_id = c.owner_id;
    c.previous_owner = c.owner;
  }
  c.owner_id = to ? std::optional<Id>(to->id) : std::nullopt;
  c.owner = to_name;
  c.claimed_at = to ? s.at_text() : "";
  c.reserved_for_id.reset();
  c.reserved_for.clear();
  if (to) {
    c.end_stake();
  }
}

std::vector<DuplicateMatch> find_duplicates(Session& s, const std::string& phone, const std::string& email,
                                            const std::string& company, std::optional<Ref> self) {
  DuplicateKeys keys;
  for (const auto& k : s.config.lead.duplicate_keys) {
    if (k == "phone" && !phone.empty()) keys.phone = normalize_phone(phone);
    if (k == "email" && !email.empty()) keys.email = normalize_email(email);
    if (k == "company" && !company.empty()) keys.company = normalize_company(company);
  }
  if (keys.phone.empty() && keys.email.empty() && keys.company.empty()) return {};
  return s.store.find_duplicates(keys, self);
}

void refuse_duplicates(Session& s, const std::vector<DuplicateMatch>& matches) {
  if (matches.empty()) return;
  std::vector<std::string> items;
  for (const auto& m : matches)
    items.push_back(fmt::format("{} {} is already {} {} (owner {}, {})", m.key, m.value, make_ref(m.ref.kind, m.ref.id),
                                m.name, owner_label(m.owner),
                                m.ref.kind == Kind::lead ? "open lead" : "layer " + s.config.layer_name(m.where)));
  throw Error(Exit::conflict, message_lines("duplicate (撞单), nothing was written:", items,
                                            "add --force to add it anyway and open a conflict for a manager (hopper "
                                            "conflict list)"));
}

std::vector<DuplicateMatch> check_duplicates(Session& s, const std::string& phone, const std::string& email,
                                             const std::string& company, std::optional<Ref> self, bool force) {
  auto matches = find_duplicates(s, phone, email, company, self);
  if (!force) refuse_duplicates(s, matches);
  return matches;
}

std::vector<Id> open_conflicts(Session& s, Ref record, const std::vector<DuplicateMatch>& matches) {
  std::vector<Id> ids;
  for (const auto& m : matches) {
    Conflict c;
    c.record = record;
    c.existing = m.ref;
    c.key = m.key;
    c.value = m.value;
    c.created_at = s.at_text();
    ids.push_back(s.store.insert_conflict(c));
  }
  return ids;
}

// Applies the given fields of `input` to `c` and checks the result.
static void apply(Session& s, const CustomerInput& input, Customer& c, const std::string& what) {
  assign_trimmed(c.name, input.name);
  assign_trimmed(c.grade, input.grade);
  assign_trimmed(c.segment, input.segment);
  assign_trimmed(c.phone, input.phone);
  assign_trimmed(c.email, input.email);
  std::vector<FieldProblem> problems;
  check_line_lengths(problems, {{"name", &c.name, "NAME"}, {"phone", &c.phone}, {"email", &c.email}});
  refuse_problems(what, problems);  // now: the checks below would quote the long values
  if (c.name.empty()) problems.push_back({"name", "is required: the customer needs a name", "NAME"});
  if (!c.grade.empty())
    if (auto p = grade_problem(s.config, c.grade)) problems.push_back({"grade", *p});
  if (auto p = segment_problem(s.config, c.segment)) problems.push_back({"segment", *p});
  if (!c.phone.empty())
    if (auto p = phone_problem(s.config, c.phone)) problems.push_back({"phone", *p});
  if (!c.email.empty())
    if (auto p = email_problem(c.email)) problems.push_back({"email", *p});
  if (input.layer) {
    const Layer* layer = s.config.find_layer(*input.layer);
    if (!layer)
      problems.push_back({"layer", fmt::format("'{}' is not a layer of this workspace (see hopper config show)", *input.layer)});
    else
      c.layer = layer->key;
  }
  for (auto& p : apply_field_settings(s.config, FieldEntity::customer, input.settings, s.now, c.fields))
    problems.push_back(std::move(p));
  refuse_problems(what, problems);
}

CustomerAdded add_customer(Session& s, const CustomerInput& input, bool force) {
  Customer c;
  c.segment = s.config.default_segment;
  c.layer = initial_layer(s.config);
  c.created_at = s.at_text();
  apply(s, input, c, "customer add");
  std::optional<Rep> owner;
  if (input.to_pool) {
    if (input.owner) throw Error(Exit::usage, "give either --owner or --pool, not both");
  } else if (input.owner && *input.owner != s.actor.name) {
    require_manager(s, "adding a customer for another rep");
    owner = active_rep(s, *input.owner);
  } else {
    owner = s.actor;
  }
  auto matches = check_duplicates(s, c.phone, c.email, c.name, std::nullopt, force);
  if (owner && counts_against_capacity(s.config, c.layer)) require_capacity(s, *owner);
  if (owner) {
    c.owner_id = owner->id;
    c.owner = owner->name;
    c.claimed_at = s.at_text();
  }
  c.id = s.store.insert_customer(c);
  Ref ref{Kind::customer, c.id};
  s.record_change(ref, "layer", "", c.layer, "added");
  s.record_change(ref, "owner", "", owner_label(c.owner), "added", Cause::added);
  if (input.contact && !trim(*input.contact).empty())
    s.store.insert_person({0, c.id, trim(*input.contact), c.phone, c.email, "", s.at_text()});
  return {c, open_conflicts(s, ref, matches)};
}

std::vector<DuplicateMatch> customer_duplicates(Session& s, const CustomerInput& input) {
  auto value = [](const std::optional<std::string>& v) { return v ? trim(*v) : std::string(); };
  return find_duplicates(s, value(input.phone), value(input.email), value(input.name), std::nullopt);
}

Customer edit_customer(Session& s, Id id, const CustomerInput& input) {
  Customer c = load_own_customer(s, id);
  std::string ref = make_ref(Kind::customer, id);
  if (input.layer) throw Error(Exit::usage, "use 'hopper customer move REF LAYER' to change the layer");
  apply(s, input, c, "customer edit " + ref);
  if (input.to_pool || (input.owner && *input.owner != c.owner)) {
    require_manager(s, "changing a customer's owner");
    std::optional<Rep> to;
    if (!input.to_pool) {
      to = active_rep(s, *input.owner);
      if (counts_against_capacity(s.config, c.layer)) require_capacity(s, *to);
    }
    change_owner(s, c, to, {Cause::edited, "", ""});
  }
  if (input.phone || input.email || input.name) check_duplicates(s, input.phone.value_or(""), input.email.value_or(""),
                                                                  input.name.value_or(""), Ref{Kind::customer, id}, false);
  s.store.update_customer(c);
  return c;
}

Customer move_customer(Session& s, Id id, const std::string& layer_text) {
  Customer c = load_own_customer(s, id);
  std::string ref = make_ref(Kind::customer, id);
  if (layer_text == s.config.abandoned.key || layer_text == s.config.abandoned.name)
    throw Error(Exit::usage, fmt::format("use 'hopper customer abandon {} --reason TEXT' to abandon a customer", ref));
  const Layer* layer = s.config.find_layer(layer_text);
  if (!layer) {
    std::vector<std::string> keys;
    for (const auto& l : s.config.layers) keys.push_back(l.key);
    throw Error(Exit::invalid, fmt::format("'{}' is not a layer (known: {})", layer_text, join(keys, ", ")));
  }
  if (c.layer == layer->key) throw Error(Exit::refused, fmt::format("customer {} is already in {}", ref, layer->name));
  // Moving back from an uncounted layer (signed) takes a slot again.
  if (c.owner_id && !counts_against_capacity(s.config, c.layer) && counts_against_capacity(s.config, layer->key)) {
    auto owner = s.store.find_rep(*c.owner_id);
    if (owner) require_capacity(s, *owner);
  }
  s.record_change({Kind::customer, id}, "layer", c.layer, layer->key);
  c.layer = layer->key;
  c.cool_until.clear();
  s.store.update_customer(c);
  return c;
}

Customer abandon_customer(Session& s, Id id, const std::string& reason) {
  Customer c = load_own_customer(s, id);
  std::string ref = make_ref(Kind::customer, id);
  if (trim(reason).empty()) throw Error(Exit::invalid, "customer abandon needs --reason TEXT saying why");
  if (c.layer == s.config.abandoned.key) throw Error(Exit::refused, fmt::format("customer {} is already abandoned", ref));
  s.record_change({Kind::customer, id}, "layer", c.layer, s.config.abandoned.key, trim(reason));
  if (c.owner_id) change_owner(s, c, std::nullopt, {Cause::abandoned, "abandoned: " + trim(reason), ""});
  c.layer = s.config.abandoned.key;
  c.cool_until = format_date(date_of(s.at) + std::chrono::days{s.config.abandoned.cool_days});
  s.store.update_customer(c);
  return c;
}

Customer set_locked(Session& s, Id id, bool locked) {
  require_manager(s, locked ? "locking a customer (exempting it from recycling)" : "unlocking a customer");
  Customer c = load_customer(s, id);
  if (c.locked == locked)
    throw Error(Exit::refused, fmt::format("customer {} is already {}", make_ref(Kind::customer, id),
                                           locked ? "locked" : "unlocked"));
  c.locked = locked;
  s.store.update_customer(c);
  return c;
}

Person add_person(Session& s, Id customer, const PersonInput& input) {
  Customer c = load_own_customer(s, customer);
  Person p{0, customer, trim(input.name), trim(input.phone), trim(input.email), trim(input.title), s.at_text()};
  std::vector<FieldProblem> problems;
  check_line_lengths(problems, {{"name", &p.name}, {"phone", &p.phone}, {"email", &p.email}, {"title", &p.title}});
  refuse_problems("person add", problems);  // now: the checks below would quote the long values
  if (p.name.empty()) problems.push_back({"name", "is required"});
  if (!p.phone.empty())
    if (auto e = phone_problem(s.config, p.phone)) problems.push_back({"phone", *e});
  if (!p.email.empty())
    if (auto e = email_problem(p.email)) problems.push_back({"email", *e});
  refuse_problems("person add", problems);
  p.id = s.store.insert_person(p);
  return p;
}

Activity log_activity(Session& s, Ref subject, const std::string& type, const std::string& text) {
  Activity a;
  a.subject = subject;
  std::string ref = make_ref(subject.kind, subject.id);
  if (subject.kind == Kind::lead) {
    Lead lead = load_lead(s, subject.id);
    require_owner_or_manager(s, lead.owner_id, "lead " + ref);
    a.customer_id = lead.customer_id;
  } else if (subject.kind == Kind::customer) {
    Customer c = load_own_customer(s, subject.id);
    a.customer_id = c.id;
  } else if (subject.kind == Kind::opportunity) {
    auto opp = s.store.find_opportunity(subject.id);
    if (!opp) throw Error(Exit::not_found, fmt::format("no opportunity {}", ref));
    auto c = s.store.find_customer(opp->customer_id);
    require_owner_or_manager(s, c ? c->owner_id : opp->owner_id, "opportunity " + ref);
    a.customer_id = opp->customer_id;  // counts as a follow-up of its customer
  } else {
    throw Error(Exit::invalid,
                fmt::format("follow-ups are logged on leads (L…), customers (C…) and opportunities (O…), not on {}", ref));
  }
  if (trim(text).empty()) throw Error(Exit::invalid, "the follow-up text is empty; say what happened");
  auto verdict = judge_followup(s.config.followup, type, text);
  a.type = type;
  a.text = trim(text);
  a.at = s.at_text();
  a.actor_id = s.actor.id;
  a.actor = s.actor.name;
  a.valid = verdict.valid;
  a.invalid_reason = verdict.reason;
  a.id = s.store.insert_activity(a);
  return a;
}

}  // namespace hopper
