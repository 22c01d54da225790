// Keys that make two records "the same customer" (a duplicate, 撞单): phone,
// email and company, compared after folding look-alike text.
#pragma once
#include <string>
#include <string_view>

namespace hopper {

// Every key is compared after Unicode NFKC (fullwidth ３８ and Ａ are 38
// and A) with default-ignorable characters removed (zero-width spaces and
// joiners, bidi marks), so look-alike text cannot dodge a duplicate check.
// Stored text keeps what the user typed; only the keys are folded.
std::string fold_lookalikes(std::string_view text);
// Strips spaces, dashes, dots, brackets and a +86 / 0086 country prefix.
std::string normalize_phone(std::string_view phone);
std::string normalize_email(std::string_view email);
bool is_valid_email(std::string_view email);
// Lower case, no spaces or punctuation, legal suffixes (有限公司, 股份有限公司,
// Co., Ltd., Inc., LLC, GmbH …) removed: "Acme Co., Ltd." == "ACME".
std::string normalize_company(std::string_view name);

}  // namespace hopper
