#include "hopper/pool.h"

#include <fmt/format.h>

#include <algorithm>

#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/opportunities.h"
#include "hopper/text.h"

namespace hopper {
namespace {

Date day_of(const std::string& iso) { return date_of(parse_stored_time(iso.substr(0, 10))); }

bool applies(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

std::vector<std::string> refuse_all(const std::string& what, const std::vector<std::string>& problems) {
  return message_lines(what + " refused, nothing was changed:", problems);
}

std::vector<Customer> load_all(Session& s, const std::vector<Id>& ids) {
  std::vector<Customer> out;
  for (Id id : ids) out.push_back(load_customer(s, id));
  return out;
}

std::string today_text(const Session& s) { return format_date(date_of(s.now)); }

bool cooled(const Session& s, const Customer& c) { return !c.cool_until.empty() && c.cool_until > today_text(s); }

}  // namespace

std::optional<ReleaseForecast> first_release(const Config& config, const CustomerClock& k, Date today) {
  if (k.locked) return std::nullopt;
  if (k.open_probability && *k.open_probability >= config.pool.exempt_probability) return std::nullopt;
  // Signed and implemented customers (capacity_excludes) are not in the
  // private pool: only no_repeat, lapsed business, returns them.
  const auto& outside = config.pool.capacity_excludes;
  bool private_pool = std::find(outside.begin(), outside.end(), k.layer) == outside.end();
  std::optional<ReleaseForecast> first;
  for (const PoolRule& rule : config.pool.rules) {
    if (!applies(rule.segments, k.segment) || !applies(rule.grades, k.grade)) continue;
    if (rule.kind != RecycleKind::no_repeat && !private_pool) continue;
    std::string since;
    if (rule.kind == RecycleKind::no_followup) {
      since = std::max(k.last_valid_followup, k.claimed_at);
    } else if (rule.kind == RecycleKind::no_deal) {
      if (k.first_valid_followup.empty() || k.last_won >= k.first_valid_followup) continue;
      since = k.first_valid_followup;
    } else {  // no_repeat: lapsed business
      if (k.last_won.empty()) continue;
      since = k.last_won;
    }
    int elapsed = days_between(day_of(since), today);
    ReleaseForecast f{rule.name, rule.days - elapsed, elapsed};
    if (!first || f.days_left < first->days_left) first = f;
  }
  return first;
}

std::map<Id, ReleaseForecast> release_forecasts(Session& s, std::optional<Id> owner, std::optional<Id> customer) {
  std::map<Id, ReleaseForecast> out;
  if (s.config.pool.rules.empty()) return out;
  Date today = date_of(s.now);
  for (const auto& clock :
       s.store.customer_clocks(owner, customer, s.config.abandoned.key, stage_probabilities(s.config)))
    if (auto f = first_release(s.config, clock, today)) out[clock.id] = *f;
  return out;
}

std::vector<std::string> missing_profile(Session& s, const Customer& c) {
  auto people = s.store.people(c.id);
  auto any_person = [&](auto field) {
    return std::any_of(people.begin(), people.end(), [&](const Person& p) { return !(p.*field).empty(); });
  };
  std::vector<std::string> missing;
  for (const auto& f : s.config.pool.stake.required_fields) {
    bool filled = f == "contact"   ? !people.empty()
                  : f == "phone"   ? !c.phone.empty() || any_person(&Person::phone)
                  : f == "email"   ? !c.email.empty() || any_person(&Person::email)
                  : f == "grade"   ? !c.grade.empty()
                  : f == "segment" ? !c.segment.empty()
                                   : c.fields.count(f) > 0;
    if (!filled) missing.push_back(f);
  }
  return missing;
}

std::vector<Recycled> recycle_pool(Session& s, const std::function<void()>& checkpoint, int batch) {
  require_manager(s, "pool recycle");
  std::vector<Recycled> out;
  int changed = 0;
  bool committed = false;  // since the forecasts were made: another writer may have come in
  auto count_change = [&] {
    if (checkpoint && ++changed % batch == 0) {
      checkpoint();
      committed = true;
    }
  };
  std::vector<std::pair<Id, ReleaseForecast>> due;
  for (const auto& [id, forecast] : release_forecasts(s))
    if (forecast.days_left <= 0) due.emplace_back(id, forecast);
  for (auto& [id, forecast] : due) {
    if (committed) {  // again: a follow-up logged between batches may have saved it
      auto now = release_forecasts(s, std::nullopt, id);
      if (!now.count(id) || now.at(id).days_left > 0) continue;
      forecast = now.at(id);
    }
    Customer c = load_customer(s, id);
    Customer before = c;
    std::optional<Rep> previous = s.store.find_rep(*c.owner_id);
    change_owner(s, c, std::nullopt,
                 {Cause::recycled, fmt::format("recycled: {} ({} days)", forecast.rule, forecast.days_elapsed),
                  forecast.rule});
    if (s.config.pool.after_release == AfterRelease::return_to_owner && previous) {
      c.reserved_for_id = previous->id;
      c.reserved_for = previous->name;
    }
    s.store.update_customer(c);
    out.push_back({before, forecast.rule, forecast.days_elapsed, "", before.owner});
    count_change();
  }
  // Stakes whose profile was not completed in time lapse, reported like releases.
  Date today = date_of(s.now);
  CustomerFilter pool;
  pool.pool_only = true;
  for (Customer c : s.store.customers(pool)) {
    if (!c.staked_by_id) continue;
    int held = days_between(day_of(c.staked_at), today);
    if (held <= s.config.pool.stake.complete_within_days) continue;
    auto missing = missing_profile(s, c);
    if (missing.empty()) continue;
    Customer before = c;
    s.record_change({Kind::customer, c.id}, "stake", c.staked_by, "",
                    fmt::format("lapsed after {} days: missing {}", held, join(missing, ", ")));
    c.end_stake();
    s.store.update_customer(c);
    out.push_back({before, "stake lapsed", held, "missing " + join(missing, ", "), before.staked_by});
    count_change();
  }
  return out;
}

std::vector<Customer> claim_customers(Session& s, const std::vector<Id>& ids) {
  const PoolSettings& pool = s.config.pool;
  std::vector<Customer> customers = load_all(s, ids);
  std::vector<std::string> problems;
  int counted = 0;
  for (const Customer& c : customers) {
    std::string ref = make_ref(Kind::customer, c.id);
    if (c.owner_id) {
      problems.push_back(fmt::format("{} is not in the pool: {} owns it", ref, c.owner));
      continue;
    }
    if (cooled(s, c))
      problems.push_back(fmt::format("{} was abandoned and is cooled until {} ([abandoned] cool_days)", ref, c.cool_until));
    if (c.reserved_for_id && *c.reserved_for_id != s.actor.id)
      problems.push_back(fmt::format("{} goes back to its previous owner {} (after_release = return-to-owner)", ref,
                                     c.reserved_for));
    if (c.staked_by_id && *c.staked_by_id != s.actor.id)
      problems.push_back(fmt::format("{} is staked by {} (占坑)", ref, c.staked_by));
    std::string lost = s.store.last_lost_at(c.id, s.actor.name);
    if (!lost.empty() && !(c.reserved_for_id && *c.reserved_for_id == s.actor.id)) {
      int since = days_between(day_of(lost), date_of(s.now));
      if (since < pool.cooldown_days)
        problems.push_back(fmt::format("{} left {} {} days ago; it may not be claimed back before {} days "
                                       "([pool] cooldown_days)",
                                       ref, s.actor.name, since, pool.cooldown_days));
    }
    if (c.layer != s.config.abandoned.key &&
        std::find(pool.capacity_excludes.begin(), pool.capacity_excludes.end(), c.layer) == pool.capacity_excludes.end())
      ++counted;
  }
  int today = s.store.claims_on(s.actor.name, today_text(s));
  if (today + static_cast<int>(customers.size()) > pool.daily_claim_limit)
    problems.push_back(fmt::format("{} has claimed {} today; {} more would pass the daily limit of {} "
                                   "([pool] daily_claim_limit)",
                                   s.actor.name, today, customers.size(), pool.daily_claim_limit));
  int held = s.store.held_customers(s.actor.id, pool.capacity_excludes);
  int capacity = capacity_of(s.config, s.actor);
  if (held + counted > capacity)
    problems.push_back(fmt::format("{} holds {} of {} customers; {} more would pass capacity: release one first "
                                   "(hopper pool release REF --reason …)",
                                   s.actor.name, held, capacity, counted));
  if (!problems.empty()) throw Error(Exit::refused, refuse_all("pool claim", problems));
  for (Customer& c : customers) {
    change_owner(s, c, s.actor, {Cause::claimed, "claimed", ""});
    if (c.layer == s.config.abandoned.key) {
      s.record_change({Kind::customer, c.id}, "layer", c.layer, initial_layer(s.config), "claimed after cooling");
      c.layer = initial_layer(s.config);
      c.cool_until.clear();
    }
    s.store.update_customer(c);
  }
  return customers;
}

std::vector<Customer> release_customers(Session& s, const std::vector<Id>& ids, const std::string& reason) {
  if (trim(reason).empty()) throw Error(Exit::invalid, "pool release needs --reason TEXT saying why");
  std::vector<Customer> customers = load_all(s, ids);
  for (Customer& c : customers) {
    std::string ref = make_ref(Kind::customer, c.id);
    if (!c.owner_id) throw Error(Exit::refused, fmt::format("{} is already in the pool", ref));
    require_owner_or_manager(s, c.owner_id, "customer " + ref);
    change_owner(s, c, std::nullopt, {Cause::released, "released: " + trim(reason), ""});
    s.store.update_customer(c);
  }
  return customers;
}

std::vector<Customer> stake_customers(Session& s, const std::vector<Id>& ids) {
  std::vector<Customer> customers = load_all(s, ids);
  std::vector<std::string> problems;
  for (const Customer& c : customers) {
    std::string ref = make_ref(Kind::customer, c.id);
    if (c.owner_id) problems.push_back(fmt::format("{} is not in the pool: {} owns it", ref, c.owner));
    else if (c.staked_by_id) problems.push_back(fmt::format("{} is already staked by {}", ref, c.staked_by));
    else if (cooled(s, c)) problems.push_back(fmt::format("{} is cooled until {}", ref, c.cool_until));
  }
  int staked = s.store.staked_count(s.actor.id), limit = s.config.pool.stake_limit();
  if (staked + static_cast<int>(customers.size()) > limit)
    problems.push_back(fmt::format("{} has {} stakes; {} more would pass the limit of {} ([pool.stake] limit)",
                                   s.actor.name, staked, customers.size(), limit));
  if (!problems.empty()) throw Error(Exit::refused, refuse_all("pool stake", problems));
  for (Customer& c : customers) {
    s.record_change({Kind::customer, c.id}, "stake", "", s.actor.name,
                    fmt::format("complete {} within {} days", join(s.config.pool.stake.required_fields, ", "),
                                s.config.pool.stake.complete_within_days));
    c.staked_by_id = s.actor.id;
    c.staked_by = s.actor.name;
    c.staked_at = s.at_text();
    s.store.update_customer(c);
  }
  return customers;
}

std::vector<Customer> unstake_customers(Session& s, const std::vector<Id>& ids) {
  std::vector<Customer> customers = load_all(s, ids);
  for (Customer& c : customers) {
    std::string ref = make_ref(Kind::customer, c.id);
    if (!c.staked_by_id) throw Error(Exit::refused, fmt::format("{} is not staked", ref));
    require_owner_or_manager(s, c.staked_by_id, "the stake on " + ref);
    s.record_change({Kind::customer, c.id}, "stake", c.staked_by, "", "unstaked");
    c.end_stake();
    s.store.update_customer(c);
  }
  return customers;
}

std::vector<PoolStatus> pool_status(Session& s) {
  std::vector<PoolStatus> out;
  for (const Rep& r : s.store.reps()) {
    if (!r.active) continue;
    out.push_back({r, s.store.held_customers(r.id, s.config.pool.capacity_excludes), capacity_of(s.config, r),
                   s.store.staked_count(r.id), s.store.claims_on(r.name, today_text(s))});
  }
  return out;
}

}  // namespace hopper
