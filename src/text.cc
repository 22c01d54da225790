#include "hopper/text.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

namespace hopper {

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string out;
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid byte: count it as one replacement character
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(static_cast<char32_t>(cp));
    p += n;
    left -= n;
  }
  return out;
}

std::size_t invalid_utf8_at(std::string_view utf8) {
  auto* start = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  std::size_t i = 0;
  while (i < utf8.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(start + i, static_cast<utf8proc_ssize_t>(utf8.size() - i), &cp);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

static bool acts_on_terminal(utf8proc_int32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0x061C;
}

std::string terminal_safe(std::string_view text, bool keep_newlines) {
  // Most text is valid UTF-8 holding none of the lead bytes of what acts on
  // a terminal (C0 and DEL; C1 starts 0xC2, the bidi marks 0xE2 or 0xD8): as is.
  if (std::none_of(text.begin(), text.end(),
                   [](char c) {
                     auto b = static_cast<unsigned char>(c);
                     return b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xD8;
                   }) &&
      invalid_utf8_at(text) == std::string_view::npos)
    return std::string(text);
  std::string out;
  out.reserve(text.size());
  auto* start = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(start + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (!acts_on_terminal(cp) || (keep_newlines && cp == '\n')) out.append(text.substr(i, static_cast<std::size_t>(n)));
    else if (cp == '\n') out += "\\n";
    else if (cp == '\t') out += "\\t";
    else if (cp == '\r') out += "\\r";
    else if (cp < 0x100) out += fmt::format("\\x{:02x}", cp);
    else out += fmt::format("\\u{:04x}", cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  for (char32_t cp : text) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
  }
  return out;
}

// Counts the bytes that start a character (not 10xxxxxx): no copy, as every
// imported value is measured. A stray continuation byte is not counted.
std::size_t char_count(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

static std::size_t char_width(char32_t cp) {
  int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
  return w < 0 ? 0 : static_cast<std::size_t>(w);
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (char32_t cp : decode_utf8(utf8)) width += char_width(cp);
  return width;
}

std::string truncate_to_width(std::string_view utf8, std::size_t width) {
  if (display_width(utf8) <= width) return std::string(utf8);
  if (width == 0) return "";
  std::u32string kept;
  std::size_t used = 0;
  for (char32_t cp : decode_utf8(utf8)) {
    std::size_t w = char_width(cp);
    if (used + w > width - 1) break;  // keep one column for the ellipsis
    kept.push_back(cp);
    used += w;
  }
  return encode_utf8(kept) + "…";
}

std::string trim(std::string_view text) {
  auto is_space = [](char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0;
  };
  std::u32string s = decode_utf8(text);
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return encode_utf8(std::u32string_view(s).substr(b, e - b));
}

void assign_trimmed(std::string& target, const std::optional<std::string>& value) {
  if (value) target = trim(*value);
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string to_upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool is_punct_or_space(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
      return true;
    default:
      return false;
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// Optimal string alignment distance over code points.
static std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::u32string w = decode_utf8(to_lower_ascii(word));
  if (w.empty() || w.size() > 64) return std::nullopt;
  std::size_t best = std::max<std::size_t>(1, w.size() / 3) + 1;
  std::optional<std::string> found;
  bool tie = false;
  for (const auto& c : candidates) {
    std::u32string cw = decode_utf8(to_lower_ascii(c));
    if (cw.size() > 64) continue;
    std::size_t d = edit_distance(w, cw);
    // A prefix of the candidate ("prom" for "promote") is as good as one edit.
    if (cw.size() > w.size() && w.size() >= 3 && cw.compare(0, w.size(), w) == 0) d = std::min<std::size_t>(d, 1);
    if (d < best) best = d, found = c, tie = false;
    else if (d == best && found && *found != c) tie = true;
  }
  if (tie) return std::nullopt;
  return found;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto match = closest_match(word, candidates);
  return match ? "; did you mean '" + *match + "'?" : "";
}

}  // namespace hopper
