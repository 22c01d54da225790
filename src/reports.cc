#include "hopper/reports.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "hopper/error.h"
#include "hopper/opportunities.h"

namespace hopper {
namespace {

double share(double part, double whole) { return whole > 0 ? std::round(part / whole * 10000) / 100 : 0; }

std::string end_of(const Period& p) { return format_date(p.last + std::chrono::days{1}) + "T00:00:00"; }
std::string start_of(const Period& p) { return format_date(p.first) + "T00:00:00"; }

const Pipeline* find_pipeline(const Config& c, const std::string& key) {
  for (const auto& p : c.pipelines)
    if (p.key == key) return &p;
  return nullptr;
}

int stage_position(const Pipeline& p, const std::string& stage) {
  for (std::size_t i = 0; i < p.stages.size(); ++i)
    if (p.stages[i].key == stage) return static_cast<int>(i);
  return -1;
}

void require_pipeline(const Config& c, const std::string& key) {
  if (!key.empty() && !find_pipeline(c, key))
    throw Error(Exit::invalid, fmt::format("'{}' is not a pipeline (see hopper config show)", key));
}

// The state of one record at two moments, replayed from its history rows.
struct Replay {
  std::string at_start, at_end;          // stage or layer
  std::string status_start = "", status_end = "";  // opportunities: open | won | lost
  bool existed_at_start = false;
};

// Replays history rows (ordered by record, then time) into each record's
// state at `start` and `end`.
std::map<Id, Replay> replay(const std::vector<HistoryEntry>& rows, const std::string& start,
                            const std::string& status_field) {
  std::map<Id, Replay> out;
  for (const auto& h : rows) {
    Replay& r = out[h.subject.id];
    bool before_start = h.at < start;
    if (h.field == status_field) {
      if (before_start) r.status_start = h.to;
      r.status_end = h.to;
    } else {
      if (before_start) {
        r.at_start = h.to;
        r.existed_at_start = true;
      }
      r.at_end = h.to;
    }
  }
  return out;
}

}  // namespace

FunnelReport funnel_report(Session& s, const std::string& pipeline, const std::string& by) {
  require_pipeline(s.config, pipeline);
  std::map<Id, Customer> customers;
  std::map<Id, std::string> lead_source;
  if (by == "grade" || by == "source") {
    for (const auto& c : s.store.customers({})) customers[c.id] = c;
    if (by == "source")
      for (const auto& l : s.store.leads({}))
        if (l.customer_id) lead_source[*l.customer_id] = l.source;
  }
  std::map<Id, Rep> reps;
  for (const auto& r : s.store.reps()) reps[r.id] = r;
  auto group_of = [&](const Opportunity& o) -> std::string {
    if (by == "rep") return o.owner;
    if (by == "team") return o.owner_id ? reps[*o.owner_id].team : "";
    if (by == "grade") return customers[o.customer_id].grade;
    if (by == "source") return lead_source[o.customer_id];
    if (by == "pipeline") return o.pipeline;
    return "";
  };
  // One row per group, pipeline and stage, in stage order.
  std::map<std::string, std::map<std::pair<std::string, int>, FunnelRow>> groups;
  FunnelReport report;
  for (const auto& o : s.store.opportunities({std::nullopt, std::nullopt, pipeline, "", "open"})) {
    const Pipeline& p = pipeline_of(s.config, o);
    int pos = stage_position(p, o.stage);
    FunnelRow& row = groups[group_of(o)][{p.key, pos}];
    row.pipeline = p.key;
    row.stage = o.stage;
    row.stage_name = p.stages[pos].name;
    row.count += 1;
    row.amount += o.amount;
    row.weighted += weighted_value(s.config, o);
  }
  // Every stage shows, empty ones too, so the funnel's shape is whole.
  if (groups.empty()) groups[""];
  for (auto& [group, rows] : groups) {
    for (const auto& p : s.config.pipelines) {
      if (!pipeline.empty() && p.key != pipeline) continue;
      for (int i = 0; i < static_cast<int>(p.stages.size()); ++i) {
        FunnelRow& row = rows[{p.key, i}];
        row.pipeline = p.key;
        row.stage = p.stages[i].key;
        row.stage_name = p.stages[i].name;
      }
    }
    FunnelTotal t;
    for (auto& [key, row] : rows) {
      t.count += row.count;
      t.amount += row.amount;
      t.weighted += row.weighted;
    }
    std::vector<std::pair<std::string, int>> order;
    for (auto& [key, row] : rows) {
      row.group = group;
      row.count_share = share(row.count, t.count);
      row.amount_share = share(static_cast<double>(row.amount), static_cast<double>(t.amount));
    }
    // Pipelines in their configured order.
    for (const auto& p : s.config.pipelines)
      for (auto& [key, row] : rows)
        if (key.first == p.key) report.rows.push_back(row);
    report.total.count += t.count;
    report.total.amount += t.amount;
    report.total.weighted += t.weighted;
  }
  return report;
}

std::vector<LayerRow> layer_report(Session& s) {
  std::vector<LayerRow> rows;
  for (const auto& l : s.config.layers) rows.push_back({l.key, l.name, 0, l.ideal_holding, {}});
  rows.push_back({s.config.abandoned.key, s.config.abandoned.name, 0, std::nullopt, {}});
  std::vector<Rep> reps;
  for (const auto& r : s.store.reps())
    if (r.active) reps.push_back(r);
  for (auto& row : rows)
    for (const auto& r : reps) row.holdings.push_back({r.name, 0});
  for (const auto& c : s.store.customers({})) {
    for (auto& row : rows) {
      if (row.layer != c.layer) continue;
      row.count += 1;
      for (auto& [name, n] : row.holdings)
        if (name == c.owner) n += 1;
    }
  }
  return rows;
}

std::vector<ConversionRow> conversion_report(Session& s, const Period& period, const std::string& pipeline) {
  require_pipeline(s.config, pipeline);
  std::string start = start_of(period), end = end_of(period);
  auto states = replay(s.store.history_rows(Kind::opportunity, {"stage", "status"}, end), start, "status");
  std::map<Id, Opportunity> opps;
  for (const auto& o : s.store.opportunities({std::nullopt, std::nullopt, pipeline, "", ""})) opps[o.id] = o;
  std::vector<ConversionRow> rows;
  for (const auto& p : s.config.pipelines) {
    if (!pipeline.empty() && p.key != pipeline) continue;
    for (const auto& st : p.stages) {
      ConversionRow row{p.key, st.key, st.name, 0, 0, 0, 0, 0, std::nullopt};
      int here = stage_position(p, st.key);
      for (const auto& [id, r] : states) {
        auto it = opps.find(id);
        if (it == opps.end() || it->second.pipeline != p.key) continue;
        bool open_at_start = r.status_start.empty() || r.status_start == "open";
        if (!r.existed_at_start || !open_at_start || r.at_start != st.key) continue;
        row.start += 1;
        int there = stage_position(p, r.at_end);
        if (r.status_end == "won" || there > here) row.moved += 1;
        else if (r.status_end == "lost") row.lost += 1;
        else if (there < here) row.regressed += 1;
        else row.stayed += 1;
      }
      if (row.start > 0) row.rate = share(row.moved, row.start);
      rows.push_back(row);
    }
  }
  return rows;
}

std::vector<ConversionRow> layer_conversion_report(Session& s, const Period& period) {
  std::string start = start_of(period), end = end_of(period);
  auto states = replay(s.store.history_rows(Kind::customer, {"layer"}, end), start, "");
  std::vector<ConversionRow> rows;
  for (const auto& l : s.config.layers) {
    ConversionRow row{"", l.key, l.name, 0, 0, 0, 0, 0, std::nullopt};
    int here = s.config.layer_index(l.key);
    for (const auto& [id, r] : states) {
      if (!r.existed_at_start || r.at_start != l.key) continue;
      row.start += 1;
      int there = s.config.layer_index(r.at_end);
      if (r.at_end == s.config.abandoned.key) row.lost += 1;
      else if (there > here) row.moved += 1;
      else if (there < here) row.regressed += 1;
      else row.stayed += 1;
    }
    if (row.start > 0) row.rate = share(row.moved, row.start);
    rows.push_back(row);
  }
  return rows;
}

std::vector<StageWinRate> measured_win_rates(Session& s) {
  // For each stage: of the opportunities that were ever in it and are decided
  // (moved on, won or lost from it), the share that went on.
  auto rows = s.store.history_rows(Kind::opportunity, {"stage", "status"}, "9999");
  std::map<Id, Opportunity> opps;
  for (const auto& o : s.store.opportunities({})) opps[o.id] = o;
  std::map<Id, std::vector<std::string>> visited;
  for (const auto& h : rows)
    if (h.field == "stage" && !h.to.empty()) visited[h.subject.id].push_back(h.to);
  std::vector<StageWinRate> out;
  for (const auto& p : s.config.pipelines) {
    std::vector<std::pair<int, int>> onward(p.stages.size());  // moved on, decided
    for (const auto& [id, stages] : visited) {
      const Opportunity& o = opps[id];
      if (o.pipeline != p.key) continue;
      int furthest = -1;
      for (const auto& st : stages) furthest = std::max(furthest, stage_position(p, st));
      for (int i = 0; i <= furthest && i < static_cast<int>(p.stages.size()); ++i) {
        bool was_here = std::find(stages.begin(), stages.end(), p.stages[i].key) != stages.end();
        if (!was_here) continue;
        bool went_on = i < furthest || o.status == "won";
        bool decided = went_on || o.status == "lost";
        if (decided) {
          onward[i].second += 1;
          if (went_on) onward[i].first += 1;
        }
      }
    }
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
      StageWinRate w{p.key, p.stages[i].key, 100.0, onward[i].second};
      for (std::size_t j = i; j < p.stages.size(); ++j) {
        if (onward[j].second == 0) {
          w.rate.reset();
          break;
        }
        *w.rate *= static_cast<double>(onward[j].first) / onward[j].second;
      }
      if (w.rate) w.rate = std::round(*w.rate * 100) / 100;
      out.push_back(w);
    }
  }
  return out;
}

