// What the store throws when the database fails rather than hopper's rules;
// the store's SQL layer (src/store/sql.h) throws it too.
#pragma once
#include <stdexcept>
#include <string>

namespace hopper {

// A failure of the database rather than of hopper's rules, by what the user
// can do about it (main turns each into its exit code and advice).
class StoreFailure : public std::runtime_error {
 public:
  enum class Kind {
    busy,         // another writer holds the lock past --wait
    denied,       // the server refused: privileges, row-level security
    unreachable,  // no server, or it refused the connection
    read_only,    // the file or folder cannot be written
    cannot_open,
    damaged,
    disk,         // full, or an I/O error
    constraint,   // a row broke a CHECK, UNIQUE or foreign key
    other,
  };
  StoreFailure(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace hopper
