// hopper doctor: is the workspace whole? SQLite's own checks, then the
// invariants hopper's rules promise (docs/reliability.md).
#pragma once
#include <string>
#include <vector>

#include "hopper/session.h"

namespace hopper {

struct Checkup {
  std::string check;                  // what was looked at
  std::vector<std::string> problems;  // empty: fine (at most `limit` each)
  // Its problems are damage (pages, keys or values no hopper command
  // writes): the cure is the last backup.
  bool damage = false;
};

// What the records keep whatever funnel.toml says, so that a restore is
// checked before it commits: foreign keys; stored dates and custom fields
// that read back; every open deal with its customer's owner; every stage as
// its history last left it; every change under an event; nothing owned by a
// rep who left.
std::vector<Checkup> examine_records(Session& s, int limit = 20);
// SQLite's integrity, examine_records, then against funnel.toml: every key
// the records use defined, no rep over capacity.
std::vector<Checkup> examine_workspace(Session& s, int limit = 20);

}  // namespace hopper
