// Reports (docs/json.md) as functions over query results: the funnel, stage
// conversion from history, and the forecast. They read; they never write.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "hopper/money.h"
#include "hopper/session.h"

namespace hopper {

// Distribution: open opportunities per stage, and each stage's
// share of the count and of the amount (in percent) within its group.
struct FunnelRow {
  std::string group;  // the --by value ("" without --by)
  std::string pipeline;
  std::string stage;
  std::string stage_name;
  int count = 0;
  Money amount = 0;
  Money weighted = 0;
  double count_share = 0;
  double amount_share = 0;
};
struct FunnelTotal {
  int count = 0;
  Money amount = 0;
  Money weighted = 0;
};
struct FunnelReport {
  std::vector<FunnelRow> rows;
  FunnelTotal total;
};
// by: "" | rep | team | grade | source | pipeline
FunnelReport funnel_report(Session& s, const std::string& pipeline, const std::string& by);

// Customers per lifecycle layer, and each rep's holding against ideal_holding.
struct LayerRow {
  std::string layer;
  std::string name;
  int count = 0;
  std::optional<int> ideal_holding;
  std::vector<std::pair<std::string, int>> holdings;  // rep → customers in the layer
};
std::vector<LayerRow> layer_report(Session& s);

// Conversion: of those in a stage (or layer) at the start of the
// period, how many were in a later one or won by its end (moved), still there
// (stayed), lost or abandoned, or back in an earlier one (regressed).
// Cohort::entered counts instead those that entered the stage during the
// period (a new deal enters its first stage), so a period that starts before
// the first deal still has a funnel to measure.
enum class Cohort { at_start, entered };
struct ConversionRow {
  std::string pipeline;
  std::string stage;
  std::string stage_name;
  int start = 0, moved = 0, stayed = 0, lost = 0, regressed = 0;  // start: the cohort, either way
  std::optional<double> rate;  // moved / start, percent
};
std::vector<ConversionRow> conversion_report(Session& s, const Period& period, const std::string& pipeline,
                                             Cohort cohort = Cohort::at_start);
std::vector<ConversionRow> layer_conversion_report(Session& s, const Period& period, Cohort cohort = Cohort::at_start);

struct ForecastRow {
  Opportunity opp;
  double probability = 0;
  Money weighted = 0;
};
struct ForecastGroup {
  std::string group;
  int count = 0;
  Money amount = 0;
  Money weighted = 0;
};
// A stage's win rate measured from history: of the closed deals that passed
// through the stage (entered it, or skipped it on the way further), the
// share won — a deal that merely moved on is not a win. Below [forecast]
// min_sample closed deals the stage's own probability is used instead.
struct StageWinRate {
  std::string pipeline, stage;
  std::optional<double> measured;  // percent; none without a closed deal
  int sample = 0;                  // closed deals (won + lost) that passed through
  int won = 0;
  double used = 0;                 // the rate the forecast applies
  bool from_history = false;       // false: the stage probability (sample below min_sample)
};
struct Forecast {
  Period period;
  std::string method;  // stage | historical
  std::vector<ForecastRow> rows;
  Money total_amount = 0, total_weighted = 0;
  int closed_count = 0;  // won in the period, shown apart
  Money closed_amount = 0;
  std::vector<StageWinRate> win_rates;  // method historical
};
Forecast forecast(Session& s, const Period& period, const std::string& method);
// by: month | quarter | category | rep | team | pipeline | grade | source;
// the groups always add up to the forecast's total.
std::vector<ForecastGroup> group_forecast(Session& s, const Forecast& f, const std::string& by);
std::vector<StageWinRate> measured_win_rates(Session& s);

// Run rate: wins from the creation rate of opportunities × the
// measured win rate × the average won amount, over the workspace's real
// history (its last `window_days`, at most 90). For a period under way it is
// what already closed in it plus the projection for the days left; a past
// period is what closed in it.
struct RunRate {
  Period period;
  std::string window_from;  // the first day measured
  int window_days = 0;
  int created = 0;        // opportunities created in the window
  int won = 0, lost = 0;  // decided in the window
  Money average_won = 0;
  std::optional<double> win_rate;  // percent
  Money closed = 0;        // won in the period up to today
  int days_left = 0;       // days of the period after today
  Money projected = 0;     // the projection for those days
  Money expected = 0;      // closed + projected
};
RunRate run_rate_forecast(Session& s, const Period& period);

// How long records stay in each stage (or layer) and how many move on, from
// history: completed stays only; the movement rate is moved / left.
struct VelocityRow {
  std::string group;  // rep with --by rep
  std::string pipeline;
  std::string stage;
  std::string stage_name;
  int entered = 0, left = 0, moved = 0;
  std::optional<double> average_days, median_days;
  std::optional<int> ideal_days;
  std::optional<double> movement_rate, ideal_rate;  // percent
};
std::vector<VelocityRow> velocity_report(Session& s, bool layers, bool by_rep);

// Exceptions worth a manager's look: signings from outside the funnel, many
// intents but few signings, slow layers and low movement, high abandonment,
// rotting deals.
struct HealthFinding {
  std::string kind;  // signed_outside_funnel | few_signings | high_abandonment | slow_layer | rotting
  std::string ref;   // the record or rep
  std::string rep;
  std::string detail;
};
std::vector<HealthFinding> health_report(Session& s);

// Per rep, ranked by won amount in the period: holdings against the ideal,
// abandoned / claimed, invalid follow-ups, stakes and their signings.
struct Scorecard {
  Rep rep;
  std::vector<std::pair<std::string, int>> holdings;  // layer → customers
  int won = 0;
  Money won_amount = 0;
  int claimed = 0, abandoned = 0, released = 0, recycled = 0;
  std::optional<double> abandon_ratio;  // abandoned / claimed, percent
  int followups = 0, invalid_followups = 0;
  std::optional<double> invalid_share;  // percent
  int staked = 0, staked_complete = 0;
  int staked_signings = 0;  // won deals on customers the rep had staked (a ranking of stakes)
};
std::vector<Scorecard> scorecards(Session& s, const Period& period);

// The shared pool: its size by grade, segment and age, and the flows of the
// period, which add up: start + Σ flows_in − Σ flows_out = end, where the pool
// is every customer without an owner (cooled ones included).
struct PoolReport {
  std::vector<std::pair<std::string, int>> by_grade, by_segment, by_age;
  int size = 0;  // claimable now: not cooled
  int start = 0, end = 0;
  std::vector<std::pair<Cause, int>> flows_in, flows_out;  // by cause, in the order of the Cause enum
  std::vector<std::pair<std::string, int>> forced_by_rule;
};
PoolReport pool_report(Session& s, const Period& period);

}  // namespace hopper
