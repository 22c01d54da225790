// hopper opp add | list | show | edit | check | promote | demote | move | prob | win | lose | reopen
#include <fmt/format.h>

#include <algorithm>

#include "command.h"
#include "hopper/error.h"
#include "hopper/opportunities.h"
#include "views.h"

namespace hopper::cli {
namespace {

void add_move_options(CLI::App* app, MoveOptions& o) {
  app->add_flag("--force", o.force, "Pass a stage gate or the pipeline's order (managers and admins; needs --reason)");
  app->add_option("--reason", o.reason, "Why, for the history (required to force a gate)");
}

// A verb on one opportunity that prints it afterwards.
CLI::App* add_ref_verb(Commands& c, CLI::App* noun, const std::string& name, const std::string& help,
                       std::function<Opportunity(Session&, Id)> act, Needs needs = Needs::write) {
  auto ref = std::make_shared<std::string>();
  CLI::App* app = c.add(noun, name, help, needs, [ref, act](Context& ctx) {
    print_opportunity(ctx, act(*ctx.session, parse_id(*ref, Kind::opportunity)));
  });
  app->add_option("ref", *ref, "The opportunity (O5 or 5)")->required();
  return app;
}

}  // namespace

void add_opp_commands(Commands& c) {
  CLI::App* noun = c.noun("opp", "Opportunities (商机): stages, gates, probability, won and lost, import");

  struct AddOptions {
    std::string customer;
    OpportunityInput in;
    MoveOptions move;
  };
  auto a = std::make_shared<AddOptions>();
  CLI::App* add = c.add(noun, "add", "Open an opportunity on a customer", Needs::write, [a](Context& ctx) {
    print_opportunity(ctx, add_opportunity(*ctx.session, parse_id(a->customer, Kind::customer), a->in, a->move));
  });
  add->add_option("customer", a->customer, "The customer (C7)")->required();
  add->add_option("--name", a->in.name, "What is being sold")->required();
  add->add_option("--amount", a->in.amount, "Expected amount: 300000, 30万, 1.5m")->required();
  add->add_option("--pipeline", a->in.pipeline, "Pipeline (series) key; default the first");
  add->add_option("--stage", a->in.stage, "Starting stage; default the first (sequential pipelines: through the gates before it)");
  add->add_option("--close", a->in.close_date, "Expected close date");
  add->add_option("--prob", a->in.probability, "A manual probability in percent (sticky)");
  add->add_option("--owner", a->in.owner, "Owning rep: always the customer's owner (a deal follows its customer)");
  add->add_option("--set", a->in.settings, "Custom field KEY=VALUE ([[field]] entity = \"opportunity\")")
      ->type_name("KEY=VALUE")->allow_extra_args(false);
  add_move_options(add, a->move);
  add->footer("Example: hopper opp add C7 --name 'ERP upgrade' --amount 30万 --close 2026-12-31");

  struct ListOptions {
    std::optional<std::string> owner;
    OpportunityFilter filter;
    std::string status{kDealStatuses.name(DealStatus::open)}, sort;
    ListLimit limit;
  };
  auto l = std::make_shared<ListOptions>();
  CLI::App* list = c.add(noun, "list", "List opportunities", Needs::read, [l](Context& ctx) {
    Session& s = *ctx.session;
    OpportunityFilter f = l->filter;
    f.pipeline = s.config.pipeline_key(f.pipeline);
    f.stage = s.config.stage_key(f.pipeline, f.stage);
    f.status = kDealStatuses.parse(l->status);  // "all" names none: every status
    if (l->owner) f.owner_id = active_rep(s, *l->owner).id;
    ListPrinter printer(ctx, kOpportunityColumns, l->limit);
    if (l->sort.empty()) {  // in id order, as they come
      s.store.each_opportunity(f, [&](const Opportunity& o) { printer.add(opportunity_json(s, o)); });
      return printer.finish();
    }
    std::vector<json> rows;  // sorting needs them all
    s.store.each_opportunity(f, [&](const Opportunity& o) { rows.push_back(opportunity_json(s, o)); });
    const char* key = l->sort == "weighted" ? "weighted" : l->sort == "amount" ? "amount" : "close_date";
    std::stable_sort(rows.begin(), rows.end(), [&](const json& x, const json& y) {
      if (l->sort == "close") {  // soonest first, undated last
        if (x[key].is_null() || y[key].is_null()) return !x[key].is_null() && y[key].is_null();
        return x[key].get<std::string>() < y[key].get<std::string>();
      }
      return x[key].get<double>() > y[key].get<double>();  // largest first
    });
    for (const auto& row : rows) printer.add(row);
    printer.finish();
  });
  add_limit_options(list, l->limit);
  list->add_option("--pipeline", l->filter.pipeline, "Only this pipeline (key or name)");
  list->add_option("--stage", l->filter.stage, "Only this stage (key or name)");
  list->add_option("--owner", l->owner, "Only this rep's");
  list->add_option("--status", l->status, "open (default), won, lost or all")
      ->check(CLI::IsMember(with_all(kDealStatuses.names())));
  list->add_option("--sort", l->sort, "weighted, amount (largest first) or close (soonest first)")
      ->check(CLI::IsMember({"weighted", "amount", "close"}));

  add_ref_verb(c, noun, "show", "Show an opportunity and its follow-ups",
               [](Session& s, Id id) { return load_opportunity(s, id); }, Needs::read);

  struct EditOptions {
    std::string ref;
    OpportunityInput in;
  };
  auto e = std::make_shared<EditOptions>();
  CLI::App* edit = c.add(noun, "edit", "Change name, amount, close date, owner or custom fields", Needs::write,
                         [e](Context& ctx) {
    print_opportunity(ctx, edit_opportunity(*ctx.session, parse_id(e->ref, Kind::opportunity), e->in));
  });
  edit->add_option("ref", e->ref, "The opportunity")->required();
  edit->add_option("--name", e->in.name, "New name");
  edit->add_option("--amount", e->in.amount, "New expected amount");
  edit->add_option("--close", e->in.close_date, "New expected close date ('' clears it)");
  edit->add_option("--owner", e->in.owner, "Refused: a deal follows its customer (hopper customer edit C7 --owner R)");
  edit->add_option("--set", e->in.settings, "Custom field KEY=VALUE ('KEY=' clears it)")->type_name("KEY=VALUE")->allow_extra_args(false);
  edit->footer("Example: hopper opp edit O5 --set gross_margin=35 --set project_number=KA-2026-014");

  struct CheckOptions {
    std::string ref, action;
  };
  auto ck = std::make_shared<CheckOptions>();
  CLI::App* check = c.add(noun, "check", "Mark a required action of the pipeline as done", Needs::write, [ck](Context& ctx) {
    print_opportunity(ctx, check_action(*ctx.session, parse_id(ck->ref, Kind::opportunity), ck->action));
  });
  check->add_option("ref", ck->ref, "The opportunity")->required();
  check->add_option("action", ck->action, "An action from required_actions, e.g. needs_analysis")->required();

  struct PromoteOptions {
    std::optional<std::string> to;
    MoveOptions move;
  };
  auto pr = std::make_shared<PromoteOptions>();
  CLI::App* promote = add_ref_verb(c, noun, "promote", "Move to the next stage (or --to a later one), through its gate",
                                   [pr](Session& s, Id id) { return promote_opportunity(s, id, pr->to, pr->move); });
  promote->add_option("--to", pr->to, "A later stage (key or name)");
  add_move_options(promote, pr->move);
  promote->footer("Example: hopper opp promote O5   (exit 4 lists every missing action and field)");

  auto dm = std::make_shared<MoveOptions>();
  CLI::App* demote = add_ref_verb(c, noun, "demote", "Move back one stage (if the pipeline allows going back)",
                                  [dm](Session& s, Id id) { return demote_opportunity(s, id, *dm); });
  add_move_options(demote, *dm);

  struct MoveVerb {
    std::string stage;
    MoveOptions move;
  };
  auto mv = std::make_shared<MoveVerb>();
  CLI::App* move = add_ref_verb(c, noun, "move", "Move to any stage, forward through gates or back",
                                [mv](Session& s, Id id) { return move_opportunity(s, id, mv->stage, mv->move); });
  move->add_option("stage", mv->stage, "Stage key or name")->required();
  add_move_options(move, mv->move);

  struct ProbOptions {
    std::optional<std::string> percent;
    bool clear = false;
  };
  auto pb = std::make_shared<ProbOptions>();
  CLI::App* prob = add_ref_verb(c, noun, "prob", "Set a sticky manual probability, or --clear it",
                                [pb](Session& s, Id id) {
    if (pb->clear == pb->percent.has_value())
      throw Error(Exit::usage, "give either a PERCENT or --clear");
    return set_probability(s, id, pb->percent ? std::optional<double>(parse_percent(*pb->percent)) : std::nullopt);
  });
  prob->add_option("percent", pb->percent, "0–100");
  prob->add_flag("--clear", pb->clear, "Back to the stage's probability");
  prob->footer("Example: hopper opp prob O5 35   (a manager revises a huge deal's own win rate)");

  struct WinOptions {
    std::optional<std::string> amount;
    MoveOptions move;
  };
  auto w = std::make_shared<WinOptions>();
  CLI::App* win = add_ref_verb(c, noun, "win", "Close as won, through the stage gates (the customer moves to signed)",
                               [w](Session& s, Id id) {
    return win_opportunity(s, id, w->amount ? std::optional<Money>(parse_money(*w->amount, s.config.workspace.currency)) : std::nullopt, w->move);
  });
  win->add_option("--amount", w->amount, "The amount it closed at, if different");
  add_move_options(win, w->move);
  win->footer("Example: hopper opp win O5 --amount 50万   (exit 4 lists each gate still open)");

  auto reason = std::make_shared<std::string>();
  CLI::App* lose = add_ref_verb(c, noun, "lose", "Close as lost, with a reason from the pipeline's lost_reasons",
                                [reason](Session& s, Id id) { return lose_opportunity(s, id, *reason); });
  lose->add_option("--reason", *reason, "One of the pipeline's lost_reasons")->required();

  add_ref_verb(c, noun, "reopen", "Reopen a lost (or, for managers, won) deal in its last open stage",
               [](Session& s, Id id) { return reopen_opportunity(s, id); });

  add_import_command(c, noun, ImportKind::opportunity);
  c.example("opp list", "hopper opp list --sort weighted --owner li");
  c.example("opp show", "hopper opp show O5");
  c.example("opp check", "hopper opp check O5 needs_analysis");
  c.example("opp demote", "hopper opp demote O5");
  c.example("opp move", "hopper opp move O5 negotiation");
  c.example("opp lose", "hopper opp lose O5 --reason price");
  c.example("opp reopen", "hopper opp reopen O5");
}

}  // namespace hopper::cli
