// hopper help exit-codes
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
  9  not permitted for this role, or unknown acting user
)";

void add_help_commands(Commands& c) {
  CLI::App* noun = c.noun("help", "Help topics beyond --help");
  c.add(noun, "exit-codes", "What each exit code means", Needs::nothing, [](Context& ctx) { ctx.print(kExitCodes); });
}

}  // namespace hopper::cli
