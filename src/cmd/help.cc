// hopper help [TOPIC]
#include <fmt/format.h>

#include "command.h"
#include "hopper/error.h"

namespace hopper::cli {

static const char* kExitCodes = R"(hopper exit codes
  0  ok
  1  internal error (a bug: please report it)
  2  usage: unknown command or option, missing argument
  3  not found: no such record or rep
  4  refused by a rule or a stage gate (capacity full, cooldown, claim limit, missing action)
  5  conflict: duplicate or 撞单 detected, concurrent change
  6  invalid input: date, amount, phone, email, CSV row
  7  workspace or funnel.toml error
  8  busy: the workspace stayed locked longer than --wait
  9  not permitted for this role, or unknown acting user ([security] strict: --as or a moved clock)
)";

struct Topic {
  const char* name;
  const char* summary;
  const char* text;
};
static const Topic kTopics[] = {
    {"exit-codes", "what each exit code means, for scripts", kExitCodes},
};

void add_help_commands(Commands& c) {
  auto topic = std::make_shared<std::string>();
  CLI::App* app = c.add(&c.root(), "help", "Help topics beyond --help (hopper help lists them)", Needs::nothing,
                        [topic](Context& ctx) {
    std::string list = "hopper help TOPIC:\n";
    for (const auto& t : kTopics) list += fmt::format("  {:<12} {}\n", t.name, t.summary);
    list += "Each command explains itself: hopper --help, hopper GROUP --help, hopper GROUP COMMAND --help\n";
    if (topic->empty()) return ctx.print(list);
    for (const auto& t : kTopics)
      if (*topic == t.name) return ctx.print(t.text);
    throw Error(Exit::usage, fmt::format("no help topic '{}'; {}", *topic, list));
  });
  app->add_option("topic", *topic, "A topic: exit-codes");
}

}  // namespace hopper::cli
