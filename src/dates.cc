#include "hopper/dates.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <charconv>
#include <ctime>

#include "hopper/error.h"

namespace hopper {
using namespace std::chrono;

static const char* kDateForms =
    "use YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], today, yesterday, tomorrow, or +3d / -2w / +1m / +1y";
static const char* kPeriodForms =
    "use 2017, 2017-08, 2017-Q3, a date, today, yesterday, or this-|last-|next- followed by "
    "week, month, quarter or year";

Time system_now() {
  std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  auto d = year{local.tm_year + 1900} / month{static_cast<unsigned>(local.tm_mon + 1)} /
           day{static_cast<unsigned>(local.tm_mday)};
  return sys_days{d} + hours{local.tm_hour} + minutes{local.tm_min} + seconds{local.tm_sec};
}

static int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Years 0001–9999: what four digits can show and the database compares as
// text in order.
static bool in_supported_range(Time t) {
  auto y = int(year_month_day{floor<days>(t)}.year());
  return y >= 1 && y <= 9999;
}

namespace {
// YYYY-MM[-DD[THH:MM[:SS]]] as written; a part left out is empty.
struct DateFields {
  int year = 0, month = 0;
  std::string day, hour, minute, second;
};

std::optional<DateFields> date_fields(std::string_view text) {
  static const re2::RE2 re(R"((\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?)?)");
  DateFields f;
  if (!re2::RE2::FullMatch(text, re, &f.year, &f.month, &f.day, &f.hour, &f.minute, &f.second)) return std::nullopt;
  return f;
}

// Why fields shaped like a date or a month name none: "February 2017 has 28 days".
std::optional<std::string> impossible(const DateFields& f) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  if (f.year < 1) return "there is no year 0000: years run 0001 to 9999";
  if (f.month < 1 || f.month > 12) return fmt::format("there is no month {:02}: months run 01 to 12", f.month);
  unsigned last = unsigned(year_month_day_last{year{f.year}, month_day_last{month{static_cast<unsigned>(f.month)}}}.day());
  if (!f.day.empty() && (to_int(f.day) < 1 || to_int(f.day) > static_cast<int>(last)))
    return fmt::format("{} {} has {} days", kMonths[f.month - 1], f.year, last);
  if (!f.hour.empty() && to_int(f.hour) > 23) return "hours run 00 to 23";
  if (!f.minute.empty() && (to_int(f.minute) > 59 || to_int(f.second) > 59)) return "minutes and seconds run 00 to 59";
  return std::nullopt;
}

std::optional<std::string> impossible_date(std::string_view text) {
  auto f = date_fields(text);
  return f ? impossible(*f) : std::nullopt;
}

std::optional<Time> try_absolute(std::string_view text) {
  auto f = date_fields(text);
  if (!f || f->day.empty() || impossible(*f)) return std::nullopt;
  year_month_day ymd{year{f->year}, month{static_cast<unsigned>(f->month)}, day{static_cast<unsigned>(to_int(f->day))}};
  return sys_days{ymd} + hours{to_int(f->hour)} + minutes{to_int(f->minute)} + seconds{to_int(f->second)};
}
}  // namespace

[[noreturn]] static void bad_date(std::string_view text) {
  if (auto why = impossible_date(text)) throw Error(Exit::invalid, fmt::format("invalid date '{}': {}", text, *why));
  if (text.find('/') != std::string_view::npos)
    throw Error(Exit::invalid, fmt::format("ambiguous date '{}': day and month order cannot be told "
                                           "apart; {}",
                                           text, kDateForms));
  throw Error(Exit::invalid, fmt::format("invalid date '{}': {}", text, kDateForms));
}

Time parse_absolute_time(std::string_view text) {
  if (auto t = try_absolute(text)) return *t;
  if (auto why = impossible_date(text)) throw Error(Exit::invalid, fmt::format("invalid time '{}': {}", text, *why));
  if (text.find('/') != std::string_view::npos)
    throw Error(Exit::invalid, fmt::format("ambiguous time '{}': day and month order cannot be told apart; use "
                                           "YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]",
                                           text));
  throw Error(Exit::invalid, fmt::format("invalid time '{}': use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]", text));
}

Time parse_stored_time(std::string_view text) {
  if (auto t = try_absolute(text)) return *t;
  throw Error(Exit::config, fmt::format("the database holds '{}' where a date belongs: it was changed outside hopper "
                                        "or is damaged; hopper doctor shows where, or restore the last backup",
                                        text));
}

Date add_months(Date d, int n) {
  year_month_day ymd{d};
  auto ym = year_month{ymd.year(), ymd.month()} + months{n};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return sys_days{ym.year() / ym.month() / std::min(ymd.day(), last)};
}

std::optional<Time> read_date_as(std::string_view text, const std::string& format) {
  std::string value(text);
  std::tm tm{};
  const char* end = strptime(value.c_str(), format.c_str(), &tm);
  if (!end) return std::nullopt;
  year_month_day ymd{year{tm.tm_year + 1900}, month{static_cast<unsigned>(tm.tm_mon + 1)},
                     day{static_cast<unsigned>(tm.tm_mday)}};
  if (!ymd.ok() || int(ymd.year()) < 1900 || int(ymd.year()) > 2199) return std::nullopt;
  Time t = sys_days{ymd};
  if (*end == '\0') return t;
  static const re2::RE2 time_of_day(R"([ T](\d{1,2}):(\d{2})(?::(\d{2}))?)");
  std::string h, m, sec;  // an optional group reads into text, not a number
  if (!re2::RE2::FullMatch(end, time_of_day, &h, &m, &sec) || to_int(h) > 23 || to_int(m) > 59 || to_int(sec) > 59)
    return std::nullopt;
  return t + hours{to_int(h)} + minutes{to_int(m)} + seconds{to_int(sec)};
}

