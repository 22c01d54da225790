#include "hopper/archive.h"

#include <fmt/format.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "hopper/csv.h"
#include "hopper/doctor.h"
#include "hopper/error.h"
#include "hopper/stored_keys.h"
#include "hopper/text.h"

namespace hopper {
namespace {

const char* const kFormat = "hopper-export";
// The oldest export a restore takes as it is: schema 7 only added the
// security settings, of which an export of schema 6 has none.
const int kOldestSchema = 6;

// The lines of a TOML text's [store] table, its header included ("" when it
// has none); and the text without them.
bool table_header(std::string_view line) { return trim(std::string(line)).starts_with('['); }
bool store_header(std::string_view line) {
  std::string t = trim(std::string(line));
  return t == "[store]" || (t.starts_with("[store]") && trim(t.substr(7)).starts_with('#'));
}
// The blank line before the table goes with it, so that taking a table out
// undoes putting it in (rules_to_restore).
std::pair<std::string, std::string> split_store_table(const std::string& text) {
  std::string store, rest;
  bool in_store = false;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    end = end == std::string::npos ? text.size() : end + 1;
    std::string_view line(text.data() + at, end - at);
    if (table_header(line)) {
      in_store = store_header(line);
      if (in_store && rest.ends_with("\n\n")) rest.pop_back();
    }
    (in_store ? store : rest) += line;
    at = end;
  }
  return {store, rest};
}

// The export's rules to live under, with the workspace's own [store] table
// after a blank line: the records stay where this workspace keeps them.
std::string rules_to_restore(const std::string& exported, const std::string& current) {
  auto [ignored, rules] = split_store_table(exported);
  auto [store, current_rules] = split_store_table(current);
  if (store.empty()) return rules;
  if (!rules.empty() && !rules.ends_with('\n')) rules += '\n';
  return rules + "\n" + store;
}

// Where each restored row was read, so that a row the checks refuse is
// named by its line.
class RowLines {
 public:
  void add(const std::string& table, const nlohmann::json& row, long line) {
    auto id = row.find("id");
    if (id == row.end() || !id->is_number_integer()) return;
    auto known = std::find(tables_.begin(), tables_.end(), table);
    if (known == tables_.end()) known = tables_.insert(tables_.end(), table);
    rows_.push_back({static_cast<std::size_t>(known - tables_.begin()), id->get<Id>(), line});
  }
  long line_of(const std::string& table, Id id) const {
    for (const auto& r : rows_)
      if (r.id == id && tables_[r.table] == table) return r.line;
    return 0;
  }

 private:
  struct Row {
    std::size_t table;
    Id id;
    long line;
  };
  std::vector<std::string> tables_;
  std::vector<Row> rows_;
};

}  // namespace

void export_workspace(Session& s, std::ostream& out, const std::string& rules) {
  require_manager(s, "exporting the workspace");
  nlohmann::ordered_json header = {{"format", kFormat}, {"schema", Store::kSchemaVersion}, {"funnel_toml", rules}};
  out << header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  s.store.export_rows([&out](const std::string& table, const std::string& row) {
    out << R"({"table":")" << table << R"(","row":)" << row << "}\n";
  });
}

// Under which rules the restored records will live, and whether those
// define every key the records use.
static void check_restored_rules(Session& s, const std::string& name, const std::optional<std::string>& exported_rules,
                                 const std::string& current_rules, ExportRules rules, Restored& restored) {
  const Config* under = &s.config;
  ConfigResult parsed;
  if (rules == ExportRules::restore && restored.rules_differ) {
    std::string text = rules_to_restore(*exported_rules, current_rules);
    parsed = parse_config(text);
    if (!parsed.ok()) {
      std::vector<std::string> lines{fmt::format("{}: the funnel.toml it carries is invalid; nothing was imported:", name)};
      for (auto& line : format_problems(parsed.problems, name + " (funnel_toml)")) lines.push_back(line);
      throw Error(Exit::config, lines);
    }
    if (parsed.config.store.url != s.config.store.url)
      throw Error(Exit::config, fmt::format("{}: the rules it carries would move this workspace's records elsewhere "
                                            "([store]); copy them into funnel.toml by hand; nothing was imported",
                                            name));
    under = &parsed.config;
    if (text != current_rules) restored.rules = text;
  }
  std::vector<std::string> missing;
  for (const auto& k : undefined_keys(*under, s.store)) missing.push_back(describe_stored_key(k));
  if (missing.empty()) return;
  throw Error(Exit::config,
              message_lines(fmt::format("{}: its records use {} key{} that {} does not define; nothing was imported:",
                                        name, missing.size(), missing.size() == 1 ? "" : "s",
                                        under == &s.config ? "this workspace's funnel.toml" : "the funnel.toml it carries"),
                            missing,
                            rules == ExportRules::keep && restored.rules_differ
                                ? "restore the rules it was made under with hopper import FILE --with-rules, or "
                                  "define the keys in funnel.toml first"
                                : "define the keys in funnel.toml first"));
}

