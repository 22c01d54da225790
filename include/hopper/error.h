// Errors carry the documented exit code (docs/exit-codes.md) from the core to main.
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

// The lines of a message that lists problems: `head`, each item indented by
// two spaces, then `tail` when there is one.
inline std::vector<std::string> message_lines(const std::string& head, const std::vector<std::string>& items,
                                              const std::string& tail = "") {
  std::vector<std::string> lines{head};
  for (const auto& item : items) lines.push_back("  " + item);
  if (!tail.empty()) lines.push_back(tail);
  return lines;
}

class Error : public std::runtime_error {
 public:
  Error(Exit code, const std::string& message, std::vector<FieldProblem> problems = {})
      : Error(code, std::vector<std::string>{message}, std::move(problems)) {}
  // A message of several lines (message_lines). The breaks between them are
  // hopper's own; a newline inside one came from someone's text, and main
  // shows it escaped, so no stored name can start a line ("hopper: …") of
  // its own in another rep's terminal.
  Error(Exit code, std::vector<std::string> lines, std::vector<FieldProblem> problems = {})
      : std::runtime_error(joined(lines)), code_(code), lines_(std::move(lines)), problems_(std::move(problems)) {}
  Exit code() const { return code_; }
  const std::vector<std::string>& lines() const { return lines_; }
  // Invalid input: each problem by field, for callers that name fields their
  // own way (an import names the file, line and column).
  const std::vector<FieldProblem>& problems() const { return problems_; }

 private:
  static std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
    return out;
  }
  Exit code_;
  std::vector<std::string> lines_;
  std::vector<FieldProblem> problems_;
};

}  // namespace hopper
