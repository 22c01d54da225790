#include <doctest/doctest.h>

#include <limits>

#include "hopper/error.h"
#include "hopper/money.h"

using namespace hopper;

TEST_CASE("amounts in every accepted form") {
  CHECK(parse_money("1000000", "CNY") == 100000000);
  CHECK(parse_money("1,000,000", "CNY") == 100000000);
  CHECK(parse_money("1000000.50", "CNY") == 100000050);
  CHECK(parse_money("1.5m", "CNY") == 150000000);
  CHECK(parse_money("200k", "CNY") == 20000000);
  CHECK(parse_money("3万", "CNY") == 3000000);
  CHECK(parse_money("2.5万", "CNY") == 2500000);
  CHECK(parse_money("1亿", "CNY") == 10000000000);
  CHECK(parse_money(" 42 ", "CNY") == 4200);
  CHECK(parse_money("0", "CNY") == 0);
}

TEST_CASE("amounts as people type them: currency marks, wan, fullwidth digits") {
  CHECK(parse_money("¥35,000", "CNY") == 3500000);
  CHECK(parse_money("￥35,000", "CNY") == 3500000);
  CHECK(parse_money("35000元", "CNY") == 3500000);
  CHECK(parse_money("35,000 元", "CNY") == 3500000);
  CHECK(parse_money("3.5w", "CNY") == 3500000);
  CHECK(parse_money("3.5W", "CNY") == 3500000);
  CHECK(parse_money("3.5 万", "CNY") == 3500000);
  CHECK(parse_money("3.5万元", "CNY") == 3500000);
  CHECK(parse_money("３５，０００", "CNY") == 3500000);
  CHECK(parse_money("３．５万", "CNY") == 3500000);
  CHECK(parse_money("RMB 35000", "CNY") == 3500000);
  CHECK(parse_money("人民币35000元", "CNY") == 3500000);
  CHECK(parse_money("$1.5m", "USD") == 150000000);
  CHECK(parse_money("US$200k", "USD") == 20000000);
  CHECK(parse_money("12,000 USD", "USD") == 1200000);
  CHECK(parse_money("¥5000", "JPY") == 500000);
}

TEST_CASE("a currency mark of another currency is refused, not read as the workspace's") {
  for (const char* other : {"$35,000", "35000 USD", "€100", "HK$5"}) {
    CAPTURE(other);
    try {
      parse_money(other, "CNY");
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == Exit::invalid);
      CHECK(std::string(e.what()).find("not this workspace's currency, CNY") != std::string::npos);
    }
  }
  CHECK_THROWS_AS(parse_money("35000元", "USD"), Error);
}

TEST_CASE("negative, malformed and over-precise amounts are refused with exit 6") {
  for (const char* bad : {"-5", "-1,000", "1,00", "12,3456", "abc", "", "1.234", "1..2", "1e6", "k", "万", "¥", "¥-5", "5万元元", "3.5ww"}) {
    CAPTURE(bad);
    try {
      parse_money(bad, "CNY");
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == Exit::invalid);
    }
  }
}

TEST_CASE("money is shown with thousands separators") {
  CHECK(format_money(100000000) == "1,000,000");
  CHECK(format_money(100000050) == "1,000,000.50");
  CHECK(format_money(0) == "0");
  CHECK(format_money(99900) == "999");
  CHECK(format_money(2600000000) == "26,000,000");
}

TEST_CASE("probabilities are percentages 0–100 with two decimals at most") {
  CHECK(parse_percent("35") == 35);
  CHECK(parse_percent("12.5%") == 12.5);
  CHECK(parse_percent("100") == 100);
  CHECK_THROWS_AS(parse_percent("101"), Error);
  CHECK_THROWS_AS(parse_percent("-1"), Error);
  CHECK_THROWS_AS(parse_percent("33.333"), Error);
  CHECK(format_percent(12.5) == "12.5%");
  CHECK(format_percent(80) == "80%");
}

TEST_CASE("amounts stop at a trillion and sums never wrap") {
  CHECK(parse_money("1000000000000", "CNY") == kMaxAmount);
  CHECK(parse_money("10000亿", "CNY") == kMaxAmount);
  CHECK_THROWS_AS(parse_money("1000000000000.01", "CNY"), Error);
  CHECK_THROWS_AS(parse_money("999999999999999", "CNY"), Error);
  CHECK(add_money(kMaxAmount, kMaxAmount) == 2 * kMaxAmount);
  Money near_top = std::numeric_limits<Money>::max() - 1;
  CHECK_THROWS_AS(add_money(near_top, 2), Error);
  CHECK_THROWS_AS(add_money(std::numeric_limits<Money>::min(), -1), Error);
}
