// hopper export | import FILE: the whole workspace as JSONL and back.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "command.h"
#include "hopper/archive.h"
#include "hopper/error.h"
#include "hopper/workspace.h"

namespace hopper::cli {

void add_archive_commands(Commands& c) {
  CLI::App* exp = c.add(&c.root(), "export", "Print the whole workspace as JSONL (every record, its history and the event log)",
                        Needs::read, [](Context& ctx) {
    export_workspace(*ctx.session, std::cout, read_file(ctx.paths->config()));
  });
  c.record_refusals(exp);
  exp->footer("Managers and admins (a refusal is in the event log). The first line carries funnel.toml, the rules "
              "it was made under.\n`hopper import --with-rules` restores both into a new workspace; a second export is "
              "byte-identical.\n"
              "Example: hopper export > sales-$(date +%F).jsonl");

  struct ImportOptions {
    std::string file;
    bool with_rules = false;
  };
  auto o = std::make_shared<ImportOptions>();
  CLI::App* imp = c.add(&c.root(), "import", "Restore a hopper export into a new workspace", Needs::write, [o](Context& ctx) {
    std::ifstream in;
    if (o->file != "-") {
      in.open(o->file, std::ios::binary);
      if (!in) throw Error(Exit::not_found, fmt::format("cannot read '{}'", o->file));
    }
    Restored r = restore_workspace(*ctx.session, o->file == "-" ? std::cin : in, o->file == "-" ? "stdin" : o->file,
                                   read_file(ctx.paths->config()), o->with_rules ? ExportRules::restore : ExportRules::keep);
    ctx.note(fmt::format("restored {} rows from {}", r.rows, o->file));
    if (r.rules && !ctx.globals.dry_run) {
      auto kept = replace_rules_file(*ctx.paths, *r.rules);
      ctx.note(fmt::format("funnel.toml now holds the rules the export was made under; the old one is {}",
                           display_path(kept)));
    } else if (r.rules) {
      ctx.note("funnel.toml would hold the rules the export was made under");
    } else if (r.rules_differ && !o->with_rules) {
      ctx.note("funnel.toml is not the one the export was made under (it defines every key the records use); "
               "--with-rules restores that one");
    }
  });
  imp->add_option("file", o->file, "A file made by hopper export, or - for stdin")->required();
  imp->add_flag("--with-rules", o->with_rules,
                "Restore the rules the export carries into funnel.toml too (the old file kept beside it)");
  imp->footer("Admins, into a workspace with no records yet (its reps and log are replaced by the export's).\n"
              "Its funnel.toml must define every key the records use (exit 7 lists those it lacks), unless\n"
              "--with-rules restores the export's rules (its own [store] kept).\n"
              "To bring in a spreadsheet, use lead import, customer import or opp import.\n"
              "Example: hopper init restored && hopper -C restored import sales.jsonl --with-rules");
}

}  // namespace hopper::cli
