// The whole workspace as JSONL and back (SPEC §10 export / import): a
// header line, then one line per row of every table, so that an export
// imported into a fresh workspace and exported again is byte-identical.
#pragma once
#include <filesystem>
#include <istream>
#include <ostream>
#include <string>

#include "hopper/session.h"

namespace hopper {

void export_workspace(Session& s, std::ostream& out);
// Restores an export into a workspace that has no records yet (reps and the
// event log of `hopper init` are replaced); Error(refused) when it has some,
// Error(invalid) naming the line of a malformed one. Returns the rows read.
long restore_workspace(Session& s, std::istream& in, const std::string& name);
// Copies the workspace's SQLite file to `file`, a consistent snapshot that
// never overwrites. It holds every contact, as an export does, so it is for
// managers and admins too.
void backup_workspace(Session& s, const std::filesystem::path& file);

}  // namespace hopper
