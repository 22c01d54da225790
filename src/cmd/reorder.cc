// hopper reorder add | list | stop | run
#include "command.h"
#include "hopper/agenda.h"
#include "views.h"

namespace hopper::cli {

void add_reorder_commands(Commands& c) {
  CLI::App* noun = c.noun("reorder", "Reorder cycles of consumables: the nightly reorder run makes their to-dos");
  struct AddOptions {
    std::string customer;
    ReorderInput in;
  };
  auto a = std::make_shared<AddOptions>();
  CLI::App* add = c.add(noun, "add", "Add a reorder cycle to a customer", Needs::write, [a](Context& ctx) {
    print_record(ctx, reorder_json(add_reorder(*ctx.session, parse_id(a->customer, Kind::customer), a->in)),
                 kReorderColumns);
  });
  add->add_option("customer", a->customer, "The customer (C7)")->required();
  add->add_option("--product", a->in.product, "What is reordered")->required();
  add->add_option("--every", a->in.every, "The period: 30d, 2w, 1m, 1y")->required();
  add->add_option("--from", a->in.from, "The first due date; each next one is a period later")->required();
  add->add_option("--until", a->in.until, "The last possible due date");
  add->add_option("--remind", a->in.remind_days, "Days before a due date to make its to-do (default 3)");
  add->footer("Example: hopper reorder add C7 --product 打印耗材 --every 30d --from 2026-12-01 --remind 5");

  auto all = std::make_shared<bool>(false);
  CLI::App* list = c.add(noun, "list", "List reorder cycles", Needs::read, [all](Context& ctx) {
    std::vector<json> rows;
    for (const auto& r : ctx.session->store.reorders(!*all)) rows.push_back(reorder_json(r));
    print_list(ctx, rows, kReorderColumns);
  });
  list->add_flag("--all", *all, "Stopped ones too");

  auto stop_ref = std::make_shared<std::string>();
  CLI::App* stop = c.add(noun, "stop", "Stop a reorder cycle (kept, never deleted)", Needs::write, [stop_ref](Context& ctx) {
    print_record(ctx, reorder_json(stop_reorder(*ctx.session, parse_id(*stop_ref, Kind::reorder))), kReorderColumns);
  });
  stop->add_option("ref", *stop_ref, "The cycle (Y2 or 2)")->required();

  CLI::App* run = c.add(noun, "run", "The nightly job: make the to-do of every cycle that has come due", Needs::write,
                        [](Context& ctx) {
    Session& s = *ctx.session;
    std::vector<json> rows;
    for (const auto& t : run_reorders(s)) rows.push_back(todo_json(t));
    print_list(ctx, rows, kTodoColumns);
  });
  run->footer("Idempotent: run it from cron beside pool recycle (examples/cron/nightly-recycle.sh); --dry-run shows\n"
              "what it would make. Example: hopper reorder run --dry-run");
  c.example("reorder list", "hopper reorder list");
  c.example("reorder stop", "hopper reorder stop Y3");
}

}  // namespace hopper::cli
