// The clock and the calendar (docs/dates.md): every timestamp, relative date and
// report period is computed from one "now" so tests and cron runs repeat.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hopper {

using Date = std::chrono::sys_days;
using Time = std::chrono::sys_seconds;  // wall-clock time of the workspace, no zone

struct Calendar {
  unsigned fiscal_year_start_month = 1;                 // quarters and years follow it
  std::chrono::weekday week_start = std::chrono::Monday;
};

// An inclusive range of days with a label such as "2017-Q3".
struct Period {
  Date first;
  Date last;
  std::string label;
};

// The system clock read as local wall time, whole seconds.
Time system_now();
// `YYYY-MM-DD[THH:MM[:SS]]` only: the form of --now and stored timestamps.
Time parse_absolute_time(std::string_view text);
// The same, read back from the database: Error(config) saying the database
// was changed behind hopper's back when it is not a date (damage, not bad input).
Time parse_stored_time(std::string_view text);
// Absolute forms plus today/yesterday/tomorrow and +3d/-2w/+1m/+1y, relative
// to `now`. Absolute dates without a time are midnight; relative ones keep
// the time of day of `now`.
Time parse_time(std::string_view text, Time now);
Date parse_date(std::string_view text, Time now);
// 2017, 2017-08, 2017-Q3, a single date, this-/last-/next-week|month|quarter|year,
// today, yesterday.
Period parse_period(std::string_view text, Time now, const Calendar& calendar);

// A date as a file wrote it, in `format` (strptime(3): %d-%m-%y, %m/%d/%Y),
// optionally followed by a time of day (HH:MM[:SS], after a space or T) that
// is kept. nullopt when it does not read so whole, names no real day (31-02),
// or a year outside 1900–2199: what an export holds, not what a pattern
// happens to match.
std::optional<Time> read_date_as(std::string_view text, const std::string& format);
// The forms spreadsheets and CRMs write dates in, for an import to name the
// ones that read a column.
const std::vector<std::string>& common_date_formats();
// The format with day and month swapped (%d ↔ %m); "" when it lacks either.
std::string swapped_day_month(const std::string& format);

Date date_of(Time t);
Date add_months(Date d, int months);
std::string format_date(Date d);
std::string format_time(Time t);  // YYYY-MM-DDTHH:MM:SS
int days_between(Date from, Date to);

}  // namespace hopper
