#include "hopper/workspace.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "hopper/error.h"

namespace hopper {
namespace fs = std::filesystem;

const Template* find_template(const std::string& name) {
  for (const auto& t : templates())
    if (t.name == name) return &t;
  return nullptr;
}

WorkspacePaths discover_workspace(const std::optional<std::string>& dir_option) {
  auto check = [](const fs::path& dir, const std::string& how) {
    if (!fs::exists(dir / "funnel.toml"))
      throw Error(Exit::config, fmt::format("{} '{}' holds no funnel.toml; run 'hopper init {}' to create a workspace",
                                            how, dir.string(), dir.string()));
    return WorkspacePaths{fs::absolute(dir)};
  };
  if (dir_option) return check(*dir_option, "-C");
  if (const char* env = std::getenv("HOPPER_DIR"); env && *env) return check(env, "HOPPER_DIR");
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "funnel.toml")) return {dir};
    if (dir == dir.parent_path()) break;
  }
  throw Error(Exit::config,
              "not in a hopper workspace (no funnel.toml here or in any parent directory); run 'hopper init' "
              "to create one, or pass -C DIR");
}

WorkspacePaths create_workspace(const fs::path& dir, const Template& tpl) {
  WorkspacePaths ws{fs::absolute(dir)};
  if (fs::exists(ws.config()) || fs::exists(ws.database()))
    throw Error(Exit::config, fmt::format("'{}' already holds a hopper workspace; init never overwrites one",
                                          ws.root.string()));
  std::error_code ec;
  fs::create_directories(ws.root / ".hopper", ec);
  if (ec) throw Error(Exit::config, fmt::format("cannot create '{}': {}", (ws.root / ".hopper").string(), ec.message()));
  std::ofstream out(ws.config());
  out << tpl.text;
  if (!out) throw Error(Exit::config, fmt::format("cannot write '{}'", ws.config().string()));
  return ws;
}

std::string display_path(const fs::path& path) {
  std::error_code ec;
  fs::path rel = fs::relative(path, fs::current_path(ec), ec);
  return ec || rel.empty() ? path.string() : rel.string();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Exit::config, fmt::format("cannot read '{}'", path.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace hopper
