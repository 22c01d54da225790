// The unit tests' check of one name table (hopper/names.h): every value of
// the enum, 0 to N-1, has exactly one name and reads back from it; a text
// that names none is refused.
#pragma once
#include <doctest/doctest.h>

#include <set>

#include "hopper/names.h"

namespace hopper {

template <class E, std::size_t N>
void check_name_table(const NameTable<E, N>& table, std::string_view unknown) {
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < N; ++i) {
    E value = static_cast<E>(static_cast<unsigned>(i));  // an enum or std::chrono::weekday
    CAPTURE(i);
    CHECK(table.parse(table.name(value)) == value);
    CHECK(table.stored(table.name(value)) == value);
    names.insert(table.name(value));
  }
  CHECK(names.size() == N);
  CHECK_FALSE(table.parse(unknown).has_value());
  CHECK_THROWS_WITH(table.stored(unknown),
                    doctest::Contains(("the database holds '" + std::string(unknown) + "' where a " +
                                       std::string(table.what) + " belongs")
                                          .c_str()));
}

}  // namespace hopper
