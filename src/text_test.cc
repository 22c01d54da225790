#include <doctest/doctest.h>

#include "hopper/text.h"

using namespace hopper;

TEST_CASE("CJK characters count one and take two columns") {
  CHECK(char_count("继续跟进") == 4);
  CHECK(display_width("继续跟进") == 8);
  CHECK(display_width("Acme 华星") == 9);
  CHECK(char_count("abc") == 3);
}

TEST_CASE("truncation keeps within the width and marks the cut") {
  CHECK(truncate_to_width("北京华星科技", 7) == "北京华…");
  CHECK(display_width(truncate_to_width("北京华星科技", 7)) <= 7);
  CHECK(truncate_to_width("short", 10) == "short");
  CHECK(truncate_to_width("abcdef", 4) == "abc…");
}

TEST_CASE("trim removes ASCII and ideographic spaces") {
  CHECK(trim("  hi \n") == "hi");
  CHECK(trim("\u3000你好\u3000") == "你好");
}

TEST_CASE("punctuation and symbols of every script are recognised") {
  for (char32_t c : {U'，', U'。', U'！', U'!', U' ', U'～'}) CHECK(is_punct_or_space(c));
  for (char32_t c : {U'a', U'继', U'7'}) CHECK_FALSE(is_punct_or_space(c));
}

TEST_CASE("bytes that are not UTF-8 are found where they are") {
  CHECK(invalid_utf8_at("华星 ok") == std::string_view::npos);
  CHECK(invalid_utf8_at("a\xff") == 1);
  CHECK(invalid_utf8_at("ab\xc0\x80") == 2);      // overlong NUL
  CHECK(invalid_utf8_at("\xed\xa0\x80") == 0);    // a UTF-16 surrogate
  CHECK(invalid_utf8_at("\xe5\x8d") == 0);        // cut short
}

TEST_CASE("text that would act on a terminal is escaped, the rest kept") {
  CHECK(terminal_safe("华星 Acme, Inc.") == "华星 Acme, Inc.");
  CHECK(terminal_safe("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(terminal_safe("bell\a cr\r nl\n tab\t del\x7f") == "bell\\x07 cr\\r nl\\n tab\\t del\\x7f");
  CHECK(terminal_safe("\xc2\x9b" "2J") == "\\x9b2J");                      // C1 CSI
  CHECK(terminal_safe("abc\xe2\x80\xae" "fdp.exe") == "abc\\u202efdp.exe");  // right-to-left override
  CHECK(terminal_safe("x\xe2\x81\xa6y") == "x\\u2066y");                    // left-to-right isolate
  CHECK(terminal_safe("line\xe2\x80\xa8") == "line\\u2028");
  CHECK(terminal_safe("bad\xff") == "bad\\xff");
  CHECK(terminal_safe("two\nlines", true) == "two\nlines");
}

TEST_CASE("a mistyped word finds the candidate it meant, and only a close one") {
  std::vector<std::string> verbs = {"add", "list", "show", "promote", "demote", "move", "win", "lose"};
  CHECK(closest_match("promte", verbs) == "promote");
  CHECK(closest_match("prmoote", verbs) == "promote");
  CHECK(closest_match("lsit", verbs) == "list");
  CHECK(closest_match("Show", verbs) == "show");
  CHECK(closest_match("prom", verbs) == "promote");
  CHECK_FALSE(closest_match("frobnicate", verbs));
  CHECK_FALSE(closest_match("", verbs));
  CHECK(closest_match("--nmae", {"--name", "--company", "--phone"}) == "--name");
  CHECK(closest_match("意向", {"意向客户", "成交客户"}) == std::nullopt);  // two edits on two characters
  CHECK(closest_match("意向客", {"意向客户", "成交客户"}) == "意向客户");
}
