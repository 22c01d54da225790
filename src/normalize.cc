#include "hopper/normalize.h"

#include <array>
#include <re2/re2.h>

#include "hopper/text.h"

namespace hopper {

std::string normalize_phone(std::string_view phone) {
  std::string digits;
  for (char c : phone)
    if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') digits += c;
  for (std::string_view prefix : {"+86", "0086"})
    if (digits.starts_with(prefix)) return digits.substr(prefix.size());
  return digits;
}

std::string normalize_email(std::string_view email) { return to_lower_ascii(trim(email)); }

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
  for (char32_t cp : decode_utf8(to_lower_ascii(trim(name))))
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