Forecast forecast(Session& s, const Period& period, const std::string& method) {
  Forecast f;
  f.period = period;
  f.method = method;
  std::string first = format_date(period.first), last = format_date(period.last);
  if (method == "historical") f.win_rates = measured_win_rates(s);
  for (const auto& o : s.store.opportunities({})) {
    if (o.status == "won" && o.closed_at.substr(0, 10) >= first && o.closed_at.substr(0, 10) <= last) {
      f.closed_count += 1;
      f.closed_amount += o.amount;
    }
    if (o.status != "open" || o.close_date.empty() || o.close_date < first || o.close_date > last) continue;
    double p = effective_probability(s.config, o);
    if (method == "historical" && !o.manual_probability) {  // a manager's own rate still comes first
      for (const auto& w : f.win_rates)
        if (w.pipeline == o.pipeline && w.stage == o.stage && w.rate) p = *w.rate;
    }
    Money weighted = static_cast<Money>(std::llround(static_cast<double>(o.amount) * p / 100.0));
    f.rows.push_back({o, p, weighted});
    f.total_amount += o.amount;
    f.total_weighted += weighted;
  }
  std::stable_sort(f.rows.begin(), f.rows.end(),
                   [](const ForecastRow& a, const ForecastRow& b) { return a.opp.close_date < b.opp.close_date; });
  return f;
}

