// Checks of single values on entry. Each returns the problem as a
// sentence about the value (the caller names the field), or nothing when the
// value is fine.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>

#include "hopper/config.h"
#include "hopper/error.h"

namespace hopper {

// The most characters a value keeps: one-line values (names, companies,
// contacts, phones, emails, sources, titles) and any other text (notes,
// reasons, custom fields). Longer input is refused (exit 6), never cut.
inline constexpr std::size_t kMaxLineChars = 200;
inline constexpr std::size_t kMaxTextChars = 10000;
std::optional<std::string> length_problem(const std::string& value, std::size_t max_chars);
// A NUL byte: no argument can hold one, so no imported value may either.
std::optional<std::string> nul_problem(const std::string& value);
// Adds a problem for each one-line value longer than kMaxLineChars.
struct LineValue {
  const char* field;
  const std::string* value;
  const char* flag = "";  // when the option is not --FIELD
};
void check_line_lengths(std::vector<FieldProblem>& problems, std::initializer_list<LineValue> values);
// A rep's name is typed after --as and --owner and shown in every table:
// 1–64 characters, no spaces around it, no control characters, not starting
// with '-' (it would read as an option).
std::optional<std::string> rep_name_problem(const std::string& name);
// A server's address for [store] url, HOPPER_STORE or init --store: a
// postgresql:// URL or a libpq connection string, without a password.
std::optional<std::string> server_url_problem(const std::string& url);
std::optional<std::string> phone_problem(const Config& config, const std::string& phone);
std::optional<std::string> email_problem(const std::string& email);
std::optional<std::string> grade_problem(const Config& config, const std::string& grade);
std::optional<std::string> segment_problem(const Config& config, const std::string& segment);
// Error(invalid) listing every problem, one per line, when there are any.
void refuse_problems(const std::string& what, const std::vector<FieldProblem>& problems);

}  // namespace hopper
