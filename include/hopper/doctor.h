// hopper doctor: is the workspace whole? SQLite's own checks, then the
// invariants hopper's rules promise (SPEC §10, §12).
#pragma once
#include <string>
#include <vector>

#include "hopper/session.h"

namespace hopper {

struct Checkup {
  std::string check;                  // what was looked at
  std::vector<std::string> problems;  // empty: fine (at most `limit` each)
};

// integrity and foreign keys; every open deal with its customer's owner;
// every stage as its history last left it; every change under an event;
// nothing owned by a rep who left; no rep over capacity; every key the
// records use defined in funnel.toml.
std::vector<Checkup> examine_workspace(Session& s, int limit = 20);

}  // namespace hopper
