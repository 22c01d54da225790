// Errors carry the documented exit code (SPEC §3) from the core to main.
#pragma once
#include <stdexcept>
#include <string>

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

class Error : public std::runtime_error {
 public:
  Error(Exit code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Exit code() const { return code_; }

 private:
  Exit code_;
};

}  // namespace hopper
