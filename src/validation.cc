#include "hopper/validation.h"

#include <fmt/format.h>

#include <regex>

#include "hopper/error.h"
#include "hopper/normalize.h"
#include "hopper/text.h"

namespace hopper {

std::optional<std::string> phone_problem(const Config& config, const std::string& phone) {
  std::string digits = normalize_phone(phone);
  std::regex pattern(config.lead.phone_pattern);
  if (std::regex_search(digits, pattern)) return std::nullopt;
  return fmt::format("'{}' is not a valid phone number: '{}' ({} characters after removing spaces, dashes "
                     "and +86) does not match {} (lead.phone_pattern)",
                     phone, digits, char_count(digits), config.lead.phone_pattern);
}

std::optional<std::string> email_problem(const std::string& email) {
  if (is_valid_email(email)) return std::nullopt;
  return fmt::format("'{}' is not an email address (expected name@domain.tld)", email);
}

std::optional<std::string> grade_problem(const Config& config, const std::string& grade) {
  if (config.has_grade(grade)) return std::nullopt;
  return fmt::format("'{}' is not a grade of this workspace (grades.order: {})", grade,
                     join(config.grades, ", "));
}

std::optional<std::string> segment_problem(const Config& config, const std::string& segment) {
  if (config.has_segment(segment)) return std::nullopt;
  return fmt::format("'{}' is not a segment of this workspace (customer.segments: {})", segment,
                     join(config.segments, ", "));
}

void refuse_problems(const std::string& what, const std::vector<FieldProblem>& problems) {
  if (problems.empty()) return;
  std::string message = fmt::format("{} refused, nothing was written:", what);
  for (const auto& p : problems) message += fmt::format("\n  {} {}", p.flag.empty() ? "--" + p.field : p.flag, p.text);
  throw Error(Exit::invalid, message, problems);
}

}  // namespace hopper
