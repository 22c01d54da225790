// hopper forecast [--period P] [--by month|quarter|category] [--method stage|historical|run-rate]
#include <fmt/format.h>

#include "command.h"
#include "hopper/money.h"
#include "hopper/reports.h"
#include "hopper/text.h"
#include "views.h"

namespace hopper::cli {

void add_forecast_commands(Commands& c) {
  struct Options {
    PeriodOptions period;
    std::string by, method = "stage";
  };
  auto o = std::make_shared<Options>();
  CLI::App* app = c.add(&c.root(), "forecast", "Weighted forecast of open opportunities closing in a period",
                        Needs::read, [o](Context& ctx) {
    Session& s = *ctx.session;
    Period p = resolve_period(ctx, o->period, o->method == "run-rate" ? "next-month" : "this-quarter");
    if (o->method == "run-rate") {
      RunRate r = run_rate_forecast(s, p);
      json row = {{"period", p.label}, {"window_from", r.window_from}, {"window_days", r.window_days},
                  {"created", r.created}, {"won", r.won}, {"lost", r.lost},
                  {"win_rate", r.win_rate ? json(*r.win_rate) : json()}, {"average_won", money_units(r.average_won)},
                  {"closed", money_units(r.closed)}, {"days_left", r.days_left},
                  {"projected", money_units(r.projected)}, {"expected", money_units(r.expected)}};
      std::vector<Column> columns = {{"period", "PERIOD"}, {"window_days", "DAYS MEASURED", ColumnKind::integer},
                                     {"created", "CREATED", ColumnKind::integer}, {"won", "WON", ColumnKind::integer},
                                     {"lost", "LOST", ColumnKind::integer}, {"win_rate", "WIN RATE", ColumnKind::percent},
                                     {"average_won", "AVG WON", ColumnKind::money}, {"closed", "CLOSED", ColumnKind::money},
                                     {"days_left", "DAYS LEFT", ColumnKind::integer},
                                     {"projected", "PROJECTED", ColumnKind::money},
                                     {"expected", "EXPECTED", ColumnKind::money}};
      std::string note = fmt::format("measured over {} day(s) from {}: {} created, {} won, {} lost; expected = closed "
                                     "so far + created/day × win rate × average won × days left",
                                     r.window_days, r.window_from, r.created, r.won, r.lost);
      return print_report(ctx, {"Forecast", "run-rate", p, r.created ? "" : "no opportunity was created in the window"},
                          {row}, columns, json(), json::object(), "", "", note);
    }
    Forecast f = forecast(s, p, o->method);
    json total = {{"amount", money_units(f.total_amount)}, {"weighted", money_units(f.total_weighted)}};
    json extra = {{"closed", {{"count", f.closed_count}, {"amount", money_units(f.closed_amount)}}}};
    std::string basis;
    if (o->method == "historical") {
      json rates = json::array();
      std::vector<std::string> lines;
      for (const auto& w : f.win_rates) {
        rates.push_back({{"pipeline", w.pipeline}, {"stage", w.stage},
                         {"win_rate", w.measured ? json(*w.measured) : json()}, {"sample", w.sample}, {"won", w.won},
                         {"used", w.used}, {"basis", w.from_history ? "history" : "stage probability"}});
        std::string stage = terminal_safe(w.pipeline + "/" + w.stage);  // one line, whatever funnel.toml holds
        lines.push_back(w.from_history ? fmt::format("{}: {} won of {} closed = {}", stage, w.won, w.sample,
                                                     format_percent(w.used))
                                       : fmt::format("{}: {} closed, too few: stage probability {}", stage, w.sample,
                                                     format_percent(w.used)));
      }
      extra["win_rates"] = rates;
      extra["min_sample"] = s.config.forecast.min_sample;
      basis = fmt::format("\nwin rate per stage (measured from {} closed deals, else the stage probability):\n  {}",
                          s.config.forecast.min_sample, join(lines, "\n  "));
    }
    std::vector<json> rows;
    std::vector<std::string> labels, shown;
    std::vector<double> values;
    std::vector<Column> columns;
    std::string by = o->by.empty() ? "month" : o->by;  // the chart is by month unless asked otherwise
    for (const auto& g : group_forecast(s, f, by)) {
      labels.push_back(g.group);
      values.push_back(money_units(g.weighted));
      shown.push_back(format_money(g.weighted));
      if (!o->by.empty())
        rows.push_back({{"group", g.group}, {"count", g.count}, {"amount", money_units(g.amount)},
                        {"weighted", money_units(g.weighted)}});
    }
    if (o->by.empty()) {
      for (const auto& r : f.rows)
        rows.push_back({{"ref", make_ref(Kind::opportunity, r.opp.id)}, {"name", r.opp.name},
                        {"customer", r.opp.customer}, {"close_date", r.opp.close_date},
                        {"amount", money_units(r.opp.amount)}, {"probability", r.probability},
                        {"weighted", money_units(r.weighted)}, {"owner", owner_json(r.opp.owner)}});
      columns = {{"ref", "REF", ColumnKind::ref}, {"name", "NAME"}, {"customer", "CUSTOMER"}, {"close_date", "CLOSE", ColumnKind::date},
                 {"amount", "AMOUNT", ColumnKind::money}, {"probability", "PROB", ColumnKind::percent},
                 {"weighted", "WEIGHTED", ColumnKind::money}, {"owner", "OWNER"}};
    } else {
      columns = {{"group", o->by}, {"count", "COUNT", ColumnKind::integer}, {"amount", "AMOUNT", ColumnKind::money},
                 {"weighted", "WEIGHTED", ColumnKind::money}};
    }
    std::string closed = fmt::format("closed (won) in {}: {} deals, {}", p.label, f.closed_count, format_money(f.closed_amount));
    print_report(ctx, {"Forecast", f.method, p, f.rows.empty() ? "no open opportunity closes in " + p.label : ""}, rows,
                 columns, total, extra,
                 html_figure(fmt::format("Weighted value by {} ({})", by, s.config.workspace.currency),
                             svg_bars(labels, values, shown)),
                 text_bars(labels, values, shown, ctx.out.terminal_width), closed + basis);
  });
  add_period_options(app, o->period, "this-quarter; next-month for run-rate");
  app->add_option("--by", o->by, "Group by month, quarter, category (pipeline / best_case / commit), rep, team, "
                                 "pipeline, grade or source")
      ->check(CLI::IsMember({"month", "quarter", "category", "rep", "team", "pipeline", "grade", "source"}));
  app->add_option("--method", o->method, "stage (default): stage or manual probability; historical: win rates "
                                         "measured from history; run-rate: next period from creation rate × win rate "
                                         "× average won amount")
      ->check(CLI::IsMember({"stage", "historical", "run-rate"}));
  app->footer("Example: hopper forecast --period next-quarter --format html > forecast.html");
}

}  // namespace hopper::cli
