// hopper funnel report | conversion
#include <fmt/format.h>

#include <algorithm>

#include "command.h"
#include "hopper/error.h"
#include "hopper/money.h"
#include "hopper/reports.h"
#include "views.h"

namespace hopper::cli {
namespace {

const std::vector<Column> kFunnelColumns = {{"pipeline", "PIPELINE"},
                                            {"stage", "STAGE"},
                                            {"stage_name", "NAME"},
                                            {"count", "COUNT", ColumnKind::integer},
                                            {"count_share", "COUNT %", ColumnKind::percent},
                                            {"amount", "AMOUNT", ColumnKind::money},
                                            {"amount_share", "AMOUNT %", ColumnKind::percent},
                                            {"weighted", "WEIGHTED", ColumnKind::money}};
const std::vector<Column> kConversionColumns = {{"pipeline", "PIPELINE"},
                                                {"stage", "STAGE"},
                                                {"stage_name", "NAME"},
                                                {"start", "START", ColumnKind::integer},
                                                {"moved", "MOVED", ColumnKind::integer},
                                                {"stayed", "STAYED", ColumnKind::integer},
                                                {"lost", "LOST", ColumnKind::integer},
                                                {"regressed", "BACK", ColumnKind::integer},
                                                {"rate", "RATE", ColumnKind::percent}};

}  // namespace

void add_funnel_commands(Commands& c) {
  CLI::App* noun = c.noun("funnel", "Funnel reports: distribution per stage, conversion");

  struct ReportOptions {
    std::string pipeline, by;
    bool layers = false;
  };
  auto r = std::make_shared<ReportOptions>();
  CLI::App* report = c.add(noun, "report", "Open opportunities per stage: count, amount, weighted, shares",
                           Needs::read, [r](Context& ctx) {
    Session& s = *ctx.session;
    if (r->layers) {
      std::vector<json> rows;
      std::vector<Column> columns = {{"layer", "LAYER"}, {"name", "NAME"}, {"count", "COUNT", ColumnKind::integer},
                                     {"ideal_holding", "IDEAL/REP", ColumnKind::integer}};
      bool first = true;
      for (const auto& l : layer_report(s)) {
        json holdings = json::object();
        json row = {{"layer", l.layer}, {"name", l.name}, {"count", l.count},
                    {"ideal_holding", l.ideal_holding ? json(*l.ideal_holding) : json()}};
        for (const auto& [rep, n] : l.holdings) {
          holdings[rep] = n;
          row["rep_" + rep] = n;
          if (first) columns.push_back({"rep_" + rep, rep, ColumnKind::integer});
        }
        first = false;
        row["holdings"] = holdings;
        rows.push_back(row);
      }
      std::vector<std::string> labels;
      std::vector<double> values;
      std::vector<std::string> shown;
      for (const auto& row : rows) {
        labels.push_back(fmt::format("{} · {}", row["name"].get<std::string>(), row["count"].get<int>()));
        values.push_back(row["count"].get<int>());
        shown.push_back(std::to_string(row["count"].get<int>()));
      }
      int customers = 0;
      for (const auto& row : rows) customers += row["count"].get<int>();
      return print_report(ctx, {"Customers per layer", "", std::nullopt, customers ? "" : "no customers yet"}, rows,
                          columns, json(), json::object(),
                          html_figure("Customers per layer", svg_funnel(labels, values)),
                          text_bars(labels, values, shown, ctx.out.terminal_width));
    }
    FunnelReport f = funnel_report(s, r->pipeline, r->by);
    std::vector<json> rows;
    std::vector<std::string> labels, shown;
    std::vector<double> values;
    // One funnel per pipeline: stages of different pipelines are not one shape.
    struct PipelineChart {
      std::string key;
      std::vector<std::string> labels;
      std::vector<double> values;
    };
    std::vector<PipelineChart> charts;
    for (const auto& row : f.rows) {
      rows.push_back({{"group", row.group.empty() && !r->by.empty() ? json("-") : json(row.group)},
                      {"pipeline", row.pipeline}, {"stage", row.stage}, {"stage_name", row.stage_name},
                      {"count", row.count}, {"amount", money_units(row.amount)}, {"weighted", money_units(row.weighted)},
                      {"count_share", row.count_share}, {"amount_share", row.amount_share}});
      if (r->by.empty()) {
        labels.push_back(fmt::format("{} {} · {}", row.pipeline, row.stage_name, row.count));
        values.push_back(row.count);
        shown.push_back(fmt::format("{} · {}", row.count, format_money(row.amount)));
        if (charts.empty() || charts.back().key != row.pipeline) charts.push_back({row.pipeline, {}, {}});
        charts.back().labels.push_back(fmt::format("{} · {} · {}", row.stage_name, row.count, format_money(row.amount)));
        charts.back().values.push_back(row.count);
      }
    }
    json total = {{"count", f.total.count}, {"amount", money_units(f.total.amount)},
                  {"weighted", money_units(f.total.weighted)}};
    std::vector<Column> columns = kFunnelColumns;
    if (!r->by.empty()) columns.insert(columns.begin(), {"group", fmt::format("{}", r->by)});
    print_report(ctx, {"Funnel", "", std::nullopt, f.total.count ? "" : "no open opportunities"}, rows, columns, total,
                 json::object(), [&] {
                   std::string html;
                   for (const auto& chart : charts) {
                     const Pipeline* p = s.config.find_pipeline(chart.key);
                     html += html_figure(fmt::format("Pipeline {} — {}: open deals per stage", chart.key, p ? p->name : chart.key),
                                         svg_funnel(chart.labels, chart.values));
                   }
                   return html;
                 }(),
                 text_bars(labels, values, shown, ctx.out.terminal_width));
  });
  report->add_option("--pipeline", r->pipeline, "Only this pipeline");
  report->add_option("--by", r->by, "Group by rep, team, grade, source or pipeline")
      ->check(CLI::IsMember({"rep", "team", "grade", "source", "pipeline"}));
  report->add_flag("--layers", r->layers, "Customers per lifecycle layer, with each rep's holding");
  report->footer("Example: hopper funnel report --format html > funnel.html");

  struct ConversionOptions {
    PeriodOptions period;
    std::string pipeline, cohort = "start";
    bool layers = false;
  };
  auto cv = std::make_shared<ConversionOptions>();
  CLI::App* conversion = c.add(noun, "conversion", "Per stage: of those there at the start of the period, how many moved on",
                               Needs::read, [cv](Context& ctx) {
    Session& s = *ctx.session;
    Period p = resolve_period(ctx, cv->period, "last-month");
    Cohort cohort = cv->cohort == "entered" ? Cohort::entered : Cohort::at_start;
    auto rows = cv->layers ? layer_conversion_report(s, p, cohort) : conversion_report(s, p, cv->pipeline, cohort);
    // The cohort is named by the field that counts it: "start" (in the stage when the period began) or "entered".
    const char* size = cohort == Cohort::entered ? "entered" : "start";
    std::vector<json> out;
    for (const auto& row : rows)
      out.push_back({{"pipeline", cv->layers ? json() : json(row.pipeline)}, {"stage", row.stage},
                     {"stage_name", row.stage_name}, {size, row.start}, {"moved", row.moved},
                     {"stayed", row.stayed}, {"lost", row.lost}, {"regressed", row.regressed},
                     {"rate", row.rate ? json(*row.rate) : json()}});
    std::vector<Column> columns = kConversionColumns;
    if (cohort == Cohort::entered) columns[3] = {"entered", "ENTERED", ColumnKind::integer};
    if (cv->layers) columns.erase(columns.begin());
    const char* what = cv->layers ? "layer" : "stage";
    bool any = std::any_of(rows.begin(), rows.end(), [](const auto& row) { return row.start > 0; });
    std::string empty = cohort == Cohort::entered
                            ? fmt::format("nothing entered a {} during {}", what, p.label)
                            : fmt::format("nothing was in the funnel at the start of {}; --cohort entered counts what "
                                          "entered a {} during it",
                                          p.label, what);
    std::string note = cohort == Cohort::entered
                           ? fmt::format("Of those that entered each {} during {}: where they were at its end.", what, p.label)
                           : fmt::format("Of those in each {} at the start of {} (seed 003): where they were at its end; "
                                         "--cohort entered counts those that entered it during the period.",
                                         what, p.label);
    print_report(ctx, {cv->layers ? "Layer conversion" : "Stage conversion", cv->cohort, p, any ? "" : empty}, out,
                 columns, json(), json::object(), "", "", any ? note : "");
  });
  add_period_options(conversion, cv->period, "last-month");
  conversion->add_option("--pipeline", cv->pipeline, "Only this pipeline");
  conversion->add_flag("--layers", cv->layers, "Customer layers instead of stages (abandoned counts as lost)");
  conversion->add_option("--cohort", cv->cohort,
                         "start (default): those in a stage at the start of the period; entered: those that "
                         "entered it during the period")
      ->check(CLI::IsMember({"start", "entered"}));
  conversion->footer("For example: 2,000 at the first stage on 2017-08-01, 1,000 moved on by 08-31 → 50%.");

  struct VelocityOptions {
    bool layers = false;
    std::string by;
  };
  auto v = std::make_shared<VelocityOptions>();
  CLI::App* velocity = c.add(noun, "velocity", "Days per stage or layer (average, median) and movement rates, from history",
                             Needs::read, [v](Context& ctx) {
    std::vector<json> rows;
    auto opt = [](const auto& x) { return x ? json(*x) : json(); };
    for (const auto& row : velocity_report(*ctx.session, v->layers, v->by == "rep"))
      rows.push_back({{"rep", row.group.empty() ? json() : json(row.group)},
                      {"pipeline", row.pipeline.empty() ? json() : json(row.pipeline)}, {"stage", row.stage},
                      {"stage_name", row.stage_name}, {"entered", row.entered}, {"left", row.left}, {"moved", row.moved},
                      {"average_days", opt(row.average_days)}, {"median_days", opt(row.median_days)},
                      {"ideal_days", opt(row.ideal_days)}, {"movement_rate", opt(row.movement_rate)},
                      {"ideal_rate", opt(row.ideal_rate)}});
    std::vector<Column> columns = {{"stage", v->layers ? "LAYER" : "STAGE"}, {"stage_name", "NAME"},
                                   {"entered", "ENTERED", ColumnKind::integer}, {"left", "LEFT", ColumnKind::integer},
                                   {"average_days", "AVG DAYS", ColumnKind::integer},
                                   {"median_days", "MEDIAN", ColumnKind::integer},
                                   {"movement_rate", "MOVED ON", ColumnKind::percent}};
    if (v->layers) {
      columns.insert(columns.begin() + 5, {"ideal_days", "IDEAL DAYS", ColumnKind::integer});
      columns.push_back({"ideal_rate", "IDEAL RATE", ColumnKind::percent});
    } else {
      columns.insert(columns.begin(), {"pipeline", "PIPELINE"});
    }
    if (v->by == "rep") columns.insert(columns.begin(), {"rep", "REP"});
    print_report(ctx, {v->layers ? "Layer velocity" : "Stage velocity", "", std::nullopt, ""}, rows, columns, json(),
                 json::object(), "", "");
  });
  velocity->add_flag("--layers", v->layers, "Customer layers against ideal_days and ideal_rate");
  velocity->add_option("--by", v->by, "rep: one block per rep")->check(CLI::IsMember({"rep"}));

  c.add(noun, "health", "Exceptions worth a look: signings outside the funnel, few signings, slow or stuck reps, rotting deals",
        Needs::read, [](Context& ctx) {
    std::vector<json> rows;
    for (const auto& f : health_report(*ctx.session))
      rows.push_back({{"kind", f.kind}, {"ref", f.ref}, {"rep", f.rep.empty() ? json() : json(f.rep)}, {"detail", f.detail}});
    print_report(ctx, {"Funnel health", "", std::nullopt, rows.empty() ? "no exceptions: the funnel is healthy" : ""},
                 rows, {{"kind", "KIND"}, {"ref", "REF", ColumnKind::ref}, {"rep", "REP"}, {"detail", "DETAIL"}}, json(), json::object(),
                 "", "");
  });
  c.example("funnel conversion", "hopper funnel conversion --period 2026-Q3 --layers");
  c.example("funnel velocity", "hopper funnel velocity --layers");
  c.example("funnel health", "hopper funnel health --json");
}

}  // namespace hopper::cli
