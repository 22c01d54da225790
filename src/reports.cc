#include "hopper/reports.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "hopper/error.h"
#include "hopper/opportunities.h"
#include "hopper/pool.h"

namespace hopper {
namespace {

// History up to and including --now: reports never see later entries.
std::string until_now(const Session& s) { return format_time(s.now + std::chrono::seconds{1}); }

double share(double part, double whole) { return whole > 0 ? std::round(part / whole * 10000) / 100 : 0; }

std::string end_of(const Period& p) { return format_date(p.last + std::chrono::days{1}) + "T00:00:00"; }
std::string start_of(const Period& p) { return format_date(p.first) + "T00:00:00"; }

int stage_position(const Pipeline& p, const std::string& stage) {
  for (std::size_t i = 0; i < p.stages.size(); ++i)
    if (p.stages[i].key == stage) return static_cast<int>(i);
  return -1;
}

// The state of one record at two moments, replayed from its history rows.
struct Replay {
  std::string at_start, at_end;          // stage or layer
  std::string status_start = "", status_end = "";  // opportunities: open | won | lost
  bool existed_at_start = false;
  std::vector<std::string> entered;  // the stages or layers it entered between the two, each once
};

// Replays history rows (ordered by record, then time) into each record's
// state at `start` and `end`.
std::map<Id, Replay> replay(Store& store, Kind kind, const std::vector<std::string>& fields, const std::string& end,
                            const std::string& start, const std::string& status_field) {
  std::map<Id, Replay> out;
  store.each_history_row(kind, fields, end, [&](const HistoryEntry& h) {
    Replay& r = out[h.subject.id];
    bool before_start = h.at < start;
    if (h.field == status_field) {
      if (before_start) r.status_start = h.to;
      r.status_end = h.to;
    } else {
      if (before_start) {
        r.at_start = h.to;
        r.existed_at_start = true;
      } else if (std::find(r.entered.begin(), r.entered.end(), h.to) == r.entered.end()) {
        r.entered.push_back(h.to);
      }
      r.at_end = h.to;
    }
  });
  return out;
}

// Whether a replayed record belongs to the cohort of `key` (a stage or layer).
bool in_cohort(const Replay& r, const std::string& key, Cohort cohort) {
  if (cohort == Cohort::entered) return std::find(r.entered.begin(), r.entered.end(), key) != r.entered.end();
  bool open_at_start = r.status_start.empty() || kDealStatuses.parse(r.status_start) == DealStatus::open;
  return r.existed_at_start && open_at_start && r.at_start == key;
}

}  // namespace

FunnelReport funnel_report(Session& s, const std::string& pipeline_named, const std::string& by) {
  const std::string pipeline = s.config.pipeline_key(pipeline_named);
  std::map<Id, std::string> grade_of, lead_source;
  if (by == "grade" || by == "source") {
    s.store.each_customer({}, [&](const Customer& c) { grade_of[c.id] = c.grade; });
    if (by == "source")
      for (const auto& l : s.store.leads({}))
        if (l.customer_id) lead_source[*l.customer_id] = l.source;
  }
  std::map<Id, Rep> reps;
  for (const auto& r : s.store.reps()) reps[r.id] = r;
  auto group_of = [&](const Opportunity& o) -> std::string {
    if (by == "rep") return o.owner;
    if (by == "team") return o.owner_id ? reps[*o.owner_id].team : "";
    if (by == "grade") return grade_of[o.customer_id];
    if (by == "source") return lead_source[o.customer_id];
    if (by == "pipeline") return o.pipeline;
    return "";
  };
  // One row per group, pipeline and stage, in stage order.
  std::map<std::string, std::map<std::pair<std::string, int>, FunnelRow>> groups;
  FunnelReport report;
  std::map<std::string, int> unknown_stages;  // pipeline and stage → a position after the known stages
  s.store.each_opportunity({std::nullopt, std::nullopt, pipeline, "", DealStatus::open}, [&](const Opportunity& o) {
    // A stage funnel.toml no longer defines is shown as stored, after the known ones.
    const Pipeline* p = s.config.find_pipeline(o.pipeline);
    int pos = p ? stage_position(*p, o.stage) : -1;
    if (pos < 0) pos = unknown_stages.emplace(o.pipeline + "\n" + o.stage, 100000 + unknown_stages.size()).first->second;
    FunnelRow& row = groups[group_of(o)][{o.pipeline, pos}];
    row.pipeline = o.pipeline;
    row.stage = o.stage;
    row.stage_name = stage_label(s.config, o);
    row.count += 1;
    row.amount = add_money(row.amount, o.amount);
    row.weighted = add_money(row.weighted, weighted_value(s.config, o));
  });
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
      t.amount = add_money(t.amount, row.amount);
      t.weighted = add_money(t.weighted, row.weighted);
    }
    for (auto& [key, row] : rows) {
      row.group = group;
      row.count_share = share(row.count, t.count);
      row.amount_share = share(static_cast<double>(row.amount), static_cast<double>(t.amount));
    }
    // Pipelines in their configured order, then those funnel.toml no longer
    // defines (config check names them): every deal the total counts has its row.
    for (const auto& p : s.config.pipelines)
      for (auto& [key, row] : rows)
        if (key.first == p.key) report.rows.push_back(row);
    for (auto& [key, row] : rows)
      if (!s.config.find_pipeline(key.first)) report.rows.push_back(row);
    report.total.count += t.count;
    report.total.amount = add_money(report.total.amount, t.amount);
    report.total.weighted = add_money(report.total.weighted, t.weighted);
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
    auto row = std::find_if(rows.begin(), rows.end(), [&](const LayerRow& r) { return r.layer == c.layer; });
    if (row == rows.end()) {  // a layer funnel.toml no longer defines: shown as stored, never dropped
      rows.push_back({c.layer, c.layer + " (not in funnel.toml)", 0, std::nullopt, {}});
      for (const auto& r : reps) rows.back().holdings.push_back({r.name, 0});
      row = rows.end() - 1;
    }
    row->count += 1;
    for (auto& [name, n] : row->holdings)
      if (name == c.owner) n += 1;
  }
  return rows;
}

