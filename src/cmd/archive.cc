// hopper export | import FILE: the whole workspace as JSONL and back.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "command.h"
#include "hopper/archive.h"
#include "hopper/error.h"

namespace hopper::cli {

void add_archive_commands(Commands& c) {
  CLI::App* exp = c.add(&c.root(), "export", "Print the whole workspace as JSONL (every record, its history and the event log)",
                        Needs::read, [](Context& ctx) {
    export_workspace(*ctx.session, std::cout);
    std::cout.flush();
    if (!std::cout) throw Error(Exit::invalid, "export: writing to stdout failed");
  });
  c.record_refusals(exp);
  exp->footer("Managers and admins (a refusal is in the event log). `hopper import` restores it into a new workspace; a second export is "
              "byte-identical.\nExample: hopper export > sales-$(date +%F).jsonl");

  auto file = std::make_shared<std::string>();
  CLI::App* imp = c.add(&c.root(), "import", "Restore a hopper export into a new workspace", Needs::write, [file](Context& ctx) {
    std::ifstream in;
    if (*file != "-") {
      in.open(*file, std::ios::binary);
      if (!in) throw Error(Exit::not_found, fmt::format("cannot read '{}'", *file));
    }
    long rows = restore_workspace(*ctx.session, *file == "-" ? std::cin : in, *file == "-" ? "stdin" : *file);
    ctx.note(fmt::format("restored {} rows from {}", rows, *file));
  });
  imp->add_option("file", *file, "A file made by hopper export, or - for stdin")->required();
  imp->footer("Admins, into a workspace with no records yet (its reps and log are replaced by the export's).\n"
              "To bring in a spreadsheet, use lead import, customer import or opp import.\n"
              "Example: hopper init restored && hopper -C restored import sales.jsonl");
}

}  // namespace hopper::cli
