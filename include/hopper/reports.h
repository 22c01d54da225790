// Reports (SPEC §9) as functions over query results: the funnel, stage
// conversion from history, and the forecast. They read; they never write.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "hopper/money.h"
#include "hopper/session.h"

namespace hopper {

// Seed 003's distribution: open opportunities per stage, and each stage's
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

// Seed 003's conversion: of those in a stage (or layer) at the start of the
// period, how many were in a later one or won by its end (moved), still there
// (stayed), lost or abandoned, or back in an earlier one (regressed).
struct ConversionRow {
  std::string pipeline;
  std::string stage;
  std::string stage_name;
  int start = 0, moved = 0, stayed = 0, lost = 0, regressed = 0;
  std::optional<double> rate;  // moved / start, percent
};
std::vector<ConversionRow> conversion_report(Session& s, const Period& period, const std::string& pipeline);
std::vector<ConversionRow> layer_conversion_report(Session& s, const Period& period);

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
// A stage's win rate measured from history: the product of its onward
// conversion rates, with how many decided opportunities it rests on.
struct StageWinRate {
  std::string pipeline, stage;
  std::optional<double> rate;  // percent
  int sample = 0;
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
// by: month | quarter | category
std::vector<ForecastGroup> group_forecast(Session& s, const Forecast& f, const std::string& by);
std::vector<StageWinRate> measured_win_rates(Session& s);

// Seed 004's run rate: next period's wins from the creation rate of
// opportunities × the measured win rate × the average won amount.
struct RunRate {
  Period period;
  int window_days = 0;
  int created = 0;       // opportunities created in the window
  int won = 0, lost = 0;  // decided in the window
  Money average_won = 0;
  std::optional<double> win_rate;  // percent
  Money projected = 0;
};
RunRate run_rate_forecast(Session& s, const Period& period);

}  // namespace hopper
