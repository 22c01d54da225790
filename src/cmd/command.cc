#include "command.h"

#include <iostream>

namespace hopper::cli {

void Context::print(const std::string& text) const { std::cout << text << std::flush; }
void Context::note(const std::string& text) const { std::cerr << text << (text.ends_with('\n') ? "" : "\n"); }
Time Context::parse_when(const std::string& text) const { return parse_time(text, now); }

Rep rep_to_view(Session& s, const std::optional<std::string>& name) {
  if (!name || *name == s.actor.name) return s.actor;
  require_manager(s, "looking at another rep's work");
  return active_rep(s, *name);
}

CLI::App* Commands::noun(const std::string& name, const std::string& help) {
  CLI::App* app = root_.add_subcommand(name, help);
  app->require_subcommand(1);
  return app;
}

CLI::App* Commands::add(CLI::App* parent, const std::string& name, const std::string& help, Needs needs,
                        std::function<void(Context&)> run) {
  CLI::App* app = parent->add_subcommand(name, help);
  commands_.push_back({app, needs, std::move(run)});
  return app;
}

const Command* Commands::selected() const {
  for (const auto& c : commands_)
    if (c.app->parsed()) {
      bool leaf = true;
      for (const auto* sub : c.app->get_subcommands({}))
        if (sub->parsed()) leaf = false;
      if (leaf) return &c;
    }
  return nullptr;
}

}  // namespace hopper::cli
