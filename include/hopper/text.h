// UTF-8 text measured as people see it: characters and terminal columns.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hopper {

// Where the first byte that is not UTF-8 sits (overlong forms and surrogates
// included), or npos.
std::size_t invalid_utf8_at(std::string_view utf8);
// Text that cannot act on a terminal: C0 and C1 controls, DEL, line
// separators and bidi overrides and isolates are shown as escapes (\n, \t,
// \x1b, \u202e), so stored text can neither move the cursor, start a fake
// row, nor reorder what follows it. `keep_newlines` leaves \n as is, for
// text whose every line break is hopper's own or becomes markup (Markdown's
// <br>); an error message's lines are escaped one by one instead (Error).
// Bytes that are not UTF-8 show as \xff.
std::string terminal_safe(std::string_view text, bool keep_newlines = false);
// Number of Unicode code points (bytes that start a character).
std::size_t char_count(std::string_view utf8);
// Terminal columns: CJK and other wide characters take two.
std::size_t display_width(std::string_view utf8);
// Cuts to at most `width` columns, ending in "…" when something was cut.
std::string truncate_to_width(std::string_view utf8, std::size_t width);
std::string trim(std::string_view text);
// target = trim(*value) when a value was given (an option's "leave as is").
void assign_trimmed(std::string& target, const std::optional<std::string>& value);
std::string to_lower_ascii(std::string_view text);
std::string to_upper_ascii(std::string_view text);
// True for code points that are punctuation, symbols or white space.
bool is_punct_or_space(char32_t cp);
// Splits into code points (invalid bytes become U+FFFD).
std::u32string decode_utf8(std::string_view utf8);
std::string encode_utf8(std::u32string_view text);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// The candidate a mistyped word most likely meant ("promte" → "promote"):
// fewest edits (a swap of neighbours is one), at most a third of the word's
// length; none when nothing is that close or two candidates tie.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);
// "; did you mean 'promote'?" for a message about `word`, or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace hopper
