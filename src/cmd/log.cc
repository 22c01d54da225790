// hopper log REF TEXT [--type T]
#include <fmt/format.h>

#include "command.h"
#include "hopper/customers.h"
#include "views.h"

namespace hopper::cli {

void add_log_commands(Commands& c) {
  struct Options {
    std::string ref, text, type = "note";
  };
  auto o = std::make_shared<Options>();
  CLI::App* app = c.add(&c.root(), "log", "Log a follow-up (跟进) on a lead or customer", Needs::write, [o](Context& ctx) {
    Activity a = log_activity(*ctx.session, parse_ref(o->ref), o->type, o->text);
    if (!a.valid)
      ctx.note(fmt::format("logged, but not a valid follow-up: {}; it does not reset the recycling clock",
                           a.invalid_reason));
    print_record(ctx, activity_json(a), kActivityColumns);
  });
  app->add_option("ref", o->ref, "The lead (L12) or customer (C7)")->required();
  app->add_option("text", o->text, "What happened")->required();
  app->add_option("--type", o->type, "call, visit, meeting, email, demo, wechat, note… (default note; "
                                     "only [followup] valid_types count as follow-ups)");
  app->footer("Example: hopper log C7 '电话沟通了报价，客户下周安排技术交流' --type call");
}

}  // namespace hopper::cli
