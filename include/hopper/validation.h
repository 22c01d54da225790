// Checks of single values on entry (SPEC §5). Each returns the problem as a
// sentence about the value (the caller names the field), or nothing when the
// value is fine.
#pragma once
#include <optional>
#include <string>

#include "hopper/config.h"
#include "hopper/error.h"

namespace hopper {

std::optional<std::string> phone_problem(const Config& config, const std::string& phone);
std::optional<std::string> email_problem(const std::string& email);
std::optional<std::string> grade_problem(const Config& config, const std::string& grade);
std::optional<std::string> segment_problem(const Config& config, const std::string& segment);
// Error(invalid) listing every problem, one per line, when there are any.
void refuse_problems(const std::string& what, const std::vector<FieldProblem>& problems);

}  // namespace hopper
