// hopper agenda [--rep R]
#include "command.h"
#include "hopper/agenda.h"
#include "views.h"

namespace hopper::cli {

static const std::vector<Column> kAgendaColumns = {{"section", "SECTION"}, {"ref", "REF", ColumnKind::ref}, {"item", "ITEM"},
                                                   {"due", "DUE", ColumnKind::date},         {"note", "NOTE"}};

void add_agenda_commands(Commands& c) {
  auto rep = std::make_shared<std::optional<std::string>>();
  CLI::App* app = c.add(&c.root(), "agenda", "Today's work, bottom-up: signed customers, opportunities, leads",
                        Needs::read, [rep](Context& ctx) {
    Session& s = *ctx.session;
    std::vector<json> rows;
    for (const auto& item : build_agenda(s, rep_to_view(s, *rep)))
      rows.push_back({{"section", item.section},
                      {"ref", item.ref},
                      {"item", item.item},
                      {"due", item.due.empty() ? json() : json(item.due)},
                      {"note", item.note},
                      {"overdue", item.overdue},
                      {"rotting", item.rotting}});
    print_list(ctx, rows, kAgendaColumns);
  });
  app->add_option("--rep", *rep, "Another rep's day (managers)");
  app->footer("Example: hopper agenda --rep li");
}

}  // namespace hopper::cli