std::vector<ForecastGroup> group_forecast(Session& s, const Forecast& f, const std::string& by) {
  std::map<std::string, ForecastGroup> groups;
  auto quarter_of = [&](const std::string& date) {  // "2017-Q3", fiscal
    return parse_period("this-quarter", parse_absolute_time(date), s.config.calendar()).label;
  };
  for (const auto& r : f.rows) {
    std::string key = by == "month"     ? r.opp.close_date.substr(0, 7)
                      : by == "quarter" ? quarter_of(r.opp.close_date)
                                        : stage_of(s.config, r.opp).category;
    ForecastGroup& g = groups[key];
    g.group = key;
    g.count += 1;
    g.amount += r.opp.amount;
    g.weighted += r.weighted;
  }
  std::vector<ForecastGroup> out;
  if (by == "category") {
    for (const char* cat : {"pipeline", "best_case", "commit"})
      out.push_back(groups.count(cat) ? groups[cat] : ForecastGroup{cat, 0, 0, 0});
    return out;
  }
  for (auto& [key, g] : groups) out.push_back(g);
  return out;
}

RunRate run_rate_forecast(Session& s, const Period& period) {
  RunRate r;
  r.period = period;
  r.window_days = 90;
  Date today = date_of(s.now);
  std::string since = format_date(today - std::chrono::days{r.window_days});
  Money won_total = 0;
  for (const auto& o : s.store.opportunities({})) {
    if (o.created_at.substr(0, 10) >= since) r.created += 1;
    if (o.closed_at.empty() || o.closed_at.substr(0, 10) < since) continue;
    if (o.status == "won") {
      r.won += 1;
      won_total += o.amount;
    } else if (o.status == "lost") {
      r.lost += 1;
    }
  }
  if (r.won + r.lost > 0) r.win_rate = share(r.won, r.won + r.lost);
  if (r.won > 0) r.average_won = won_total / r.won;
  int days = days_between(period.first, period.last) + 1;
  double expected_deals = static_cast<double>(r.created) / r.window_days * days * r.win_rate.value_or(0) / 100.0;
  r.projected = static_cast<Money>(std::llround(expected_deals * static_cast<double>(r.average_won)));
  return r;
}

}  // namespace hopper
