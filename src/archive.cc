#include "hopper/archive.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "hopper/error.h"

namespace hopper {
namespace {

const char* const kFormat = "hopper-export";
// The oldest export a restore takes as it is: schema 7 only added the
// security settings, of which an export of schema 6 has none.
const int kOldestSchema = 6;

}  // namespace

void export_workspace(Session& s, std::ostream& out) {
  require_manager(s, "exporting the workspace");
  out << fmt::format(R"({{"format":"{}","schema":{}}})", kFormat, Store::kSchemaVersion) << '\n';
  s.store.export_rows([&out](const std::string& table, const std::string& row) {
    out << R"({"table":")" << table << R"(","row":)" << row << "}\n";
  });
}

long restore_workspace(Session& s, std::istream& in, const std::string& name) {
  require_admin(s, "importing a workspace");
  if (long n = s.store.record_count())
    throw Error(Exit::refused, fmt::format("this workspace already holds {} records; import restores an export only into "
                                           "a new one (hopper init DIR, then hopper -C DIR import {})",
                                           n, name));
  std::string line;
  long number = 0;
  auto bad = [&](const std::string& what) {
    return Error(Exit::invalid, fmt::format("{}:{}: {}", name, number, what));
  };
  if (!std::getline(in, line)) throw Error(Exit::invalid, fmt::format("{}: the file is empty", name));
  ++number;
  auto header = nlohmann::json::parse(line, nullptr, false);
  if (!header.is_object() || header.value("format", "") != kFormat)
    throw bad("not a hopper export (it starts with {\"format\":\"hopper-export\",…}); to bring in a spreadsheet use lead, "
              "customer or opp import");
  if (int schema = header.value("schema", 0); schema < kOldestSchema || schema > Store::kSchemaVersion)
    throw bad(fmt::format("an export of schema {}; this hopper imports schema {} to {} (export it again with this "
                          "version)",
                          schema, kOldestSchema, Store::kSchemaVersion));
  s.store.begin_restore();
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("table") || !j["table"].is_string() || !j.contains("row") || !j["row"].is_object())
      throw bad("expected {\"table\":…,\"row\":{…}}");
    try {
      s.store.restore_row(j["table"].get<std::string>(), j["row"]);
    } catch (const Error& e) {
      throw bad(e.what());
    }
  }
  s.store.end_restore();
  return number - 1;
}

void backup_workspace(Session& s, const std::filesystem::path& file) {
  require_manager(s, "backing up the workspace");
  s.store.backup_to(file);
}

}  // namespace hopper
