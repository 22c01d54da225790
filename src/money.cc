#include "hopper/money.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <cmath>

#include "hopper/error.h"
#include "hopper/normalize.h"
#include "hopper/text.h"

namespace hopper {

// 15 whole digits × 10^8 × a suffix × 100 does not fit 64 bits.
__extension__ typedef __int128 Wide;

static const char* kMoneyForms = "use 1000000, 1,000,000, 1000000.50, 200k, 1.5m, 3万, 3.5w, 2亿, ¥35,000 or 35000元";

[[noreturn]] static void bad_amount(std::string_view text, std::string_view why) {
  throw Error(Exit::invalid, fmt::format("invalid amount '{}': {}; {}", text, why, kMoneyForms));
}

namespace {
// A currency mark people type before or after an amount, and the ISO codes it can mean.
struct CurrencyMark {
  std::string_view text;
  std::string_view codes;
};
// Longest first, so "US$" is not read as "$".
constexpr CurrencyMark kCurrencyMarks[] = {
    {"人民币", "CNY"}, {"US$", "USD"}, {"HK$", "HKD"}, {"RMB", "CNY"}, {"CNY", "CNY"}, {"USD", "USD"},
    {"EUR", "EUR"},    {"GBP", "GBP"}, {"JPY", "JPY"}, {"HKD", "HKD"}, {"¥", "CNY JPY"}, {"元", "CNY"},
    {"块", "CNY"},     {"$", "USD"},   {"€", "EUR"},   {"£", "GBP"},   {"円", "JPY"}};

// Strips one mark from the front (or the back) of `text`; refuses a mark of another currency.
void strip_currency(std::string& text, std::string_view input, std::string_view currency, bool front) {
  for (const auto& mark : kCurrencyMarks) {
    bool found = front ? text.starts_with(mark.text) : text.ends_with(mark.text);
    if (!found || text.size() == mark.text.size()) continue;
    if (mark.codes.find(currency) == std::string_view::npos || currency.size() != 3)
      bad_amount(input, fmt::format("'{}' is not this workspace's currency, {} ([workspace] currency in funnel.toml); "
                                    "give the amount in {}",
                                    mark.text, currency, currency));
    text = trim(front ? text.substr(mark.text.size()) : text.substr(0, text.size() - mark.text.size()));
    return;
  }
}
}  // namespace

Money parse_money(std::string_view input, std::string_view currency) {
  // Fullwidth digits, commas and ￥ become their ASCII forms.
  std::string text = trim(fold_lookalikes(input));
  if (!text.empty() && text[0] == '-') bad_amount(input, "amounts cannot be negative");
  strip_currency(text, input, currency, true);
  if (!text.empty() && text[0] == '-') bad_amount(input, "amounts cannot be negative");
  strip_currency(text, input, currency, false);
  Wide multiplier = 1;
  struct Suffix { std::string_view text; long long factor; };
  static const Suffix kSuffixes[] = {{"k", 1000},  {"K", 1000},  {"m", 1000000},        {"M", 1000000},
                                     {"万", 10000}, {"w", 10000}, {"W", 10000}, {"亿", 100000000}};
  for (const auto& s : kSuffixes) {
    if (text.size() > s.text.size() && text.ends_with(s.text)) {
      multiplier = s.factor;
      text = trim(text.substr(0, text.size() - s.text.size()));
      break;
    }
  }
  static const re2::RE2 re(R"((\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?)");
  std::string whole, frac;
  if (!re2::RE2::FullMatch(text, re, &whole, &frac)) bad_amount(input, "not a number");
  std::erase(whole, ',');
  if (whole.size() > 15 || frac.size() > 8) bad_amount(input, "too many digits");
  Wide scale = 1;
  for (std::size_t i = 0; i < frac.size(); ++i) scale *= 10;
  Wide value = 0;
  for (char c : whole + frac) value = value * 10 + (c - '0');
  Wide minor = value * multiplier * 100;
  if (minor % scale != 0) bad_amount(input, "more precise than a cent");
  minor /= scale;
  if (minor > kMaxAmount) bad_amount(input, "more than 1,000,000,000,000, the most one record holds");
  return static_cast<Money>(minor);
}

Money add_money(Money total, Money amount) {
  Money sum = 0;
  if (__builtin_add_overflow(total, amount, &sum))
    throw Error(Exit::invalid, "the amounts add up to more than hopper can count (92,233,720,368,547,758.07); "
                               "look for mistyped amounts with hopper opp list --json");
  return sum;
}

std::string format_money(Money amount) {
  bool negative = amount < 0;
  unsigned long long v = negative ? static_cast<unsigned long long>(-amount) : static_cast<unsigned long long>(amount);
  std::string digits = std::to_string(v / 100);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  if (v % 100) out += fmt::format(".{:02}", v % 100);
  return (negative ? "-" : "") + out;
}

double money_units(Money amount) { return static_cast<double>(amount) / 100.0; }

double parse_percent(std::string_view input) {
  std::string text = trim(input);
  if (text.ends_with('%')) text.pop_back();
  static const re2::RE2 re(R"(\d{1,3}(\.\d{1,2})?)");
  if (!re2::RE2::FullMatch(text, re))
    throw Error(Exit::invalid, fmt::format("invalid probability '{}': use a percentage from 0 to 100 "
                                           "with at most two decimals, e.g. 35 or 12.5",
                                           input));
  double v = std::stod(text);
  if (v > 100)
    throw Error(Exit::invalid, fmt::format("invalid probability '{}': must be between 0 and 100", input));
  return v;
}

std::string format_percent(double percent) {
  double rounded = std::round(percent * 100) / 100;
  std::string s = fmt::format("{:.2f}", rounded);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s + "%";
}

}  // namespace hopper
