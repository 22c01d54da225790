#include <doctest/doctest.h>

#include "hopper/config.h"
#include "hopper/followup.h"

using namespace hopper;

TEST_CASE("filler phrases are not follow-ups") {
  FollowupRules rules;
  for (const char* filler : {"继续跟进", "暂无意向", "保持互动", "继续跟进，保持互动！", " 暂无意向。。。 "}) {
    CAPTURE(filler);
    auto v = judge_followup(rules, "call", filler);
    CHECK_FALSE(v.valid);
    CHECK(v.reason.find("filler") != std::string::npos);
  }
}

TEST_CASE("length counts characters, not bytes") {
  FollowupRules rules;  // min_chars = 8
  CHECK_FALSE(judge_followup(rules, "call", "客户说下周再谈").valid);  // 7 characters, 21 bytes
  CHECK(judge_followup(rules, "call", "客户说下周再谈价格").valid);    // 9 characters
  auto shorty = judge_followup(rules, "call", "  hello  ");
  CHECK_FALSE(shorty.valid);
  CHECK(shorty.reason == "too short: 5 characters, at least 8 needed");
}

TEST_CASE("a filler phrase inside real content is fine") {
  FollowupRules rules;
  CHECK(judge_followup(rules, "visit", "继续跟进：客户确认预算50万，下周三技术交流").valid);
}

TEST_CASE("only the configured types count") {
  FollowupRules rules;
  auto v = judge_followup(rules, "note", "a long enough note about the customer");
  CHECK_FALSE(v.valid);
  CHECK(v.reason.find("type 'note'") != std::string::npos);
  CHECK(judge_followup(rules, "wechat", "微信发送了产品资料和报价单").valid);
}
