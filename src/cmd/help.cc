// hopper help [TOPIC]
#include <fmt/format.h>

#include "command.h"
#include "hopper/error.h"
#include "hopper/money.h"
#include "hopper/validation.h"

namespace hopper::cli {

static const char* kExitCodes = R"(hopper exit codes
  0  ok
  1  internal error (a bug: please report it)
  2  usage: unknown command or option, missing argument
  3  not found: no such record or rep
  4  refused by a rule or a stage gate (capacity full, cooldown, claim limit, missing action), or not confirmed at a prompt
  5  conflict: duplicate or 撞单 detected, concurrent change
  6  invalid input: date, amount, phone, email, CSV row
  7  workspace or funnel.toml error
  8  busy: the workspace stayed locked longer than --wait
  9  not permitted for this role, or unknown acting user ([security] strict: --as or a moved clock)
)";

// Built from the constants that enforce them, so the page cannot drift.
static std::string limits_text() {
  return fmt::format(R"(hopper limits: input past them is refused with exit 6, never cut or wrapped
  text          every argument and every imported value: UTF-8, at most {} characters
  one-line      names, companies, contacts, phones, emails, sources, titles: at most {} characters
  amounts       0 to {} per record, at most two decimals (cents); totals that would pass
                92,233,720,368,547,758.07 are refused rather than wrapped
  numbers       custom number fields: at most 15 digits and 8 decimals
  dates         the years 0001 to 9999; +N/-N forms take at most four digits
  periods       reorder cycles (--every) at most ten years: 3650d, 520w, 120m, 10y
  --wait        0 to 3600 seconds
Patterns (lead.phone_pattern) are RE2: they run in time linear in the text, whatever the pattern.
)",
                     kMaxTextChars, kMaxLineChars, format_money(kMaxAmount));
}

struct Topic {
  const char* name;
  const char* summary;
  std::string text;
};
static const std::vector<Topic>& topics() {
  static const std::vector<Topic> all = {
      {"exit-codes", "what each exit code means, for scripts", kExitCodes},
      {"limits", "the longest text, the largest amount, the range of dates", limits_text()},
  };
  return all;
}

void add_help_commands(Commands& c) {
  auto topic = std::make_shared<std::string>();
  CLI::App* app = c.add(&c.root(), "help", "Help topics beyond --help (hopper help lists them)", Needs::nothing,
                        [topic](Context& ctx) {
    std::string list = "hopper help TOPIC:\n";
    for (const auto& t : topics()) list += fmt::format("  {:<12} {}\n", t.name, t.summary);
    list += "Each command explains itself: hopper --help, hopper GROUP --help, hopper GROUP COMMAND --help\n";
    if (topic->empty()) return ctx.print(list);
    for (const auto& t : topics())
      if (*topic == t.name) return ctx.print(t.text);
    throw Error(Exit::usage, fmt::format("no help topic '{}'; {}", *topic, list));
  });
  app->add_option("topic", *topic, "A topic: exit-codes, limits");
}

}  // namespace hopper::cli