const std::vector<std::string>& common_date_formats() {
  static const std::vector<std::string> formats = {
      "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d",   "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%m-%d-%Y",
      "%d.%m.%Y", "%d/%m/%y", "%m/%d/%y", "%d-%m-%y", "%m-%d-%y", "%y-%m-%d", "%y/%m/%d", "%d.%m.%y"};
  return formats;
}

std::string swapped_day_month(const std::string& format) {
  std::size_t d = format.find("%d"), m = format.find("%m");
  if (d == std::string::npos || m == std::string::npos) return "";
  std::string out = format;
  out[d + 1] = 'm';
  out[m + 1] = 'd';
  return out;
}

Date date_of(Time t) { return floor<days>(t); }

// Relative forms keep the time of day of `now`: "--at yesterday" is this
// time yesterday.
Time parse_time(std::string_view text, Time now) {
  if (auto t = try_absolute(text)) return *t;
  Date today = date_of(now);
  auto time_of_day = now - Time{today};
  if (text == "today") return now;
  if (text == "yesterday") return now - days{1};
  if (text == "tomorrow") return now + days{1};
  static const re2::RE2 rel(R"(([+-])(\d{1,4})([dwmy]))");
  std::string sign, unit;
  int n = 0;
  if (re2::RE2::FullMatch(text, rel, &sign, &n, &unit)) {
    if (sign == "-") n = -n;
    Time t = unit == "d"   ? now + days{n}
             : unit == "w" ? now + days{7 * n}
             : unit == "m" ? add_months(today, n) + time_of_day
                           : add_months(today, 12 * n) + time_of_day;
    if (!in_supported_range(t))
      throw Error(Exit::invalid, fmt::format("'{}' is {}, outside the years 0001–9999 hopper keeps", text,
                                             format_date(date_of(t))));
    return t;
  }
  bad_date(text);
}

Date parse_date(std::string_view text, Time now) { return date_of(parse_time(text, now)); }

static Period month_period(year y, month m) {
  Date first = sys_days{y / m / 1};
  return {first, add_months(first, 1) - days{1}, fmt::format("{:04}-{:02}", int(y), unsigned(m))};
}

// Fiscal year Y starts on the first of the start month of calendar year Y.
static Period fiscal_quarter(int fy, int q, const Calendar& cal) {
  Date start = add_months(sys_days{year{fy} / month{cal.fiscal_year_start_month} / 1}, 3 * (q - 1));
  return {start, add_months(start, 3) - days{1}, fmt::format("{}-Q{}", fy, q)};
}

static Period fiscal_year(int fy, const Calendar& cal) {
  Date start = sys_days{year{fy} / month{cal.fiscal_year_start_month} / 1};
  return {start, add_months(start, 12) - days{1}, fmt::format("{}", fy)};
}

// The fiscal year and quarter (1–4) a day falls in.
static std::pair<int, int> fiscal_position(Date d, const Calendar& cal) {
  year_month_day ymd{d};
  int months_in = (static_cast<int>(unsigned(ymd.month())) - static_cast<int>(cal.fiscal_year_start_month) + 12) % 12;
  int fy = int(ymd.year()) - (static_cast<int>(unsigned(ymd.month())) < static_cast<int>(cal.fiscal_year_start_month) ? 1 : 0);
  return {fy, months_in / 3 + 1};
}

Period parse_period(std::string_view text, Time now, const Calendar& cal) {
  std::string s(text);
  static const re2::RE2 re_year(R"((\d{4}))"), re_month(R"((\d{4})-(\d{2}))"),
      re_quarter(R"((\d{4})-[Qq]([1-4]))"), re_rel(R"((this|last|next)-(week|month|quarter|year))");
  int y = 0, n = 0;
  if (re2::RE2::FullMatch(s, re_year, &y) && y >= 1) return fiscal_year(y, cal);
  if (re2::RE2::FullMatch(s, re_month, &y, &n) && y >= 1 && n >= 1 && n <= 12)
    return month_period(year{y}, month{static_cast<unsigned>(n)});
  if (re2::RE2::FullMatch(s, re_quarter, &y, &n) && y >= 1) return fiscal_quarter(y, n, cal);
  Date today = date_of(now);
  std::string which, unit;
  if (re2::RE2::FullMatch(s, re_rel, &which, &unit)) {
    int shift = which == "this" ? 0 : (which == "last" ? -1 : 1);
    if (unit == "week") {
      Date start = today - (weekday{today} - cal.week_start);
      start += days{7 * shift};
      return {start, start + days{6}, s};
    }
    if (unit == "month") {
      year_month_day ymd{add_months(today, shift)};
      Period p = month_period(ymd.year(), ymd.month());
      return p;
    }
    auto [fy, q] = fiscal_position(today, cal);
    if (unit == "quarter") {
      int index = fy * 4 + (q - 1) + shift;
      return fiscal_quarter(index / 4, index % 4 + 1, cal);
    }
    return fiscal_year(fy + shift, cal);
  }
  if (s == "today" || s == "yesterday" || try_absolute(s)) {
    Date d = parse_date(s, now);
    return {d, d, format_date(d)};
  }
  if (auto why = impossible_date(s)) throw Error(Exit::invalid, fmt::format("invalid period '{}': {}", text, *why));
  throw Error(Exit::invalid, fmt::format("invalid period '{}': {}", text, kPeriodForms));
}

std::string format_date(Date d) {
  year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

std::string format_time(Time t) {
  Date d = date_of(t);
  hh_mm_ss hms{t - d};
  return fmt::format("{}T{:02}:{:02}:{:02}", format_date(d), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }

}  // namespace hopper
