// The whole workspace as JSONL and back (hopper export / import): a
// header line carrying the rules the export was made under (funnel.toml),
// then one line per row of every table, so that an export imported into a
// fresh workspace with its rules and exported again is byte-identical.
#pragma once
#include <filesystem>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include "hopper/session.h"

namespace hopper {

// `rules`: the text of the workspace's funnel.toml, carried in the header.
void export_workspace(Session& s, std::ostream& out, const std::string& rules);

// What an import does with the rules an export carries: the workspace keeps
// its own funnel.toml, which must define every key the records use, or takes
// the export's (its own [store] table kept: where the records live is not a rule).
enum class ExportRules { keep, restore };
struct Restored {
  long rows = 0;
  // With ExportRules::restore, when they differ from the workspace's: the
  // funnel.toml to write (replace_rules_file) once the restore is checked.
  std::optional<std::string> rules;
  bool rules_differ = false;  // the export's rules are not the workspace's
};
// Restores an export into a workspace that has no records yet (reps and the
// event log of `hopper init` are replaced); Error(refused) when it has some.
// Before the caller commits, the rows must hold together: Error(invalid)
// naming the line of a malformed row (a line has an import's size limit) or
// of one whose key points nowhere, or the record that fails one of doctor's
// examine_records. `current_rules` is the workspace's funnel.toml text.
// Error(config) listing every key the records use that the rules they will
// live under do not define: a restore under rules that lack them would show
// zeros in every report.
Restored restore_workspace(Session& s, std::istream& in, const std::string& name, const std::string& current_rules,
                           ExportRules rules = ExportRules::keep);
// Copies the workspace's SQLite file to `file`, a consistent snapshot that
// never overwrites. It holds every contact, as an export does, so it is for
// managers and admins too.
void backup_workspace(Session& s, const std::filesystem::path& file);

}  // namespace hopper
