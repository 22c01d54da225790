// hopper conflict list
#include "command.h"
#include "views.h"

namespace hopper::cli {

void add_conflict_commands(Commands& c) {
  CLI::App* noun = c.noun("conflict", "Conflicts (撞单) opened by forced duplicates");
  auto status = std::make_shared<std::string>("open");
  CLI::App* list = c.add(noun, "list", "List conflicts", Needs::read, [status](Context& ctx) {
    std::vector<json> rows;
    for (const auto& x : ctx.session->store.conflicts(*status == "all" ? "" : *status)) rows.push_back(conflict_json(x));
    print_list(ctx, rows, kConflictColumns);
  });
  list->add_option("--status", *status, "open (default), resolved or all")->check(CLI::IsMember({"open", "resolved", "all"}));
}

}  // namespace hopper::cli
