#include <doctest/doctest.h>

#include "hopper/dates.h"
#include "hopper/error.h"

using namespace hopper;

static Time at(const char* text) { return parse_absolute_time(text); }
static std::string span(const Period& p) { return format_date(p.first) + ".." + format_date(p.last); }

TEST_CASE("absolute dates and times") {
  CHECK(format_time(at("2017-08-01")) == "2017-08-01T00:00:00");
  CHECK(format_time(at("2017-08-01T09:30")) == "2017-08-01T09:30:00");
  CHECK(format_time(at("2017-08-01T09:30:15")) == "2017-08-01T09:30:15");
}

TEST_CASE("ambiguous and invalid dates are refused with exit 6") {
  for (const char* bad : {"03/04/17", "2017-02-30", "2017-13-01", "tomorrowish", "17-08-01", "2017-08-01T25:00", ""}) {
    CAPTURE(bad);
    try {
      parse_time(bad, at("2017-08-01"));
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == Exit::invalid);
    }
  }
  try {
    parse_absolute_time("03/04/17");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("ambiguous") != std::string::npos);
    CHECK(std::string(e.what()).find("YYYY-MM-DD") != std::string::npos);
  }
}

TEST_CASE("relative dates count from now") {
  Time now = at("2017-01-31T15:00");
  CHECK(format_date(parse_date("today", now)) == "2017-01-31");
  CHECK(format_date(parse_date("yesterday", now)) == "2017-01-30");
  CHECK(format_date(parse_date("tomorrow", now)) == "2017-02-01");
  CHECK(format_date(parse_date("+3d", now)) == "2017-02-03");
  CHECK(format_date(parse_date("-2w", now)) == "2017-01-17");
  CHECK(format_date(parse_date("+1m", now)) == "2017-02-28");  // clamped to the month's end
  CHECK(format_date(parse_date("+1y", now)) == "2018-01-31");
}

TEST_CASE("periods") {
  Time now = at("2017-08-15");
  Calendar cal;
  CHECK(span(parse_period("2017", now, cal)) == "2017-01-01..2017-12-31");
  CHECK(span(parse_period("2017-08", now, cal)) == "2017-08-01..2017-08-31");
  CHECK(span(parse_period("2017-Q3", now, cal)) == "2017-07-01..2017-09-30");
  CHECK(span(parse_period("2016-02", now, cal)) == "2016-02-01..2016-02-29");
  CHECK(span(parse_period("this-month", now, cal)) == "2017-08-01..2017-08-31");
  CHECK(span(parse_period("next-quarter", now, cal)) == "2017-10-01..2017-12-31");
  CHECK(span(parse_period("last-quarter", now, cal)) == "2017-04-01..2017-06-30");
  CHECK(span(parse_period("last-year", now, cal)) == "2016-01-01..2016-12-31");
  CHECK(span(parse_period("this-week", now, cal)) == "2017-08-14..2017-08-20");  // 2017-08-15 is a Tuesday
  CHECK(span(parse_period("2017-08-03", now, cal)) == "2017-08-03..2017-08-03");
  CHECK_THROWS_AS(parse_period("2017-Q5", now, cal), Error);
  CHECK_THROWS_AS(parse_period("August", now, cal), Error);
}

TEST_CASE("fiscal years move quarters") {
  Calendar cal;
  cal.fiscal_year_start_month = 4;
  Time now = at("2018-02-10");  // fiscal 2017, fourth quarter
  CHECK(span(parse_period("2017", now, cal)) == "2017-04-01..2018-03-31");
  CHECK(span(parse_period("2017-Q1", now, cal)) == "2017-04-01..2017-06-30");
  CHECK(span(parse_period("this-quarter", now, cal)) == "2018-01-01..2018-03-31");
  CHECK(span(parse_period("next-quarter", now, cal)) == "2018-04-01..2018-06-30");
  CHECK(span(parse_period("this-year", now, cal)) == "2017-04-01..2018-03-31");
}

TEST_CASE("weeks may start on sunday") {
  Calendar cal;
  cal.week_start = std::chrono::Sunday;
  CHECK(span(parse_period("this-week", at("2017-08-15"), cal)) == "2017-08-13..2017-08-19");
}

TEST_CASE("dates stay in the years 0001–9999 whichever form names them") {
  Time now = at("2026-11-27");
  CHECK(format_date(parse_date("9999-12-31", now)) == "9999-12-31");
  CHECK(format_date(parse_date("0001-01-01", now)) == "0001-01-01");
  CHECK(format_date(parse_date("+7973y", now)) == "9999-11-27");
  for (const char* text : {"0000-12-31", "+7974y", "-2026y", "10000-01-01", "+99999d"})
    CHECK_THROWS_AS(parse_date(text, now), Error);
  Calendar cal;
  CHECK_THROWS_AS(parse_period("0000", now, cal), Error);
  CHECK_THROWS_AS(parse_period("0000-01", now, cal), Error);
}

TEST_CASE("a date that does not exist says why") {
  auto why = [](const char* text) {
    try {
      parse_date(text, Time{});
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(why("2017-02-30") == "invalid date '2017-02-30': February 2017 has 28 days");
  CHECK(why("2016-02-30") == "invalid date '2016-02-30': February 2016 has 29 days");
  CHECK(why("2017-04-31") == "invalid date '2017-04-31': April 2017 has 30 days");
  CHECK(why("2017-13-01") == "invalid date '2017-13-01': there is no month 13: months run 01 to 12");
  CHECK(why("0000-01-01") == "invalid date '0000-01-01': there is no year 0000: years run 0001 to 9999");
  CHECK(why("2017-01-01T24:00") == "invalid date '2017-01-01T24:00': hours run 00 to 23");
  CHECK_THROWS_WITH(parse_period("2017-13", Time{}, Calendar{}),
                    "invalid period '2017-13': there is no month 13: months run 01 to 12");
}

TEST_CASE("a date as a file wrote it: its format, a time of day kept, no day that does not exist") {
  CHECK(format_time(*read_date_as("20-10-16", "%d-%m-%y")) == "2016-10-20T00:00:00");
  CHECK(format_time(*read_date_as("20-10-16", "%y-%m-%d")) == "2020-10-16T00:00:00");
  CHECK_FALSE(read_date_as("20-10-16", "%m-%d-%y"));      // no month 20
  CHECK_FALSE(read_date_as("20-10-16", "%Y-%m-%d"));      // the year 20 is no export's
  CHECK_FALSE(read_date_as("31/02/2026", "%d/%m/%Y"));    // February has no 31st
  CHECK_FALSE(read_date_as("16/10/2026x", "%d/%m/%Y"));   // not whole
  CHECK(format_time(*read_date_as("10/16/2026 14:05", "%m/%d/%Y")) == "2026-10-16T14:05:00");
  CHECK(format_time(*read_date_as("2026-10-16 09:12:30", "%Y-%m-%d")) == "2026-10-16T09:12:30");
  CHECK_FALSE(read_date_as("2026-10-16 25:00", "%Y-%m-%d"));
  CHECK(format_time(*read_date_as("2026年3月4日", "%Y年%m月%d日")) == "2026-03-04T00:00:00");
  CHECK(swapped_day_month("%d/%m/%Y") == "%m/%d/%Y");
  CHECK(swapped_day_month("%Y-%m-%d") == "%Y-%d-%m");
  CHECK(swapped_day_month("%Y%m") == "");
}