Restored restore_workspace(Session& s, std::istream& in, const std::string& name, const std::string& current_rules,
                           ExportRules rules) {
  require_admin(s, "importing a workspace");
  if (long n = s.store.record_count())
    throw Error(Exit::refused, fmt::format("this workspace already holds {} records; import restores an export only into "
                                           "a new one (hopper init DIR, then hopper -C DIR import {})",
                                           n, name));
  // Lines as an import reads them: UTF-8, each within the same size limit.
  TextLines lines(in, "utf-8", name);
  std::string line;
  auto bad = [&](long at, const std::string& what) { return Error(Exit::invalid, fmt::format("{}:{}: {}", name, at, what)); };
  if (!lines.next(line)) throw Error(Exit::invalid, fmt::format("{}: the file is empty", name));
  auto header = nlohmann::json::parse(line, nullptr, false);
  if (!header.is_object() || !header.contains("format") || header["format"] != kFormat)
    throw bad(1, "not a hopper export (it starts with {\"format\":\"hopper-export\",…}); to bring in a spreadsheet use "
                 "lead, customer or opp import");
  if (!header.contains("schema") || !header["schema"].is_number_integer())
    throw bad(1, fmt::format("the header's schema is {}, not a version number (a hopper export starts with "
                             "{{\"format\":\"{}\",\"schema\":{}}}); export it again with hopper export",
                             header.contains("schema") ? header["schema"].dump() : "missing", kFormat,
                             Store::kSchemaVersion));
  if (header["schema"] < kOldestSchema || header["schema"] > Store::kSchemaVersion)
    throw bad(1, fmt::format("an export of schema {}; this hopper imports schema {} to {} (export it again with this "
                             "version)",
                             header["schema"].dump(), kOldestSchema, Store::kSchemaVersion));
  // The rules the export was made under; exports before they were carried have none.
  std::optional<std::string> exported_rules;
  if (header.contains("funnel_toml")) {
    if (!header["funnel_toml"].is_string()) throw bad(1, "funnel_toml must be the text of a funnel.toml");
    exported_rules = header["funnel_toml"].get<std::string>();
  }
  if (rules == ExportRules::restore && !exported_rules)
    throw bad(1, "this export carries no rules (it was made before exports kept funnel.toml); import it without "
                 "--with-rules, under a funnel.toml that defines every key its records use");
  s.store.begin_restore();
  RowLines where;
  long rows = 0;
  while (lines.next(line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("table") || !j["table"].is_string() || !j.contains("row") || !j["row"].is_object())
      throw bad(lines.line_number(), "expected {\"table\":…,\"row\":{…}}");
    const auto& table = j["table"].get_ref<const std::string&>();
    try {
      s.store.restore_row(table, j["row"]);
    } catch (const Error& e) {
      throw bad(lines.line_number(), e.what());
    }
    where.add(table, j["row"], lines.line_number());
    ++rows;
  }
  // Nothing is kept unless the rows hold together as a workspace: keys that
  // point to rows, then what doctor checks of the records, then the rules.
  constexpr int kShown = 20;  // of each kind of problem
  std::vector<std::string> problems;
  auto dangling = s.store.end_restore(kShown);
  for (const DanglingKey& d : dangling)
    problems.push_back(fmt::format("{}:{}: {} {}: {} {} is no {} row", name, where.line_of(d.table, d.id), d.table, d.id,
                                   d.column, d.value, d.parent));
  if (dangling.size() == static_cast<std::size_t>(kShown)) problems.push_back(fmt::format("… (the first {} shown)", kShown));
  if (problems.empty())
    for (const Checkup& checkup : examine_records(s, kShown))
      for (const auto& p : checkup.problems) problems.push_back(fmt::format("{}: {}", checkup.check, p));
  if (!problems.empty())
    throw Error(Exit::invalid,
                message_lines(fmt::format("{}: the export does not hold together (was it edited?); nothing was imported:",
                                          name),
                              problems));
  Restored restored{rows, std::nullopt, exported_rules && *exported_rules != current_rules};
  check_restored_rules(s, name, exported_rules, current_rules, rules, restored);
  return restored;
}

void backup_workspace(Session& s, const std::filesystem::path& file) {
  require_manager(s, "backing up the workspace");
  s.store.backup_to(file);
}

}  // namespace hopper
