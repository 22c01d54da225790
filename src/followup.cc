#include "hopper/followup.h"

#include <fmt/format.h>

#include <algorithm>

#include "hopper/config.h"
#include "hopper/text.h"

namespace hopper {

// True when the text is nothing but filler phrases, punctuation and spaces:
// "继续跟进。保持互动！" says no more than "继续跟进".
static bool only_filler(const std::u32string& text, const std::vector<std::string>& phrases) {
  std::vector<std::u32string> fillers;
  for (const auto& p : phrases)
    if (!p.empty()) fillers.push_back(decode_utf8(p));
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (is_punct_or_space(text[pos])) {
      ++pos;
      continue;
    }
    auto match = std::find_if(fillers.begin(), fillers.end(),
                              [&](const std::u32string& f) { return text.compare(pos, f.size(), f) == 0; });
    if (match == fillers.end()) return false;
    pos += match->size();
  }
  return true;
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
