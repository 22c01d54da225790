#include "hopper/validation.h"

#include <fmt/format.h>

#include <re2/re2.h>

#include <memory>
#include <unordered_map>

#include "hopper/error.h"
#include "hopper/normalize.h"
#include "hopper/text.h"

namespace hopper {

// lead.phone_pattern compiled once (an import checks a million phones), with
// RE2: a pattern from funnel.toml runs in linear time whatever it is.
const re2::RE2& phone_regex(const std::string& pattern) {
  static std::unordered_map<std::string, std::unique_ptr<re2::RE2>> compiled;
  auto& re = compiled[pattern];
  if (!re) re = std::make_unique<re2::RE2>(pattern, re2::RE2::Quiet);
  return *re;
}

std::optional<std::string> length_problem(const std::string& value, std::size_t max_chars) {
  std::size_t n = char_count(value);
  if (n <= max_chars) return std::nullopt;
  return fmt::format("is {} characters long; at most {} fit (see hopper help limits)", n, max_chars);
}

std::optional<std::string> nul_problem(const std::string& value) {
  auto at = value.find('\0');
  if (at == std::string::npos) return std::nullopt;
  return fmt::format("holds a NUL byte (at byte {}); no value may hold one: remove it from the file", at + 1);
}

void check_line_lengths(std::vector<FieldProblem>& problems, std::initializer_list<LineValue> values) {
  for (const auto& v : values)
    if (auto p = length_problem(*v.value, kMaxLineChars)) problems.push_back({v.field, *p, v.flag});
}

std::optional<std::string> server_url_problem(const std::string& url) {
  bool is_url = url.starts_with("postgresql://") || url.starts_with("postgres://");
  if (!is_url && url.find('=') == std::string::npos)
    return fmt::format("'{}' is not a server address: use postgresql://HOST/DATABASE or a libpq connection string "
                       "such as 'service=team'",
                       url);
  std::string lower = to_lower_ascii(url);
  bool password = lower.find("password=") != std::string::npos;
  if (is_url) {
    auto authority = url.substr(url.find("://") + 3);
    authority = authority.substr(0, authority.find_first_of("/?"));
    auto at = authority.rfind('@');
    if (at != std::string::npos && authority.substr(0, at).find(':') != std::string::npos) password = true;
  }
  if (password)
    return "the address holds a password; leave it out (funnel.toml is shared) and let libpq find it in ~/.pgpass, "
           "PGPASSWORD or pg_service.conf";
  return std::nullopt;
}

std::optional<std::string> rep_name_problem(const std::string& name) {
  const char* rule = "a rep's name is 1–64 characters without control characters or spaces around it, "
                     "not starting with '-'";
  if (name.empty() || name != trim(name) || name.starts_with('-') || char_count(name) > 64 ||
      terminal_safe(name) != name)
    return fmt::format("'{}' cannot be a rep's name: {}", terminal_safe(name.substr(0, 80)), rule);
  return std::nullopt;
}

std::optional<std::string> phone_problem(const Config& config, const std::string& phone) {
  std::string digits = normalize_phone(phone);
  if (re2::RE2::PartialMatch(digits, phone_regex(config.lead.phone_pattern))) return std::nullopt;
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
  return fmt::format("'{}' is not a grade of this workspace (grades.order: {}){}", grade,
                     join(config.grades, ", "), did_you_mean(grade, config.grades));
}

std::optional<std::string> segment_problem(const Config& config, const std::string& segment) {
  if (config.has_segment(segment)) return std::nullopt;
  return fmt::format("'{}' is not a segment of this workspace (customer.segments: {}){}", segment,
                     join(config.segments, ", "), did_you_mean(segment, config.segments));
}

void refuse_problems(const std::string& what, const std::vector<FieldProblem>& problems) {
  if (problems.empty()) return;
  std::vector<std::string> items;
  for (const auto& p : problems) items.push_back(fmt::format("{} {}", p.flag.empty() ? "--" + p.field : p.flag, p.text));
  throw Error(Exit::invalid, message_lines(fmt::format("{} refused, nothing was written:", what), items), problems);
}

}  // namespace hopper
