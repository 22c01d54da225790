#include "hopper/followup.h"

#include <fmt/format.h>

#include <algorithm>

#include "hopper/config.h"
#include "hopper/text.h"

namespace hopper {

// True when the text is nothing but filler phrases, punctuation and spaces:
// "继续跟进。保持互动！" says no more than "继续跟进".
static bool only_filler(std::u32string text, const std::vector<std::string>& phrases) {
  for (const auto& phrase : phrases) {
    std::u32string p = decode_utf8(phrase);
    if (p.empty()) continue;
    for (auto pos = text.find(p); pos != std::u32string::npos; pos = text.find(p))
      text.replace(pos, p.size(), U" ");
  }
  return std::all_of(text.begin(), text.end(), is_punct_or_space);
}

FollowupVerdict judge_followup(const FollowupRules& rules, std::string_view type, std::string_view text) {
  if (std::find(rules.valid_types.begin(), rules.valid_types.end(), type) == rules.valid_types.end())
    return {false, fmt::format("type '{}' is not a follow-up type ({})", type, join(rules.valid_types, ", "))};
  std::string trimmed = trim(text);
  if (only_filler(decode_utf8(trimmed), rules.invalid_phrases))
    return {false, "filler phrase only (" + join(rules.invalid_phrases, ", ") + ")"};
  std::size_t n = char_count(trimmed);
  if (n < rules.min_chars)
    return {false, fmt::format("too short: {} characters, at least {} needed", n, rules.min_chars)};
  return {};
}

}  // namespace hopper