std::vector<ConversionRow> conversion_report(Session& s, const Period& period, const std::string& pipeline_named,
                                             Cohort cohort) {
  const std::string pipeline = s.config.pipeline_key(pipeline_named);
  std::string start = start_of(period), end = end_of(period);
  auto states = replay(s.store, Kind::opportunity, {"stage", "status"}, end, start, "status");
  std::map<Id, std::string> pipeline_of;
  s.store.each_opportunity({std::nullopt, std::nullopt, pipeline, "", std::nullopt},
                           [&](const Opportunity& o) { pipeline_of[o.id] = o.pipeline; });
  std::vector<ConversionRow> rows;
  for (const auto& p : s.config.pipelines) {
    if (!pipeline.empty() && p.key != pipeline) continue;
    for (const auto& st : p.stages) {
      ConversionRow row{p.key, st.key, st.name, 0, 0, 0, 0, 0, std::nullopt};
      int here = stage_position(p, st.key);
      for (const auto& [id, r] : states) {
        auto it = pipeline_of.find(id);
        if (it == pipeline_of.end() || it->second != p.key) continue;
        if (!in_cohort(r, st.key, cohort)) continue;
        row.start += 1;
        int there = stage_position(p, r.at_end);
        std::optional<DealStatus> closed = kDealStatuses.parse(r.status_end);
        if (closed == DealStatus::won || there > here) row.moved += 1;
        else if (closed == DealStatus::lost) row.lost += 1;
        else if (there < here) row.regressed += 1;
        else row.stayed += 1;
      }
      if (row.start > 0) row.rate = share(row.moved, row.start);
      rows.push_back(row);
    }
  }
  return rows;
}

