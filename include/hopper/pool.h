// The private and shared pool (docs/pool-rules.md): capacity, claims and releases,
// forced release by rule (掉保), staking (占坑).
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hopper/session.h"

namespace hopper {

// When the first rule would release a customer: its days left (0 or less:
// at the next recycle) and how many days have passed on that rule's clock.
struct ReleaseForecast {
  std::string rule;
  int days_left = 0;
  int days_elapsed = 0;
};

// nullopt: no rule applies, or the customer is exempt (locked, or an open
// opportunity at or above exempt_probability).
std::optional<ReleaseForecast> first_release(const Config& config, const CustomerClock& clock, Date today);
// Forecasts of owned customers, by id (optionally of one rep or one customer).
std::map<Id, ReleaseForecast> release_forecasts(Session& s, std::optional<Id> owner = std::nullopt,
                                                std::optional<Id> customer = std::nullopt);

struct Recycled {
  Customer customer;   // as it was before
  std::string rule;    // the rule, or "stake lapsed"
  int days = 0;
  std::string detail;  // what was missing for a lapsed stake
  std::string lost_by;  // the rep who lost it: its owner, or the staker of a lapsed stake
};
// The nightly job: releases every customer a rule says is due, lapses stakes
// whose profile is not complete in time. Idempotent for one --now.
// `checkpoint` is called after every `batch` changes, so the caller can
// commit and let reps work in between; each customer's clock is read again
// just before its release, so a follow-up logged meanwhile still saves it.
// For managers (Error(denied)).
std::vector<Recycled> recycle_pool(Session& s, const std::function<void()>& checkpoint = {}, int batch = 200);

std::vector<Customer> claim_customers(Session& s, const std::vector<Id>& ids);
std::vector<Customer> release_customers(Session& s, const std::vector<Id>& ids, const std::string& reason);
std::vector<Customer> stake_customers(Session& s, const std::vector<Id>& ids);
std::vector<Customer> unstake_customers(Session& s, const std::vector<Id>& ids);
// The stake's required_fields still empty on a customer.
std::vector<std::string> missing_profile(Session& s, const Customer& customer);

struct PoolStatus {
  Rep rep;
  int held = 0;      // counted against capacity
  int capacity = 0;
  int staked = 0;
  int claimed_today = 0;
};
std::vector<PoolStatus> pool_status(Session& s);

}  // namespace hopper
