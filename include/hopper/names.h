// A closed set of values and the one text each is written as: in the
// database, funnel.toml, the command line, import files and every output.
// Typed values are parsed from text through their table at those edges and
// printed back through it, never compared as strings in between.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hopper {

template <class E>
struct Named {
  E value;
  std::string_view name;
};

// Error(config) saying the database holds `text` where a `what` belongs: a
// stored value no table knows was changed outside hopper or is damaged.
[[noreturn]] void throw_damaged_value(std::string_view what, std::string_view text);

template <class E, std::size_t N>
struct NameTable {
  std::string_view what;  // "lead status": what the values are, for messages
  Named<E> entries[N];

  constexpr std::string_view name(E value) const {
    for (const auto& e : entries)
      if (e.value == value) return e.name;
    return {};
  }
  constexpr std::optional<E> parse(std::string_view text) const {
    for (const auto& e : entries)
      if (e.name == text) return e.value;
    return std::nullopt;
  }
  // A value read back from the database, where only known names are written.
  E stored(std::string_view text) const {
    if (auto v = parse(text)) return *v;
    throw_damaged_value(what, text);
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : entries) out.emplace_back(e.name);
    return out;
  }
};

}  // namespace hopper
