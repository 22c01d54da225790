// hopper pool list | status | claim | release | recycle | stake | unstake
#include <fmt/format.h>

#include "command.h"
#include "hopper/assignment.h"
#include "hopper/customers.h"
#include "hopper/pool.h"
#include "hopper/reports.h"
#include "views.h"

namespace hopper::cli {
namespace {

std::vector<Id> customer_ids(const std::vector<std::string>& refs) {
  std::vector<Id> ids;
  for (const auto& r : refs) ids.push_back(parse_id(r, Kind::customer));
  return ids;
}

const std::vector<Column> kStatusColumns = {{"rep", "REP"},
                                            {"held", "HELD", ColumnKind::integer},
                                            {"capacity", "CAPACITY", ColumnKind::integer},
                                            {"free", "FREE", ColumnKind::integer},
                                            {"staked", "STAKED", ColumnKind::integer},
                                            {"claimed_today", "CLAIMED TODAY", ColumnKind::integer}};
const std::vector<Column> kRecycleColumns = {{"ref", "REF", ColumnKind::ref},   {"name", "NAME"}, {"owner", "OWNER"},
                                             {"rule", "RULE"}, {"days", "DAYS", ColumnKind::integer},
                                             {"detail", "DETAIL"}};

// A verb taking customer refs and printing them afterwards.
CLI::App* add_refs_verb(Commands& c, CLI::App* noun, const std::string& name, const std::string& help,
                        std::function<std::vector<Customer>(Session&, const std::vector<Id>&)> act) {
  auto refs = std::make_shared<std::vector<std::string>>();
  CLI::App* app = c.add(noun, name, help, Needs::write, [refs, act](Context& ctx) {
    print_customers(ctx, act(*ctx.session, customer_ids(*refs)));
  });
  app->add_option("refs", *refs, "Customers (C7 or 7), one or more")->required();
  return app;
}

}  // namespace

void add_pool_commands(Commands& c) {
  CLI::App* noun = c.noun("pool", "The shared pool (公海) and private pools: claim, release, recycle, stake");

  struct ListOptions {
    CustomerFilter filter;
    bool staked = false;
  };
  auto l = std::make_shared<ListOptions>();
  CLI::App* list = c.add(noun, "list", "List the shared pool", Needs::read, [l](Context& ctx) {
    CustomerFilter f = l->filter;
    f.pool_only = true;
    resolve_filter(ctx.session->config, f);
    std::vector<Customer> shown;
    for (const auto& cu : ctx.session->store.customers(f))
      if (!l->staked || cu.staked_by_id) shown.push_back(cu);
    print_customers(ctx, shown);
  });
  list->add_option("--grade", l->filter.grade, "Only this grade");
  list->add_option("--segment", l->filter.segment, "Only this segment");
  list->add_flag("--staked", l->staked, "Only staked customers");

  c.add(noun, "status", "Per rep: held against capacity, free slots, stakes, claims today", Needs::read,
        [](Context& ctx) {
    std::vector<json> rows;
    for (const auto& st : pool_status(*ctx.session))
      rows.push_back({{"rep", st.rep.name},
                      {"ref", make_ref(Kind::rep, st.rep.id)},
                      {"held", st.held},
                      {"capacity", st.capacity},
                      {"free", std::max(0, st.capacity - st.held)},
                      {"staked", st.staked},
                      {"claimed_today", st.claimed_today}});
    if (ctx.out.format == Format::json && !ctx.out.quiet) return ctx.print(json_text(json({{"rows", rows}}), 2) + "\n");
    print_list(ctx, rows, kStatusColumns);
  });

  CLI::App* claim = add_refs_verb(c, noun, "claim", "Take customers from the shared pool into your own",
                                  [](Session& s, const std::vector<Id>& ids) { return claim_customers(s, ids); });
  claim->footer("Refused whole (exit 4, each rule named) past capacity, the daily claim limit, a cooldown, a stake,\n"
                "a cooled abandoned customer or one going back to its previous owner.");

  auto reason = std::make_shared<std::string>();
  CLI::App* release = add_refs_verb(c, noun, "release", "Put customers back into the shared pool",
                                    [reason](Session& s, const std::vector<Id>& ids) {
    return release_customers(s, ids, *reason);
  });
  release->add_option("--reason", *reason, "Why")->required();

  add_refs_verb(c, noun, "stake", "Stake (占坑) shared-pool customers beyond your capacity",
                [](Session& s, const std::vector<Id>& ids) { return stake_customers(s, ids); })
      ->footer("Complete the [pool.stake] required_fields within complete_within_days, or the stake lapses.");
  add_refs_verb(c, noun, "unstake", "Give up stakes",
                [](Session& s, const std::vector<Id>& ids) { return unstake_customers(s, ids); });

  struct AssignOptions {
    std::vector<std::string> refs;
    std::optional<std::string> to, strategy;
  };
  auto as = std::make_shared<AssignOptions>();
  CLI::App* assign = c.add(noun, "assign", "Give pool customers to a rep, or by strategy (managers)", Needs::write,
                           [as](Context& ctx) {
    print_customers(ctx, assign_customers(*ctx.session, customer_ids(as->refs), as->to, parse_choice(kAssignStrategies, as->strategy)));
  });
  assign->add_option("refs", as->refs, "Pool customers")->required();
  auto* to = assign->add_option("--to", as->to, "The rep");
  assign->add_option("--strategy", as->strategy, "top-seller, round-robin or balanced (default: [assign] strategy)")
      ->check(CLI::IsMember(kAssignStrategies.names()))
      ->excludes(to);
  assign->footer("top-seller (the \"fat man\" rule): the rep with the highest won amount in\n"
                 "top_seller_window_days; never beyond capacity; with own_discovery a customer from a rep's own lead\n"
                 "goes back to that rep.");

  auto rp = std::make_shared<PeriodOptions>();
  CLI::App* report = c.add(noun, "report", "The shared pool by grade, segment and age; claims and releases in a period",
                           Needs::read, [rp](Context& ctx) {
    Period p = resolve_period(ctx, *rp, "this-month");
    PoolReport r = pool_report(*ctx.session, p);
    std::vector<json> rows;
    auto add = [&](const std::string& what, const std::vector<std::pair<std::string, int>>& counts) {
      for (const auto& [k, n] : counts) rows.push_back({{"measure", what}, {"value", k}, {"count", n}});
    };
    add("grade", r.by_grade);
    add("segment", r.by_segment);
    add("age", r.by_age);
    // The flows add up: start + in − out = end. The direction is a word of
    // its own, never a sign in front of the cause: a cell starting with + or -
    // is a formula to a spreadsheet.
    rows.push_back({{"measure", "flow"}, {"value", "start"}, {"count", r.start}});
    for (const auto& [cause, n] : r.flows_in)
      rows.push_back({{"measure", "flow in"}, {"value", cause_name(cause)}, {"count", n}});
    for (const auto& [cause, n] : r.flows_out)
      rows.push_back({{"measure", "flow out"}, {"value", cause_name(cause)}, {"count", -n}});
    rows.push_back({{"measure", "flow"}, {"value", "end"}, {"count", r.end}});
    add("forced release", r.forced_by_rule);
    print_report(ctx, {"Shared pool", "", p, ""}, rows,
                 {{"measure", "MEASURE"}, {"value", "VALUE"}, {"count", "COUNT", ColumnKind::integer}},
                 json{{"count", r.size}},  // the pool's size
                 json::object(), "", "");
  });
  add_period_options(report, *rp, "this-month");

  CLI::App* recycle = c.add(noun, "recycle", "The nightly job: release customers that broke a [[pool.rule]] (掉保)",
                            Needs::write, [](Context& ctx) {
    Session& s = *ctx.session;
    std::vector<json> rows;
    for (const auto& r : recycle_pool(s, [&ctx] { ctx.checkpoint(); }))
      rows.push_back({{"ref", make_ref(Kind::customer, r.customer.id)},
                      {"name", r.customer.name},
                      {"owner", owner_json(r.lost_by)},
                      {"rule", r.rule},
                      {"days", r.days},
                      {"detail", r.detail.empty() ? json() : json(r.detail)}});
    std::vector<json> conflicts;
    ContactVisibility contacts(s);
    for (const auto& x : resolve_conflicts_by_policy(s)) {
      conflicts.push_back(conflict_json(x, contacts.visible(x)));
      if (ctx.out.format != Format::json) ctx.note(fmt::format("conflict {} resolved to {} ({})", make_ref(Kind::conflict, x.id), x.resolved_to, x.resolution));
    }
    if (ctx.out.format == Format::json && !ctx.out.quiet)
      return ctx.print(json_text(json({{"released", rows}, {"conflicts_resolved", conflicts}, {"dry_run", ctx.globals.dry_run}}), 2) + "\n");
    print_list(ctx, rows, kRecycleColumns);
  });
  recycle->footer("Run it from cron (examples/cron/nightly-recycle.sh); --dry-run shows the same and changes nothing.\n"
                  "It commits every 200 changes, so reps can work while it runs.");
  c.confirm(recycle, [] {
    return std::string("Release every customer that broke a pool rule to the shared pool now "
                       "(hopper pool recycle --dry-run lists them)?");
  });
  c.example("pool list", "hopper pool list --grade A");
  c.example("pool status", "hopper pool status");
  c.example("pool claim", "hopper pool claim C7 C9");
  c.example("pool release", "hopper pool release C7 --reason '客户已搬迁'");
  c.example("pool stake", "hopper pool stake C7");
  c.example("pool unstake", "hopper pool unstake C7");
  c.example("pool assign", "hopper pool assign C7 C9 --strategy round-robin");
  c.example("pool report", "hopper pool report --period last-month");
  c.example("pool recycle", "hopper pool recycle --dry-run");
}

}  // namespace hopper::cli
