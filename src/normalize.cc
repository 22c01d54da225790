#include "hopper/normalize.h"

#include <array>
#include <re2/re2.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "hopper/text.h"

namespace hopper {

std::string fold_lookalikes(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(text);  // ASCII is its own NFKC form
  utf8proc_uint8_t* folded = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_IGNORE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &folded, options);
  if (n < 0) return std::string(text);  // not UTF-8: compared as it is
  std::string out(reinterpret_cast<char*>(folded), static_cast<std::size_t>(n));
  std::free(folded);
  return out;
}

std::string normalize_phone(std::string_view raw) {
  std::string phone = fold_lookalikes(raw);
  std::string digits;
  for (char c : phone)
    if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') digits += c;
  for (std::string_view prefix : {"+86", "0086"})
    if (digits.starts_with(prefix)) return digits.substr(prefix.size());
  return digits;
}

std::string normalize_email(std::string_view email) { return to_lower_ascii(trim(fold_lookalikes(email))); }

bool is_valid_email(std::string_view email) {
  static const re2::RE2 re(R"([^@\s]+@[^@\s.]+(\.[^@\s.]+)+)");
  return re2::RE2::FullMatch(email, re);
}

std::string normalize_company(std::string_view name) {
  // Longest first, so 股份有限公司 goes before 有限公司. Latin suffixes are
  // compared after lower-casing and dropping punctuation (Co., Ltd. → coltd).
  static const std::array<std::u32string_view, 16> kSuffixes = {
      U"股份有限公司", U"有限责任公司", U"集团有限公司", U"有限公司", U"集团", U"公司",
      U"corporation", U"coltd", U"limited", U"gmbh", U"corp", U"inc", U"llc", U"ltd", U"co", U"plc"};
  std::u32string kept;
  for (char32_t cp : decode_utf8(to_lower_ascii(trim(fold_lookalikes(name)))))
    if (!is_punct_or_space(cp)) kept.push_back(cp);
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (auto suffix : kSuffixes) {
      if (kept.size() > suffix.size() && kept.ends_with(suffix)) {
        kept.resize(kept.size() - suffix.size());
        stripped = true;
        break;
      }
    }
  }
  return encode_utf8(kept);
}

}  // namespace hopper
