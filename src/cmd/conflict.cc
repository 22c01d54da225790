// hopper conflict list
#include "command.h"
#include "hopper/assignment.h"
#include "views.h"

namespace hopper::cli {

void add_conflict_commands(Commands& c) {
  CLI::App* noun = c.noun("conflict", "Conflicts (撞单) opened by forced duplicates");
  auto status = std::make_shared<std::string>(kConflictStatuses.name(ConflictStatus::open));
  CLI::App* list = c.add(noun, "list", "List conflicts", Needs::read, [status](Context& ctx) {
    std::vector<json> rows;
    ContactVisibility contacts(*ctx.session);
    // "all" names no status: every conflict.
    for (const auto& x : ctx.session->store.conflicts(kConflictStatuses.parse(*status)))
      rows.push_back(conflict_json(x, contacts.visible(x)));
    print_list(ctx, rows, kConflictColumns);
  });
  list->add_option("--status", *status, "open (default), resolved or all")->check(CLI::IsMember(with_all(kConflictStatuses.names())));

  struct ResolveOptions {
    std::string ref;
    std::optional<std::string> to;
  };
  auto r = std::make_shared<ResolveOptions>();
  CLI::App* resolve = c.add(noun, "resolve", "Give both records of a conflict to one rep", Needs::write, [r](Context& ctx) {
    Conflict resolved = resolve_conflict(*ctx.session, parse_id(r->ref, Kind::conflict), r->to);
    print_record(ctx, conflict_json(resolved, ContactVisibility(*ctx.session).visible(resolved)), kConflictColumns);
  });
  resolve->add_option("ref", r->ref, "The conflict (X3 or 3)")->required();
  resolve->add_option("--to", r->to, "The rep (managers); without it the segment's [conflict] policy decides");
  resolve->footer("first-contact: the earliest valid follow-up wins; progress: the owner of the most advanced open\n"
                  "opportunity; manager: only --to. pool recycle applies the policies every night.");
  c.example("conflict list", "hopper conflict list --status open");
  c.example("conflict resolve", "hopper conflict resolve X3 --to li");
}

}  // namespace hopper::cli
