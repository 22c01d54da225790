#include <doctest/doctest.h>

#include <limits>

#include "hopper/error.h"
#include "hopper/money.h"

using namespace hopper;

TEST_CASE("amounts in every accepted form") {
  CHECK(parse_money("1000000") == 100000000);
  CHECK(parse_money("1,000,000") == 100000000);
  CHECK(parse_money("1000000.50") == 100000050);
  CHECK(parse_money("1.5m") == 150000000);
  CHECK(parse_money("200k") == 20000000);
  CHECK(parse_money("3万") == 3000000);
  CHECK(parse_money("2.5万") == 2500000);
  CHECK(parse_money("1亿") == 10000000000);
  CHECK(parse_money(" 42 ") == 4200);
  CHECK(parse_money("0") == 0);
}

TEST_CASE("negative, malformed and over-precise amounts are refused with exit 6") {
  for (const char* bad : {"-5", "-1,000", "1,00", "12,3456", "abc", "", "1.234", "1..2", "1e6", "5 万元", "k"}) {
    CAPTURE(bad);
    try {
      parse_money(bad);
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
  CHECK(parse_money("1000000000000") == kMaxAmount);
  CHECK(parse_money("10000亿") == kMaxAmount);
  CHECK_THROWS_AS(parse_money("1000000000000.01"), Error);
  CHECK_THROWS_AS(parse_money("999999999999999"), Error);
  CHECK(add_money(kMaxAmount, kMaxAmount) == 2 * kMaxAmount);
  Money near_top = std::numeric_limits<Money>::max() - 1;
  CHECK_THROWS_AS(add_money(near_top, 2), Error);
  CHECK_THROWS_AS(add_money(std::numeric_limits<Money>::min(), -1), Error);
}
