// Errors carry the documented exit code (SPEC §3) from the core to main.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace hopper {

enum class Exit : int {
  ok = 0,
  internal = 1,
  usage = 2,
  not_found = 3,
  refused = 4,    // a rule or a stage gate said no
  conflict = 5,   // duplicate / 撞单 / concurrent change
  invalid = 6,    // bad input: date, amount, phone, CSV row
  config = 7,     // workspace or funnel.toml
  busy = 8,       // lock timeout
  denied = 9,     // not permitted for this role
};

// What is wrong with one input field. `field` is its key (an import names
// it by the column it came from); `flag` how the command line gives it
// ("--phone" when empty, "NAME", "--set budget:").
struct FieldProblem {
  std::string field;
  std::string text;
  std::string flag = {};
};

class Error : public std::runtime_error {
 public:
  Error(Exit code, const std::string& message, std::vector<FieldProblem> problems = {})
      : std::runtime_error(message), code_(code), problems_(std::move(problems)) {}
  Exit code() const { return code_; }
  // Invalid input: each problem by field, for callers that name fields their
  // own way (an import names the file, line and column).
  const std::vector<FieldProblem>& problems() const { return problems_; }

 private:
  Exit code_;
  std::vector<FieldProblem> problems_;
};

}  // namespace hopper
