// hopper doctor | backup FILE
#include <fmt/format.h>

#include <filesystem>

#include "command.h"
#include "hopper/archive.h"
#include "hopper/doctor.h"
#include "hopper/error.h"
#include "views.h"

namespace hopper::cli {

void add_doctor_commands(Commands& c) {
  CLI::App* doctor = c.add(&c.root(), "doctor", "Check the workspace: SQLite's integrity, then hopper's invariants",
                           Needs::read, [](Context& ctx) {
    std::vector<json> rows;
    int problems = 0;
    bool damaged = false;
    for (const auto& checkup : examine_workspace(*ctx.session)) {
      problems += static_cast<int>(checkup.problems.size());
      damaged = damaged || (checkup.damage && !checkup.problems.empty());
      if (checkup.problems.empty())
        rows.push_back({{"check", checkup.check}, {"status", "ok"}, {"problem", nullptr}});
      for (const auto& p : checkup.problems) rows.push_back({{"check", checkup.check}, {"status", "problem"}, {"problem", p}});
    }
    print_list(ctx, rows, {{"check", "CHECK"}, {"status", "STATUS"}, {"problem", "PROBLEM"}});
    if (problems)
      throw Error(Exit::config, fmt::format("doctor found {} problem(s); the rows above say where (at most 20 per check){}",
                                            problems, damaged ? ". The database is damaged or was changed outside "
                                                                "hopper: restore the last backup (hopper backup makes "
                                                                "them) by copying it to .hopper/hopper.db"
                                                              : ""));
  });
  doctor->footer("Exit 0 when every check passes, 7 when one does not. Example: hopper doctor --json");

  auto file = std::make_shared<std::string>();
  CLI::App* backup = c.add(&c.root(), "backup", "Copy the database to FILE while others may be writing", Needs::read,
                           [file](Context& ctx) {
    backup_workspace(*ctx.session, *file);
    if (ctx.out.quiet) return ctx.print(*file + "\n");
    ctx.note(fmt::format("backed up to {} ({} bytes, a consistent snapshot; restore by copying it to .hopper/hopper.db)",
                         *file, std::filesystem::file_size(*file)));
  });
  backup->add_option("file", *file, "A new file (never overwritten); it gets the database's mode")->required();
  c.record_refusals(backup);
  backup->footer("Managers and admins; a refusal is in the event log.\n"
                 "Example: hopper backup /srv/backups/sales-$(date +%F).db");
}

}  // namespace hopper::cli
