// hopper init [DIR] [--template minimal|smb|key-accounts] [--shared]
#include <fmt/format.h>

#include <filesystem>

#include "command.h"
#include "hopper/error.h"
#include "hopper/validation.h"

namespace hopper::cli {

void add_init_commands(Commands& c) {
  struct Options {
    std::string dir = ".";
    std::string tpl = "smb";
    bool shared = false;
    std::optional<std::string> store;
    std::optional<std::string> name;
  };
  auto o = std::make_shared<Options>();
  CLI::App* app = c.add(&c.root(), "init", "Create a workspace: funnel.toml and .hopper/hopper.db", Needs::nothing,
                        [o](Context& ctx) {
    const Template* tpl = find_template(o->tpl);
    if (!tpl) throw Error(Exit::usage, "unknown template '" + o->tpl + "': use minimal, smb or key-accounts");
    if (o->store) {
      if (auto p = server_url_problem(*o->store)) throw Error(Exit::invalid, "--store: " + *p);
      if (o->shared) throw Error(Exit::usage, "--shared makes a database file group-writable; a server has roles instead");
    }
    // Named as asked, else after its directory: not every workspace is the template's company.
    std::filesystem::path dir = std::filesystem::absolute(o->dir).lexically_normal();
    std::string dir_name = (dir.has_filename() ? dir : dir.parent_path()).filename().string();
    Template named = o->name || !dir_name.empty() ? named_template(*tpl, o->name.value_or(dir_name)) : *tpl;
    tpl = &named;
    auto checked = parse_config(tpl->text);
    if (!checked.ok())
      throw Error(Exit::internal, message_lines("template " + o->tpl + " is invalid:", format_problems(checked.problems, o->tpl)));
    // The first admin is named (--as, $HOPPER_USER, default_user, $USER), never taken from the OS account.
    ActorSources sources = ctx.actor_sources;
    sources.os_user.clear();
    sources.default_user = checked.config.workspace.default_user;
    std::string user = acting_name(sources);
    if (user.empty()) throw Error(Exit::usage, "who is the first admin? pass --as NAME");
    if (auto p = rep_name_problem(user)) throw Error(Exit::invalid, *p);
    if (ctx.globals.dry_run) {  // Needs::nothing: no transaction to roll back, so write nothing at all
      WorkspacePaths would{std::filesystem::absolute(o->dir)};
      if (std::filesystem::exists(would.config()) || std::filesystem::exists(would.database()))
        throw Error(Exit::config, fmt::format("'{}' already holds a hopper workspace; init never overwrites one",
                                              would.root.string()));
      ctx.print(fmt::format("would create {} and {} (template {}{}); {} would be its first admin\n",
                            would.config().string(),
                            o->store ? "the schema on " + *o->store : would.database().string(), o->tpl,
                            o->shared ? ", group-writable" : "", user));
      return ctx.note("dry run: nothing was changed");
    }
    // --store is written to funnel.toml; HOPPER_STORE is not (it names the server for this run only).
    Template with_store = *tpl;
    if (o->store) with_store.text += fmt::format("\n# Where the records live (docs/team.md).\n[store]\nurl = {}\n",
                                                 toml_string(*o->store));
    NewWorkspace made(o->dir, with_store, o->shared);
    const WorkspacePaths& ws = made.paths();
    {
      auto server = o->store ? std::optional<ServerStore>(ServerStore{*o->store}) : workspace_server(checked.config);
      auto store = server ? std::make_unique<Store>(*server, 5000, true)
                          : std::make_unique<Store>(ws.database(), 5000, true, o->shared);
      store->begin(true);
      ctx.begin_event(*store, user);
      Rep admin;
      admin.name = user;
      admin.role = Role::admin;
      admin.created_at = format_time(ctx.now);
      store->insert_rep(admin);
      store->commit();
    }
    made.keep();
    if (ctx.out.quiet) return ctx.print(ws.root.string() + "\n");
    ctx.note("Created a hopper workspace in " + ws.root.string() + " (template " + o->tpl + "); " + user +
             " is its first admin.");
    ctx.note("Next: edit funnel.toml, then 'hopper rep add NAME' and 'hopper lead add --name N'.");
  });
  app->add_option("dir", o->dir, "Directory of the new workspace (default: here)");
  app->add_option("--name", o->name, "The workspace's name, shown in report headings (default: the directory's)")
      ->type_name("NAME");
  app->add_option("--template", o->tpl, "minimal, smb or key-accounts (default smb)")
      ->check(CLI::IsMember({"minimal", "smb", "key-accounts"}));
  app->add_flag("--shared", o->shared, "Make the database group-writable (0660) for a team");
  app->add_option("--store", o->store,
                  "Keep the records on a PostgreSQL server: postgresql://HOST/DB, no password (docs/team.md)")
      ->type_name("URL");
  c.example("init", "hopper init sales --name '华星贸易 Sales' --template key-accounts --as boss");
}

}  // namespace hopper::cli
