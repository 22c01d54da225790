// hopper rep add | list | edit
#include <fmt/format.h>

#include "command.h"
#include "hopper/error.h"
#include "hopper/reports.h"
#include "hopper/reps.h"
#include "hopper/text.h"
#include "hopper/validation.h"
#include "views.h"

namespace hopper::cli {

void add_rep_commands(Commands& c) {
  CLI::App* noun = c.noun("rep", "Sales reps, their teams, roles and capacities");

  struct AddOptions {
    std::string name;
    RepInput in;
  };
  auto a = std::make_shared<AddOptions>();
  CLI::App* add = c.add(noun, "add", "Add a rep (admins only)", Needs::write, [a](Context& ctx) {
    print_record(ctx, rep_json(ctx.session->config, add_rep(*ctx.session, a->name, a->in)), kRepColumns);
  });
  add->add_option("name", a->name, "The rep's name, as used with --as and --owner")->required();
  add->add_option("--team", a->in.team, "Team or group (of 6–8 reps, typically)");
  add->add_option("--role", a->in.role, "rep, manager or admin (default rep)");
  add->add_option("--capacity", a->in.capacity, "Own private-pool capacity, overriding [pool] capacity")
      ->check(whole_number(0, kMaxCapacity));
  add->footer("Example: hopper rep add wang --team east --role manager");

  c.add(noun, "list", "List reps", Needs::read, [](Context& ctx) {
    std::vector<json> rows;
    for (const auto& r : ctx.session->store.reps()) rows.push_back(rep_json(ctx.session->config, r));
    print_list(ctx, rows, kRepColumns);
  });

  struct EditOptions {
    std::string name;
    RepInput in;
  };
  auto e = std::make_shared<EditOptions>();
  CLI::App* edit = c.add(noun, "edit", "Change a rep's team, role or capacity (admins only)", Needs::write, [e](Context& ctx) {
    print_record(ctx, rep_json(ctx.session->config, edit_rep(*ctx.session, e->name, e->in)), kRepColumns);
  });
  edit->add_option("name", e->name, "The rep")->required();
  edit->add_option("--team", e->in.team, "New team");
  edit->add_option("--role", e->in.role, "rep, manager or admin");
  auto* cap = edit->add_option("--capacity", e->in.capacity, "Own capacity")->check(whole_number(0, kMaxCapacity));
  edit->add_flag("--default-capacity", e->in.default_capacity, "Use [pool] capacity again")->excludes(cap);
  edit->footer("Example: hopper rep edit li --capacity 30");

  struct LeaveOptions {
    std::string name;
    std::optional<std::string> to, strategy;
  };
  auto lv = std::make_shared<LeaveOptions>();
  CLI::App* leave = c.add(noun, "leave", "Hand a leaving rep's records over; the rep becomes inactive (managers)",
                          Needs::write, [lv](Context& ctx) {
    HandOver h = rep_leave(*ctx.session, lv->name, lv->to, parse_choice(kAssignStrategies, lv->strategy));
    ctx.note(fmt::format("{} left: {} opportunities, {} customers, {} leads and {} to-dos to {}; {} customers to the "
                         "shared pool",
                         h.leaving.name, h.opportunities, h.inherited, h.leads, h.todos, h.successor.name, h.pooled));
    print_record(ctx, rep_json(ctx.session->config, h.leaving), kRepColumns);
  });
  leave->add_option("name", lv->name, "The leaving rep")->required();
  auto* to = leave->add_option("--to", lv->to, "The successor");
  leave->add_option("--strategy", lv->strategy, "Pick the successor: top-seller, round-robin or balanced")
      ->check(CLI::IsMember(kAssignStrategies.names()))
      ->excludes(to);
  c.confirm(leave, [lv] {
    return fmt::format("{} leaves: every customer, deal, lead and to-do of theirs goes to {}, and {} can no longer "
                       "act. Go ahead?",
                       lv->name, lv->to ? *lv->to : lv->strategy ? "the " + *lv->strategy + " pick" : "the successor",
                       lv->name);
  });
  struct ScoreOptions {
    PeriodOptions period;
    std::optional<std::string> rep;
  };
  auto sc = std::make_shared<ScoreOptions>();
  CLI::App* score = c.add(noun, "scorecard", "Per rep, ranked by won amount: holdings, signings, KPIs", Needs::read,
                          [sc](Context& ctx) {
    Session& s = *ctx.session;
    Period p = resolve_period(ctx, sc->period, "this-month");
    std::vector<json> rows;
    auto opt = [](const auto& x) { return x ? json(*x) : json(); };
    int rank = 0;
    for (const auto& card : scorecards(s, p)) {
      ++rank;
      if (sc->rep && card.rep.name != *sc->rep) continue;
      json holdings = json::object();
      std::vector<std::string> held;
      for (const auto& [layer, n] : card.holdings) {
        holdings[layer] = n;
        const Layer* l = s.config.find_layer(layer);
        if (l && l->ideal_holding) held.push_back(fmt::format("{}/{}", n, *l->ideal_holding));
      }
      rows.push_back({{"rank", rank}, {"rep", card.rep.name}, {"team", card.rep.team}, {"won", card.won},
                      {"won_amount", money_units(card.won_amount)}, {"holdings", holdings},
                      {"holdings_vs_ideal", join(held, " ")}, {"claimed", card.claimed}, {"abandoned", card.abandoned},
                      {"released", card.released}, {"recycled", card.recycled},
                      {"abandon_ratio", opt(card.abandon_ratio)}, {"followups", card.followups},
                      {"invalid_followups", card.invalid_followups}, {"invalid_share", opt(card.invalid_share)},
                      {"staked", card.staked}, {"staked_complete", card.staked_complete},
                      {"staked_signings", card.staked_signings}});
    }
    print_report(ctx, {"Scorecard", "", p, ""}, rows,
                 {{"rank", "#", ColumnKind::integer}, {"rep", "REP"}, {"team", "TEAM"}, {"won", "WON", ColumnKind::integer},
                  {"won_amount", "WON AMOUNT", ColumnKind::money}, {"holdings_vs_ideal", "HELD/IDEAL"},
                  {"claimed", "CLAIMED", ColumnKind::integer}, {"abandon_ratio", "ABANDONED %", ColumnKind::percent},
                  {"invalid_share", "INVALID F/U %", ColumnKind::percent}, {"staked", "STAKED", ColumnKind::integer},
                  {"staked_complete", "COMPLETE", ColumnKind::integer},
                  {"staked_signings", "STAKE WINS", ColumnKind::integer}},
                 json(), json::object(), "", "");
  });
  add_period_options(score, sc->period, "this-month");
  score->add_option("--rep", sc->rep, "Only this rep's line (keeps the rank)");
  score->footer("HELD/IDEAL: customers per layer against ideal_holding; ABANDONED %: abandoned / claimed (a KPI:\n"
                "a rep who claims much and keeps little); INVALID F/U %: follow-ups that did not count; stakes and their wins.");

  leave->footer("Open opportunities and their customers, signed and implemented customers, open leads and to-dos go\n"
                "to the successor; other customers to the shared pool; follow-ups and history stay: nothing is lost.");
  add_import_command(c, noun, ImportKind::rep);
  c.example("rep list", "hopper rep list --json");
  c.example("rep leave", "hopper rep leave li --strategy balanced --dry-run");
  c.example("rep scorecard", "hopper rep scorecard --period last-quarter");
}

}  // namespace hopper::cli
