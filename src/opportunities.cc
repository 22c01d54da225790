#include "hopper/opportunities.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/fields.h"
#include "hopper/text.h"
#include "hopper/validation.h"

namespace hopper {
namespace {

std::string ref_of(const Opportunity& o) { return make_ref(Kind::opportunity, o.id); }

const Pipeline& find_pipeline(const Config& config, const std::string& key) {
  for (const auto& p : config.pipelines)
    if (p.key == key || p.name == key) return p;
  std::vector<std::string> keys;
  for (const auto& p : config.pipelines) keys.push_back(p.key);
  throw Error(Exit::invalid,
              fmt::format("'{}' is not a pipeline (known: {}){}", key, join(keys, ", "), did_you_mean(key, keys)));
}

std::size_t stage_index(const Pipeline& p, const std::string& key_or_name) {
  for (std::size_t i = 0; i < p.stages.size(); ++i)
    if (p.stages[i].key == key_or_name || p.stages[i].name == key_or_name) return i;
  std::vector<std::string> keys;
  for (const auto& s : p.stages) keys.push_back(s.key);
  throw Error(Exit::invalid,
              fmt::format("'{}' is not a stage of pipeline {} (stages: {}){}", key_or_name, p.key, join(keys, ", "),
                          did_you_mean(key_or_name, keys)));
}

void require_open(const Opportunity& o) {
  if (o.status != DealStatus::open)
    throw Error(Exit::refused, fmt::format("opportunity {} is {}; reopen it first (hopper opp reopen {})", ref_of(o),
                                           kDealStatuses.name(o.status), ref_of(o)));
}

// Only the customer's current owner (or a manager) changes its deals:
// ownership follows the customer, so the rep who lost it cannot close them.
Opportunity load_own(Session& s, Id id) {
  Opportunity o = load_opportunity(s, id);
  auto c = s.store.find_customer(o.customer_id);
  require_owner_or_manager(s, c ? c->owner_id : o.owner_id,
                           fmt::format("opportunity {} (customer {})", ref_of(o), make_ref(Kind::customer, o.customer_id)));
  return o;
}

// The gates a move forward from stage `from` to stage `to` must pass (`to`
// one past the last stage means won): the stage it leaves, and in a
// sequential pipeline every stage it skips as well.
std::vector<std::string> forward_gate_problems(Session& s, const Opportunity& o, const Pipeline& p, std::size_t from,
                                               std::size_t to) {
  std::vector<std::string> problems;
  std::size_t end = p.sequential ? to : std::min(to, from + 1);
  for (std::size_t i = from; i < end; ++i)
    for (auto& problem : gate_problems(s, o, p.stages[i])) problems.push_back(std::move(problem));
  return problems;
}

std::string join_reason(const std::string& what, const std::string& reason) {
  return reason.empty() ? what : what + " — " + reason;
}

// Refuses with every problem (exit 4) unless a manager forces it; returns the
// reason history records, which says what was forced past.
std::string pass_gates(Session& s, const std::string& what, const std::vector<std::string>& problems,
                       const MoveOptions& options) {
  if (options.force) require_manager(s, "--force");
  if (problems.empty()) return options.reason;
  if (!options.force) {
    throw Error(Exit::refused, message_lines(what + ":", problems, "a manager or admin may pass with --force --reason TEXT"));
  }
  if (trim(options.reason).empty())
    throw Error(Exit::usage, "--force passes a gate only with --reason TEXT saying why; it goes in the history");
  return join_reason(fmt::format("forced by {}: {}", s.actor.name, join(problems, "; ")), options.reason);
}

void require_known_stage(Session& s, const Opportunity& o) {
  if (find_stage(s.config, o)) return;
  throw Error(Exit::config, fmt::format("{} is in stage '{}' of pipeline {}, which funnel.toml no longer defines; move it "
                                        "with hopper opp move {} STAGE, or rename the key (hopper config rename stage "
                                        "{} NEW)",
                                        ref_of(o), o.stage, o.pipeline, ref_of(o), o.stage));
}

// Moves to stage `target`, through the gates on the way (see
// forward_gate_problems); going back needs allow_regress.
Opportunity move_to(Session& s, Opportunity o, std::size_t target, const MoveOptions& options) {
  require_open(o);
  const Pipeline& p = pipeline_of(s.config, o);
  if (!find_stage(s.config, o)) {  // its stage was removed from funnel.toml: it may go to any defined stage
    s.record_change({Kind::opportunity, o.id}, "stage", o.stage, p.stages[target].key,
                    join_reason("its stage is no longer in funnel.toml", options.reason));
    o.stage = p.stages[target].key;
    o.stage_since = s.at_text();
    s.store.update_opportunity(o);
    return o;
  }
  std::size_t current = stage_index(p, o.stage);
  if (target == current)
    throw Error(Exit::refused, fmt::format("opportunity {} is already in {}", ref_of(o), p.stages[current].name));
  std::vector<std::string> problems;
  if (target > current + 1 && p.sequential) {  // no skipping forward: every stage is passed, none jumped
    std::vector<std::string> skipped;
    for (std::size_t i = current + 1; i < target; ++i) skipped.push_back(p.stages[i].key);
    problems.push_back(fmt::format("pipeline {} is sequential: moving from {} to {} skips {} (promote one stage at a "
                                   "time: hopper opp promote {})",
                                   p.key, p.stages[current].key, p.stages[target].key, join(skipped, ", "), ref_of(o)));
  }
  if (target > current) {
    for (auto& problem : forward_gate_problems(s, o, p, current, target)) problems.push_back(std::move(problem));
  } else if (!p.allow_regress)
    problems.push_back(fmt::format("pipeline {} does not allow going back (allow_regress = false)", p.key));
  std::string reason = pass_gates(
      s, fmt::format("{} cannot move from {} to {}", ref_of(o), p.stages[current].key, p.stages[target].key), problems,
      options);
  s.record_change({Kind::opportunity, o.id}, "stage", o.stage, p.stages[target].key, reason);
  o.stage = p.stages[target].key;
  o.stage_since = s.at_text();
  s.store.update_opportunity(o);
  return o;
}

// Reads the input onto the opportunity; every problem is collected.
void apply(Session& s, const OpportunityInput& in, Opportunity& o, const std::string& what) {
  std::vector<FieldProblem> problems;
  auto attempt = [&](const char* field, const char* flag, auto&& f) {
    try {
      f();
    } catch (const Error& e) {
      problems.push_back({field, e.what(), flag});
    }
  };
  if (in.name) o.name = trim(*in.name);
  if (o.name.empty()) problems.push_back({"name", "is required"});
  check_line_lengths(problems, {{"name", &o.name}});
  if (in.amount) attempt("amount", "--amount:", [&] { o.amount = parse_money(*in.amount, s.config.workspace.currency); });
  if (in.close_date)
    attempt("close", "--close:", [&] { o.close_date = in.close_date->empty() ? "" : format_date(parse_date(*in.close_date, s.now)); });
  if (in.probability) attempt("prob", "--prob:", [&] { o.manual_probability = parse_percent(*in.probability); });
  for (auto& p : apply_field_settings(s.config, FieldEntity::opportunity, in.settings, s.now, o.fields)) problems.push_back(std::move(p));
  refuse_problems(what, problems);
}

}  // namespace

const Pipeline& pipeline_of(const Config& config, const Opportunity& o) { return find_pipeline(config, o.pipeline); }

const Stage& stage_of(const Config& config, const Opportunity& o) {
  const Pipeline& p = pipeline_of(config, o);
  return p.stages[stage_index(p, o.stage)];
}

const Stage* find_stage(const Config& config, const Opportunity& o) {
  const Pipeline* p = config.find_pipeline(o.pipeline);
  if (!p) return nullptr;
  for (const auto& st : p->stages)
    if (st.key == o.stage) return &st;
  return nullptr;
}

std::string stage_label(const Config& config, const Opportunity& o) {
  const Stage* st = find_stage(config, o);
  return st ? st->name : o.stage + " (not in funnel.toml)";
}

std::optional<std::string> deal_category(const Config& config, const Opportunity& o) {
  if (o.status == DealStatus::won) return "closed";
  const Stage* st = find_stage(config, o);
  return st ? std::optional<std::string>(kCategories.name(st->category)) : std::nullopt;
}

double effective_probability(const Config& config, const Opportunity& o) {
  if (o.status == DealStatus::won) return 100;
  if (o.status == DealStatus::lost) return 0;
  if (o.manual_probability) return *o.manual_probability;
  const Stage* st = find_stage(config, o);
  return st ? st->probability : 0;
}

std::vector<StageProbability> stage_probabilities(const Config& config) {
  std::vector<StageProbability> all;
  for (const auto& p : config.pipelines)
    for (const auto& st : p.stages) all.push_back({p.key, st.key, st.probability});
  return all;
}

Money weighted_value(const Config& config, const Opportunity& o) {
  return static_cast<Money>(std::llround(static_cast<double>(o.amount) * effective_probability(config, o) / 100.0));
}

std::vector<std::string> gate_problems(Session& s, const Opportunity& o, const Stage& stage) {
  std::vector<std::string> problems;
  auto checked = s.store.checked_actions(o.id);
  for (const auto& action : stage.required_actions)
    if (std::find(checked.begin(), checked.end(), action) == checked.end())
      problems.push_back(o.id ? fmt::format("leaving {}: action '{}' is not done (hopper opp check {} {})", stage.key,
                                            action, ref_of(o), action)
                              : fmt::format("leaving {}: action '{}' is not done (start in {} and check it there)",
                                            stage.key, action, stage.key));
  for (const auto& field : stage.required_fields) {
    bool empty = field == "close_date" ? o.close_date.empty()
                 : field == "amount"   ? o.amount == 0
                 : field == "name"     ? o.name.empty()
                                       : !o.fields.count(field);
    if (!empty) continue;
    const FieldDef* def = s.config.find_field(FieldEntity::opportunity, field);
    std::string how = field == "close_date" ? "--close DATE" : field == "amount" ? "--amount X" : "--set " + field + "=…";
    problems.push_back(fmt::format("leaving {}: field '{}'{} is empty ({} {})", stage.key, field,
                                   def ? " (" + def->name + ")" : "", o.id ? "hopper opp edit " + ref_of(o) : "give", how));
  }
  return problems;
}

Opportunity load_opportunity(Session& s, Id id) {
  auto o = s.store.find_opportunity(id);
  if (!o) throw Error(Exit::not_found, fmt::format("no opportunity {} (see hopper opp list)", make_ref(Kind::opportunity, id)));
  return *o;
}

Opportunity add_opportunity(Session& s, Id customer_id, const OpportunityInput& in, const MoveOptions& options) {
  Customer c = load_customer(s, customer_id);
  std::string cref = make_ref(Kind::customer, c.id);
  if (!c.owner_id)
    throw Error(Exit::refused, fmt::format("customer {} is in the shared pool; a deal needs an owner: claim it first "
                                           "(hopper pool claim {}) or have a manager assign it",
                                           cref, cref));
  require_owner_or_manager(s, c.owner_id, "customer " + cref);
  if (in.owner && *in.owner != c.owner)
    throw Error(Exit::usage, fmt::format("a deal belongs to its customer's owner ({} owns {}); to give it to {}, give "
                                         "them the customer: hopper customer edit {} --owner {}",
                                         c.owner, cref, *in.owner, cref, *in.owner));
  Opportunity o;
  o.customer_id = c.id;
  o.customer = c.name;
  const Pipeline& p = in.pipeline ? find_pipeline(s.config, *in.pipeline) : s.config.pipelines.front();
  o.pipeline = p.key;
  std::size_t stage = in.stage ? stage_index(p, *in.stage) : 0;
  o.stage = p.stages[stage].key;
  if (!in.amount) throw Error(Exit::invalid, "opp add needs --amount X (e.g. 300000, 30万, 1.5m)");
  apply(s, in, o, "opp add");
  o.owner_id = c.owner_id;
  o.owner = c.owner;
  o.created_at = o.stage_since = s.at_text();
  // Starting past the first stage of a sequential pipeline passes the gates
  // of every stage before it, as promoting there would.
  std::string reason = pass_gates(s, fmt::format("a new deal cannot start in {}", o.stage),
                                  p.sequential ? forward_gate_problems(s, o, p, 0, stage) : std::vector<std::string>{},
                                  options);
  o.id = s.store.insert_opportunity(o);
  Ref ref{Kind::opportunity, o.id};
  s.record_change(ref, "stage", "", o.stage, reason.empty() ? "added" : "added; " + reason);
  if (o.manual_probability) s.record_change(ref, "probability", "", format_percent(*o.manual_probability), "added");
  advance_layer(s, c, "intent", "opportunity " + ref_of(o) + " opened");
  return o;
}

Opportunity edit_opportunity(Session& s, Id id, const OpportunityInput& in) {
  Opportunity o = load_own(s, id);
  if (in.pipeline || in.stage)
    throw Error(Exit::usage, "use 'hopper opp promote|demote|move' to change the stage; the pipeline is fixed");
  if (in.probability) throw Error(Exit::usage, "use 'hopper opp prob REF PERCENT' to set a probability");
  Money before = o.amount;
  apply(s, in, o, "opp edit " + ref_of(o));
  if (in.owner && *in.owner != o.owner)
    throw Error(Exit::usage, fmt::format("a deal belongs to its customer's owner; to give {} to {}, give them the "
                                         "customer: hopper customer edit {} --owner {}",
                                         ref_of(o), *in.owner, make_ref(Kind::customer, o.customer_id), *in.owner));
  if (o.amount != before) s.record_change({Kind::opportunity, id}, "amount", std::to_string(before), std::to_string(o.amount));
  s.store.update_opportunity(o);
  return o;
}

Opportunity promote_opportunity(Session& s, Id id, const std::optional<std::string>& to, const MoveOptions& options) {
  Opportunity o = load_own(s, id);
  require_known_stage(s, o);
  const Pipeline& p = pipeline_of(s.config, o);
  std::size_t current = stage_index(p, o.stage);
  if (to) {
    std::size_t target = stage_index(p, *to);
    if (target < current)
      throw Error(Exit::usage, fmt::format("{} is before {}; use 'hopper opp demote' or 'hopper opp move'", *to, o.stage));
    return move_to(s, o, target, options);
  }
  if (current + 1 >= p.stages.size())
    throw Error(Exit::refused, fmt::format("{} is in the last stage of {}; close it with 'hopper opp win {}'", ref_of(o),
                                           p.key, ref_of(o)));
  return move_to(s, o, current + 1, options);
}

Opportunity demote_opportunity(Session& s, Id id, const MoveOptions& options) {
  Opportunity o = load_own(s, id);
  require_known_stage(s, o);
  std::size_t current = stage_index(pipeline_of(s.config, o), o.stage);
  if (current == 0) throw Error(Exit::refused, fmt::format("{} is already in the first stage", ref_of(o)));
  return move_to(s, o, current - 1, options);
}

Opportunity move_opportunity(Session& s, Id id, const std::string& stage, const MoveOptions& options) {
  Opportunity o = load_own(s, id);
  return move_to(s, o, stage_index(pipeline_of(s.config, o), stage), options);
}

Opportunity check_action(Session& s, Id id, const std::string& action) {
  Opportunity o = load_own(s, id);
  require_open(o);
  std::vector<std::string> known;
  for (const auto& st : pipeline_of(s.config, o).stages)
    for (const auto& a : st.required_actions) known.push_back(a);
  if (std::find(known.begin(), known.end(), action) == known.end())
    throw Error(Exit::invalid, fmt::format("'{}' is not an action of pipeline {} (actions: {})", action, o.pipeline,
                                           known.empty() ? "none" : join(known, ", ")));
  s.store.check_action(o.id, action, s.at_text(), s.actor.name);
  return o;
}

Opportunity set_probability(Session& s, Id id, std::optional<double> probability) {
  Opportunity o = load_own(s, id);
  require_open(o);
  auto text = [](const std::optional<double>& p) { return p ? format_percent(*p) : std::string(); };
  s.record_change({Kind::opportunity, id}, "probability", text(o.manual_probability), text(probability),
                  probability ? "manual" : "back to the stage's");
  o.manual_probability = probability;
  s.store.update_opportunity(o);
  return o;
}

Opportunity win_opportunity(Session& s, Id id, std::optional<Money> amount, const MoveOptions& options) {
  Opportunity o = load_own(s, id);
  require_open(o);
  const Pipeline& p = pipeline_of(s.config, o);
  std::string forced = pass_gates(s, fmt::format("{} cannot be won from {}", ref_of(o), o.stage),
                                  forward_gate_problems(s, o, p, stage_index(p, o.stage), p.stages.size()), options);
  Ref ref{Kind::opportunity, id};
  if (amount && *amount != o.amount) {
    s.record_change(ref, "amount", std::to_string(o.amount), std::to_string(*amount), "closed at");
    o.amount = *amount;
  }
  s.record_change(ref, "status", kDealStatuses.name(o.status), kDealStatuses.name(DealStatus::won), forced);
  o.status = DealStatus::won;
  o.closed_at = s.at_text();
  s.store.update_opportunity(o);
  Customer c = load_customer(s, o.customer_id);
  advance_layer(s, c, "signed", "opportunity " + ref_of(o) + " won");
  return o;
}

Opportunity lose_opportunity(Session& s, Id id, const std::string& reason) {
  Opportunity o = load_own(s, id);
  require_open(o);
  const Pipeline& p = pipeline_of(s.config, o);
  if (std::find(p.lost_reasons.begin(), p.lost_reasons.end(), reason) == p.lost_reasons.end())
    throw Error(Exit::invalid, fmt::format("'{}' is not a lost reason of pipeline {} (lost_reasons: {})", reason, p.key,
                                           join(p.lost_reasons, ", ")));
  s.record_change({Kind::opportunity, id}, "status", kDealStatuses.name(o.status), kDealStatuses.name(DealStatus::lost),
                  reason);
  o.status = DealStatus::lost;
  o.lost_reason = reason;
  o.closed_at = s.at_text();
  s.store.update_opportunity(o);
  return o;
}

Opportunity credit_closed_deal(Session& s, Id id, const Rep& closer, const std::string& reason) {
  require_manager(s, "crediting a closed deal to another rep");
  Opportunity o = load_opportunity(s, id);
  if (o.status == DealStatus::open)
    throw Error(Exit::refused, fmt::format("{} is open; an open deal belongs to its customer's owner", ref_of(o)));
  if (o.owner_id == closer.id) return o;
  s.record_change({Kind::opportunity, id}, "owner", o.owner, closer.name, join_reason("closed by " + closer.name, reason));
  o.owner_id = closer.id;
  o.owner = closer.name;
  s.store.update_opportunity(o);
  return o;
}

Opportunity reopen_opportunity(Session& s, Id id) {
  Opportunity o = load_own(s, id);
  if (o.status == DealStatus::open) throw Error(Exit::refused, fmt::format("{} is already open", ref_of(o)));
  if (o.status == DealStatus::won) require_manager(s, "reopening a won deal");
  // The stage was kept while closed: it is the last open stage.
  s.record_change({Kind::opportunity, id}, "status", kDealStatuses.name(o.status), kDealStatuses.name(DealStatus::open),
                  "reopened in " + o.stage);
  o.status = DealStatus::open;
  o.lost_reason.clear();
  o.closed_at.clear();
  o.stage_since = s.at_text();
  s.store.update_opportunity(o);
  return o;
}

}  // namespace hopper
