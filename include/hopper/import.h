// Importing the spreadsheet a team already has (docs/moving-in.md): CSV or JSONL read
// row by row, each row through the same rules as `add` (validation,
// duplicates, routing to stakers, gates, permissions), in the transaction the
// command runs in, so a refused import changes nothing.
#pragma once
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "hopper/csv.h"
#include "hopper/session.h"

namespace hopper {

enum class ImportKind { lead, customer, opportunity, rep };
enum class OnDuplicate { fail, skip, update };

struct ImportOptions {
  ImportKind kind = ImportKind::lead;
  std::string name = "-";         // the file as messages show it
  bool jsonl = false;
  std::string encoding = "utf-8";  // or gbk
  std::vector<std::string> map;    // COLUMN=FIELD; an empty FIELD leaves the column out
  // FIELD:VALUE=NEW: a value of a field as the file writes it ("stage:Closed
  // Won=won", "owner:Sarah Chen=sarah"), matched trimmed and in any case.
  std::vector<std::string> map_values;
  std::vector<std::string> defaults;  // FIELD=VALUE: for an empty cell, or a field no column fills
  bool skip_unknown_columns = false;  // columns that are no field and not mapped are left out
  std::string date_format;         // strptime(3) form of date columns ("%d-%m-%y"); empty: YYYY-MM-DD
  OnDuplicate on_duplicate = OnDuplicate::fail;
  // Set: rows with problems are written there (with a reason) and the good
  // rows imported. Unset: one bad row refuses the whole file.
  std::ostream* rejects = nullptr;
  std::function<void(const TextLines&, long rows)> progress;  // every few thousand rows
};

struct RowProblem {
  long line = 0;
  std::string column;  // empty: the row as a whole
  std::string text;
};

struct ImportResult {
  long rows = 0, added = 0, updated = 0, skipped = 0, rejected = 0;
  std::optional<Ref> first, last;     // the records added
  std::vector<RowProblem> problems;   // the first kMaxShown
  long problem_count = 0;
  // What the whole file says beyond its rows: values no field took (stage
  // words, reps not in the workspace) with how to map or add them, the date
  // formats that read a column, a date column that also reads day and month
  // swapped. Part of the refusal when there is one, else for the user to read.
  std::vector<std::string> notes;
  static constexpr std::size_t kMaxShown = 20;
};

// What the columns may be called: the fields of the kind, then its custom
// fields ([[field]] keys). Reps: name, team, role, capacity.
std::vector<std::string> import_fields(const Config& config, ImportKind kind);
// Error(invalid) listing the first problems when a row is bad and there is no
// rejects stream; the caller's transaction is then rolled back.
ImportResult import_records(Session& s, std::istream& in, const ImportOptions& options);

}  // namespace hopper