std::vector<ConversionRow> layer_conversion_report(Session& s, const Period& period, Cohort cohort) {
  std::string start = start_of(period), end = end_of(period);
  auto states = replay(s.store, Kind::customer, {"layer"}, end, start, "");
  std::vector<ConversionRow> rows;
  for (const auto& l : s.config.layers) {
    ConversionRow row{"", l.key, l.name, 0, 0, 0, 0, 0, std::nullopt};
    int here = s.config.layer_index(l.key);
    for (const auto& [id, r] : states) {
      if (!in_cohort(r, l.key, cohort)) continue;
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
  struct Closed {
    std::string pipeline;
    bool won = false;
  };
  std::map<Id, Closed> closed;  // what the replay needs of each closed deal, not the deal
  s.store.each_opportunity({}, [&](const Opportunity& o) {
    if (o.status != DealStatus::open) closed[o.id] = {o.pipeline, o.status == DealStatus::won};
  });
  std::map<Id, std::vector<std::string>> visited;
  s.store.each_history_row(Kind::opportunity, {"stage"}, until_now(s), [&](const HistoryEntry& h) {
    if (!h.to.empty() && closed.count(h.subject.id)) visited[h.subject.id].push_back(h.to);
  });
  std::vector<StageWinRate> out;
  for (const auto& p : s.config.pipelines) {
    std::vector<std::pair<int, int>> won_of_closed(p.stages.size());
    for (const auto& [id, stages] : visited) {
      const Closed& o = closed[id];
      if (o.pipeline != p.key) continue;
      // Passed through: from the first stage it entered to the furthest, skipped ones included.
      int first = stage_position(p, stages.front()), furthest = -1;
      for (const auto& st : stages) furthest = std::max(furthest, stage_position(p, st));
      for (int i = std::max(first, 0); i <= furthest; ++i) {
        won_of_closed[i].second += 1;
        if (o.won) won_of_closed[i].first += 1;
      }
    }
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
      StageWinRate w{p.key, p.stages[i].key, std::nullopt, won_of_closed[i].second, won_of_closed[i].first,
                     p.stages[i].probability, false};
      if (w.sample > 0) w.measured = share(w.won, w.sample);
      if (w.measured && w.sample >= s.config.forecast.min_sample) {
        w.used = *w.measured;
        w.from_history = true;
      }
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
  s.store.each_opportunity({}, [&](const Opportunity& o) {
    if (o.status == DealStatus::won && o.closed_at.substr(0, 10) >= first && o.closed_at.substr(0, 10) <= last) {
      f.closed_count += 1;
      f.closed_amount = add_money(f.closed_amount, o.amount);
    }
    if (o.status != DealStatus::open || o.close_date.empty() || o.close_date < first || o.close_date > last) return;
    double p = effective_probability(s.config, o);
    if (method == "historical" && !o.manual_probability) {  // a manager's own rate still comes first
      for (const auto& w : f.win_rates)
        if (w.pipeline == o.pipeline && w.stage == o.stage) p = w.used;
    }
    Money weighted = static_cast<Money>(std::llround(static_cast<double>(o.amount) * p / 100.0));
    f.rows.push_back({o, p, weighted});
    f.total_amount = add_money(f.total_amount, o.amount);
    f.total_weighted = add_money(f.total_weighted, weighted);
  });
  std::stable_sort(f.rows.begin(), f.rows.end(),
                   [](const ForecastRow& a, const ForecastRow& b) { return a.opp.close_date < b.opp.close_date; });
  return f;
}

std::vector<ForecastGroup> group_forecast(Session& s, const Forecast& f, const std::string& by) {
  // A deal in a stage funnel.toml no longer defines has no category; it is
  // counted in a group of its own after the three.
  static const std::string kNoCategory = "(stage not in funnel.toml)";
  std::map<std::string, ForecastGroup> groups;
  auto quarter_of = [&](const std::string& date) {  // "2017-Q3", fiscal
    return parse_period("this-quarter", parse_stored_time(date), s.config.calendar()).label;
  };
  std::map<Id, Rep> reps;
  std::map<Id, std::string> grade, source;
  if (by == "team")
    for (const auto& r : s.store.reps()) reps[r.id] = r;
  if (by == "grade")
    s.store.each_customer({}, [&](const Customer& c) { grade[c.id] = c.grade; });
  if (by == "source")
    for (const auto& l : s.store.leads({}))
      if (l.customer_id) source[*l.customer_id] = l.source;
  auto key_of = [&](const Opportunity& o) -> std::string {
    if (by == "month") return o.close_date.substr(0, 7);
    if (by == "quarter") return quarter_of(o.close_date);
    if (by == "category") {
      const Stage* st = find_stage(s.config, o);
      return st ? std::string(kCategories.name(st->category)) : kNoCategory;
    }
    if (by == "rep") return o.owner;
    if (by == "team") return o.owner_id ? reps[*o.owner_id].team : "";
    if (by == "pipeline") return o.pipeline;
    if (by == "grade") return grade[o.customer_id];
    return source[o.customer_id];
  };
  // Every month or quarter of the period shows, a quiet one as zero: a chart
  // of a quarter has three months, not only the busy ones.
  if (by == "month" || by == "quarter") {
    std::chrono::year_month_day start{f.period.first};
    Date first = std::chrono::sys_days{start.year() / start.month() / 1};
    for (int n = 0; first <= f.period.last && n < 120; ++n, first = add_months(first, 1)) {
      std::string key = by == "month" ? format_date(first).substr(0, 7) : quarter_of(format_date(first));
      groups[key].group = key;
    }
  }
  for (const auto& r : f.rows) {
    std::string key = key_of(r.opp);
    ForecastGroup& g = groups[key];
    g.group = key;
    g.count += 1;
    g.amount = add_money(g.amount, r.opp.amount);
    g.weighted = add_money(g.weighted, r.weighted);
  }
  std::vector<ForecastGroup> out;
  if (by == "category") {
    for (const std::string& cat : kCategories.names())
      out.push_back(groups.count(cat) ? groups[cat] : ForecastGroup{cat, 0, 0, 0});
    if (groups.count(kNoCategory)) out.push_back(groups[kNoCategory]);  // the rows add up to the total
    return out;
  }
  for (auto& [key, g] : groups) out.push_back(g);
  return out;
}

RunRate run_rate_forecast(Session& s, const Period& period) {
  RunRate r;
  r.period = period;
  Date today = date_of(s.now);
  // The window: the last 90 days, or the whole history when it is shorter.
  // Two passes over the deals, never all of them in memory.
  Date from = today - std::chrono::days{89};
  std::string first_created;
  s.store.each_opportunity({}, [&](const Opportunity& o) {
    if (first_created.empty() || o.created_at < first_created) first_created = o.created_at;
  });
  if (!first_created.empty()) from = std::max(from, std::min(today, date_of(parse_stored_time(first_created.substr(0, 10)))));
  r.window_from = format_date(from);
  r.window_days = days_between(from, today) + 1;
  std::string period_first = format_date(period.first), period_last = format_date(period.last), now = format_date(today);
  Money won_total = 0;
  s.store.each_opportunity({}, [&](const Opportunity& o) {
    std::string created = o.created_at.substr(0, 10), closed = o.closed_at.substr(0, 10);
    if (created >= r.window_from && created <= now) r.created += 1;
    if (o.status == DealStatus::won && closed >= period_first && closed <= std::min(period_last, now)) r.closed = add_money(r.closed, o.amount);
    if (o.closed_at.empty() || closed < r.window_from || closed > now) return;
    if (o.status == DealStatus::won) {
      r.won += 1;
      won_total = add_money(won_total, o.amount);
    } else if (o.status == DealStatus::lost) {
      r.lost += 1;
    }
  });
  if (r.won + r.lost > 0) r.win_rate = share(r.won, r.won + r.lost);
  if (r.won > 0) r.average_won = won_total / r.won;
  // The days of the period still ahead: all of a future period, the rest of one under way, none of a past one.
  Date ahead_from = std::max(period.first, today + std::chrono::days{1});
  r.days_left = period.last < ahead_from ? 0 : days_between(ahead_from, period.last) + 1;
  double expected_deals = static_cast<double>(r.created) / r.window_days * r.days_left * r.win_rate.value_or(0) / 100.0;
  r.projected = static_cast<Money>(std::llround(expected_deals * static_cast<double>(r.average_won)));
  r.expected = add_money(r.closed, r.projected);
  return r;
}

}  // namespace hopper

namespace hopper {
namespace {

double days_apart(const std::string& from, const std::string& to) {
  using namespace std::chrono;
  return duration<double, std::ratio<86400>>(parse_stored_time(to) - parse_stored_time(from)).count();
}

std::optional<double> median(std::vector<double> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double round2(double v) { return std::round(v * 100) / 100; }

}  // namespace

std::vector<VelocityRow> velocity_report(Session& s, bool layers, bool by_rep) {
  // Stays: each history entry into a stage (layer) lasts until the next one.
  struct Stay {
    std::string group, pipeline, place, next;
    double days;
    bool ended;
  };
  std::vector<Stay> stays;
  std::map<Id, std::string> owner, pipeline;
  if (layers) {
    s.store.each_customer({}, [&](const Customer& c) { owner[c.id] = c.owner; });
  } else {
    s.store.each_opportunity({}, [&](const Opportunity& o) {
      owner[o.id] = o.owner;
      pipeline[o.id] = o.pipeline;
    });
  }
  std::string now = format_time(s.now);
  // History comes ordered by record: one record's rows at a time are enough
  // to see where each stay ended.
  std::vector<HistoryEntry> rows;
  auto stays_of_record = [&] {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& h = rows[i];
      if (h.field != (layers ? "layer" : "stage") || h.to.empty()) continue;
      Stay st{by_rep ? owner[h.subject.id] : "", layers ? "" : pipeline[h.subject.id], h.to, "", 0, false};
      for (std::size_t j = i + 1; j < rows.size(); ++j) {
        const auto& n = rows[j];
        if (n.field == "status" && kDealStatuses.parse(n.to) == DealStatus::open) continue;  // reopened: the stay goes on
        st.next = n.to;  // a stage, a layer, or won / lost
        st.days = days_apart(h.at, n.at);
        st.ended = true;
        break;
      }
      stays.push_back(st);
    }
    rows.clear();
  };
  s.store.each_history_row(layers ? Kind::customer : Kind::opportunity,
                           layers ? std::vector<std::string>{"layer"} : std::vector<std::string>{"stage", "status"},
                           until_now(s), [&](const HistoryEntry& h) {
                             if (!rows.empty() && rows.front().subject.id != h.subject.id) stays_of_record();
                             rows.push_back(h);
                           });
  stays_of_record();
  std::vector<VelocityRow> out;
  std::vector<std::string> groups = {""};
  if (by_rep) {
    groups.clear();
    for (const auto& r : s.store.reps())
      if (r.active) groups.push_back(r.name);
  }
  for (const auto& group : groups) {
    auto add_row = [&](const std::string& pl, const std::string& key, const std::string& name, int position,
                       std::optional<int> ideal_days, std::optional<double> ideal_rate,
                       const std::function<int(const std::string&)>& position_of, const std::string& lost_as) {
      VelocityRow row{group, pl, key, name, 0, 0, 0, std::nullopt, std::nullopt, ideal_days, std::nullopt, ideal_rate};
      std::vector<double> days;
      for (const auto& st : stays) {
        if (st.group != group || st.pipeline != pl || st.place != key) continue;
        row.entered += 1;
        if (!st.ended) continue;
        row.left += 1;
        days.push_back(st.days);
        std::optional<DealStatus> closed = kDealStatuses.parse(st.next);
        if (closed == DealStatus::won || (st.next != lost_as && closed != DealStatus::lost && position_of(st.next) > position))
          row.moved += 1;
      }
      if (!days.empty()) {
        double sum = 0;
        for (double d : days) sum += d;
        row.average_days = round2(sum / static_cast<double>(days.size()));
        row.median_days = round2(*median(days));
        row.movement_rate = share(row.moved, row.left);
      }
      out.push_back(row);
    };
    if (layers) {
      for (std::size_t i = 0; i < s.config.layers.size(); ++i) {
        const Layer& l = s.config.layers[i];
        add_row("", l.key, l.name, static_cast<int>(i), l.ideal_days, l.ideal_rate,
                [&](const std::string& k) { return s.config.layer_index(k); }, s.config.abandoned.key);
      }
    } else {
      for (const auto& p : s.config.pipelines)
        for (std::size_t i = 0; i < p.stages.size(); ++i)
          add_row(p.key, p.stages[i].key, p.stages[i].name, static_cast<int>(i), std::nullopt, std::nullopt,
                  [&](const std::string& k) { return stage_position(p, k); }, std::string(kDealStatuses.name(DealStatus::lost)));
    }
  }
  return out;
}

std::vector<HealthFinding> health_report(Session& s) {
  std::vector<HealthFinding> out;
  // Signings from outside the funnel: signed without passing through intent.
  int intent = s.config.layer_index("intent"), signed_at = s.config.layer_index("signed");
  if (intent >= 0 && signed_at >= 0) {
    s.store.each_history_row(Kind::customer, {"layer"}, until_now(s), [&](const HistoryEntry& h) {
      if (h.to != "signed") return;
      int from = s.config.layer_index(h.from);
      if (from < intent) {
        auto c = s.store.find_customer(h.subject.id);
        out.push_back({"signed_outside_funnel", make_ref(Kind::customer, h.subject.id), c ? c->owner : "",
                       fmt::format("{} went from {} straight to signed on {}", c ? c->name : "",
                                   h.from.empty() ? "nothing (added as signed)" : s.config.layer_name(h.from),
                                   h.at.substr(0, 10))});
      }
    });
  }
  // Per rep, from the layer velocity: slow layers and low movement.
  for (const auto& v : velocity_report(s, true, true)) {
    if (v.ideal_days && v.average_days && v.left >= 3 && *v.average_days > 2.0 * *v.ideal_days)
      out.push_back({"slow_layer", v.group, v.group,
                     fmt::format("{} stay {} days on average in {} (ideal {})", v.left, *v.average_days, v.stage_name,
                                 *v.ideal_days)});
    if (v.ideal_rate && v.movement_rate && v.left >= 3 && *v.movement_rate < *v.ideal_rate)
      out.push_back({"low_movement", v.group, v.group,
                     fmt::format("{}% of {} moved on from {} (ideal {}%)", *v.movement_rate, v.left, v.stage_name,
                                 *v.ideal_rate)});
  }
  // Many intents but few signings; high abandonment (abandoned / claimed is a rep's KPI).
  Period last90{date_of(s.now) - std::chrono::days{90}, date_of(s.now), "last 90 days"};
  for (const auto& card : scorecards(s, last90)) {
    int intents = 0;
    for (const auto& [layer, n] : card.holdings)
      if (layer == "intent") intents = n;
    const Layer* il = s.config.find_layer("intent");
    double ideal = il && il->ideal_rate ? *il->ideal_rate : 10;
    if (intents >= 5 && card.won * 100.0 < intents * ideal)
      out.push_back({"few_signings", make_ref(Kind::rep, card.rep.id), card.rep.name,
                     fmt::format("{} customers in intent, {} signed in the last 90 days", intents, card.won)});
    if (card.abandon_ratio && card.claimed >= 4 && *card.abandon_ratio > 50)
      out.push_back({"high_abandonment", make_ref(Kind::rep, card.rep.id), card.rep.name,
                     fmt::format("abandoned {} of {} claimed in the last 90 days", card.abandoned, card.claimed)});
  }
  // Rotting opportunities: idle past their stage's rotten_days.
  Date today = date_of(s.now);
  s.store.each_opportunity({std::nullopt, std::nullopt, "", "", DealStatus::open}, [&](const Opportunity& o) {
    const Stage* found = find_stage(s.config, o);
    if (!found || !found->rotten_days) return;
    const Stage& st = *found;
    std::string last = std::max(o.stage_since, s.store.last_activity_at({Kind::opportunity, o.id}));
    int idle = days_between(date_of(parse_stored_time(last.substr(0, 10))), today);
    if (idle > *st.rotten_days)
      out.push_back({"rotting", make_ref(Kind::opportunity, o.id), o.owner,
                     fmt::format("{} idle {} days in {} (rotten after {})", o.name, idle, st.key, *st.rotten_days)});
  });
  return out;
}

std::vector<Scorecard> scorecards(Session& s, const Period& period) {
  std::string from = start_of(period), to = end_of(period);
  std::vector<Scorecard> out;
  std::map<std::string, Scorecard*> by_name;
  out.reserve(s.store.reps().size());
  for (const auto& r : s.store.reps()) {
    if (!r.active) continue;
    Scorecard card;
    card.rep = r;
    for (const auto& l : s.config.layers) card.holdings.push_back({l.key, 0});
    out.push_back(card);
  }
  for (auto& card : out) by_name[card.rep.name] = &card;
  for (const auto& c : s.store.customers({})) {
    if (!by_name.count(c.owner)) continue;
    for (auto& [layer, n] : by_name[c.owner]->holdings)
      if (layer == c.layer) n += 1;
  }
  s.store.each_customer({}, [&](const Customer& c) {
    if (c.staked_by.empty() || !by_name.count(c.staked_by)) return;
    Scorecard* card = by_name[c.staked_by];
    card->staked += 1;
    // Staking progress is the share of stakes with a complete profile.
    if (missing_profile(s, c).empty()) card->staked_complete += 1;
  });
  s.store.each_opportunity({std::nullopt, std::nullopt, "", "", DealStatus::won}, [&](const Opportunity& o) {
    if (o.closed_at < from || o.closed_at >= to || !by_name.count(o.owner)) return;
    by_name[o.owner]->won += 1;
    by_name[o.owner]->won_amount = add_money(by_name[o.owner]->won_amount, o.amount);
  });
  s.store.each_history_row(Kind::customer, {"owner", "stake"}, to, [&](const HistoryEntry& h) {
    if (h.at < from) return;
    if (h.field != "owner") return;
    if (h.cause == Cause::claimed && by_name.count(h.to)) by_name[h.to]->claimed += 1;
    if (h.cause == Cause::abandoned && by_name.count(h.from)) by_name[h.from]->abandoned += 1;
    if (h.cause == Cause::released && by_name.count(h.from)) by_name[h.from]->released += 1;
    if (h.cause == Cause::recycled && by_name.count(h.from)) by_name[h.from]->recycled += 1;
  });
  for (auto& card : out) {
    auto counts = s.store.followup_counts(card.rep.id, from, to);
    card.followups = counts.first;
    card.invalid_followups = counts.second;
    if (card.followups > 0) card.invalid_share = share(card.invalid_followups, card.followups);
    if (card.claimed > 0) card.abandon_ratio = share(card.abandoned, card.claimed);
    card.staked_signings = s.store.staked_signings(card.rep.name, from, to);
  }
  std::stable_sort(out.begin(), out.end(), [](const Scorecard& a, const Scorecard& b) { return a.won_amount > b.won_amount; });
  return out;
}

PoolReport pool_report(Session& s, const Period& period) {
  PoolReport r;
  std::map<std::string, int> grade, segment, age;
  Date today = date_of(s.now);
  CustomerFilter pool;
  pool.pool_only = true;
  std::map<Id, std::string> entered;  // when each pool customer last lost its owner
  s.store.each_history_row(Kind::customer, {"owner"}, until_now(s), [&](const HistoryEntry& h) {
    if (h.to == "pool") entered[h.subject.id] = h.at;
  });
  s.store.each_customer(pool, [&](const Customer& c) {
    if (c.layer == s.config.abandoned.key && !c.cool_until.empty() && c.cool_until > format_date(today)) return;
    r.size += 1;
    grade[c.grade.empty() ? "-" : c.grade] += 1;
    segment[c.segment] += 1;
    std::string since = entered.count(c.id) ? entered[c.id] : c.created_at;
    int days = days_between(date_of(parse_stored_time(since.substr(0, 10))), today);
    age[days <= 7 ? "0-7 days" : days <= 30 ? "8-30 days" : days <= 90 ? "31-90 days" : "over 90 days"] += 1;
  });
  for (const auto& g : s.config.grades) r.by_grade.push_back({g, grade[g]});
  if (grade["-"]) r.by_grade.push_back({"-", grade["-"]});
  for (const auto& g : s.config.segments) r.by_segment.push_back({g, segment[g]});
  for (const char* a : {"0-7 days", "8-30 days", "31-90 days", "over 90 days"}) r.by_age.push_back({a, age[a]});
  std::string from = start_of(period), to = end_of(period);
  std::map<std::string, int> forced;
  std::map<Cause, int> in, out;
  std::map<Id, bool> pooled_at_start, pooled_at_end;  // each customer's last owner row before the bound
  s.store.each_history_row(Kind::customer, {"owner"}, to, [&](const HistoryEntry& h) {
    bool pooled = h.to == "pool";
    if (h.at < from) pooled_at_start[h.subject.id] = pooled;
    pooled_at_end[h.subject.id] = pooled;
    if (h.at < from) return;
    if (pooled && h.from != "pool") in[h.cause] += 1;
    if (!pooled && h.from == "pool") out[h.cause] += 1;
    if (h.cause == Cause::recycled) forced[h.rule] += 1;
  });
  for (const auto& [id, pooled] : pooled_at_start) r.start += pooled;
  for (const auto& [id, pooled] : pooled_at_end) r.end += pooled;
  for (const auto& [cause, n] : in) r.flows_in.push_back({cause, n});
  for (const auto& [cause, n] : out) r.flows_out.push_back({cause, n});
  for (const auto& rule : s.config.pool.rules) r.forced_by_rule.push_back({rule.name, forced[rule.name]});
  return r;
}

}  // namespace hopper
