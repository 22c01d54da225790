// hopper todo add | list | done
#include "command.h"
#include "hopper/agenda.h"
#include "views.h"

namespace hopper::cli {

void add_todo_commands(Commands& c) {
  CLI::App* noun = c.noun("todo", "To-dos: by hand, from reorder cycles");
  auto a = std::make_shared<TodoInput>();
  CLI::App* add = c.add(noun, "add", "Add a to-do", Needs::write, [a](Context& ctx) {
    print_record(ctx, todo_json(add_todo(*ctx.session, *a)), kTodoColumns);
  });
  add->add_option("text", a->text, "What to do")->required();
  add->add_option("--due", a->due, "Due date: 2026-12-01, tomorrow, +3d");
  add->add_option("--on", a->on, "The lead, customer or opportunity it is about");
  add->add_option("--for", a->owner, "Another rep (managers)");
  add->footer("Example: hopper todo add '发送实施计划' --due +2d --on C7");

  struct ListOptions {
    std::optional<std::string> rep;
    bool all = false;
  };
  auto l = std::make_shared<ListOptions>();
  CLI::App* list = c.add(noun, "list", "List open to-dos, soonest first", Needs::read, [l](Context& ctx) {
    Session& s = *ctx.session;
    Rep rep = rep_to_view(s, l->rep);
    std::vector<json> rows;
    for (const auto& t : s.store.todos({rep.id, !l->all, std::nullopt})) rows.push_back(todo_json(t));
    print_list(ctx, rows, kTodoColumns);
  });
  list->add_option("--rep", l->rep, "Another rep's (managers)");
  list->add_flag("--all", l->all, "Done ones too");
  list->footer("Reorder to-dos are made by 'hopper reorder run' (nightly); 'hopper agenda' shows the ones due before it runs.");

  auto d = std::make_shared<std::string>();
  CLI::App* done = c.add(noun, "done", "Mark a to-do done", Needs::write, [d](Context& ctx) {
    print_record(ctx, todo_json(finish_todo(*ctx.session, parse_id(*d, Kind::todo))), kTodoColumns);
  });
  done->add_option("ref", *d, "The to-do (T4 or 4)")->required();
  c.example("todo list", "hopper todo list --rep li");
  c.example("todo done", "hopper todo done T4");
}

}  // namespace hopper::cli
