// What counts as a valid follow-up (filler such as 继续跟进 does not). Invalid ones are stored but
// never reset a recycling clock.
#pragma once
#include <string>
#include <string_view>

namespace hopper {

struct FollowupRules;

struct FollowupVerdict {
  bool valid = true;
  std::string reason;  // empty when valid
};

FollowupVerdict judge_followup(const FollowupRules& rules, std::string_view type,
                               std::string_view text);

}  // namespace hopper
