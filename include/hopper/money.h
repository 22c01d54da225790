// Money is integer minor units (cents / 分); probabilities are percentages.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace hopper {

using Money = std::int64_t;

// An amount as people type it: 1000000, 1,000,000, 1000000.50, 1.5m, 200k,
// 3万, 3.5w, 3.5 万, 2亿, ¥35,000, 35000元, 3.5万元, fullwidth ３５，０００.
// A currency mark must be the workspace's `currency` (ISO code): a $ in a
// CNY workspace is refused, not read as yuan. Negative and malformed
// amounts throw Error(invalid) naming the accepted forms.
Money parse_money(std::string_view text, std::string_view currency);
// 1,000,000 or 1,000,000.50
std::string format_money(Money amount);
double money_units(Money amount);
// The largest amount one record holds: a trillion currency units.
inline constexpr Money kMaxAmount = 1'000'000'000'000LL * 100;
// total + amount, or Error(invalid) when the sum would pass what 64 bits hold
// (about 92 million trillion) instead of wrapping to a negative total.
Money add_money(Money total, Money amount);  // for JSON: currency units as a number
// 0–100 with at most two decimals, an optional trailing %.
double parse_percent(std::string_view text);
std::string format_percent(double percent);

}  // namespace hopper
