#include "hopper/workspace.h"

#include <fmt/format.h>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "hopper/error.h"
#include "hopper/text.h"
#include "hopper/validation.h"

namespace hopper {
namespace fs = std::filesystem;

const Template* find_template(const std::string& name) {
  for (const auto& t : templates())
    if (t.name == name) return &t;
  return nullptr;
}

std::string toml_string(const std::string& text) {
  std::ostringstream out;
  out << toml::value<std::string>(text);
  return out.str();
}

Template named_template(const Template& tpl, const std::string& name) {
  std::string problem;
  if (trim(name).empty()) problem = "is empty";
  else if (terminal_safe(name) != name) problem = "holds control characters";
  else if (auto p = length_problem(name, kMaxLineChars)) problem = *p;
  if (!problem.empty()) throw Error(Exit::invalid, fmt::format("--name {}: a workspace's name is one line of text", problem));
  // Every template opens [workspace] with its name, on a line of its own.
  std::size_t table = tpl.text.find("[workspace]\n");
  std::size_t line = table == std::string::npos ? table : tpl.text.find("\nname = ", table);
  if (line == std::string::npos) throw Error(Exit::internal, "template " + tpl.name + " has no [workspace] name");
  std::size_t value = line + 8, end = tpl.text.find('\n', value);
  Template named = tpl;
  named.text.replace(value, end - value, toml_string(trim(name)));
  return named;
}

namespace {
// The first directory from `start` upwards that holds funnel.toml.
std::optional<fs::path> walk_up(const fs::path& start) {
  std::error_code ec;
  for (fs::path dir = fs::weakly_canonical(fs::absolute(start, ec), ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "funnel.toml")) return dir;
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}
}  // namespace

WorkspacePaths discover_workspace(const std::optional<std::string>& dir_option) {
  if (dir_option) {  // as `cd DIR` then discovery: a folder inside a workspace finds it
    if (!fs::is_directory(*dir_option))
      throw Error(Exit::config, fmt::format("-C '{}' is not a directory", *dir_option));
    if (auto dir = walk_up(*dir_option)) return {*dir};
    throw Error(Exit::config, fmt::format("-C '{}' is not in a hopper workspace (no funnel.toml there or above); run "
                                          "'hopper init {}' to create one",
                                          *dir_option, *dir_option));
  }
  if (const char* env = std::getenv("HOPPER_DIR"); env && *env) {
    if (!fs::exists(fs::path(env) / "funnel.toml"))
      throw Error(Exit::config, fmt::format("HOPPER_DIR '{}' holds no funnel.toml; run 'hopper init {}' to create a "
                                            "workspace",
                                            env, env));
    return {fs::absolute(env)};
  }
  std::error_code ec;
  if (auto dir = walk_up(fs::current_path(ec))) return {*dir};
  throw Error(Exit::config,
              "not in a hopper workspace (no funnel.toml here or in any parent directory); run 'hopper init' "
              "to create one, or pass -C DIR");
}

NewWorkspace::NewWorkspace(const fs::path& dir, const Template& tpl, bool shared) : paths_{fs::absolute(dir)} {
  const WorkspacePaths& ws = paths_;
  if (fs::exists(ws.config()) || fs::exists(ws.database()) || fs::exists(ws.root / ".hopper"))
    throw Error(Exit::config, fmt::format("'{}' already holds a hopper workspace; init never overwrites one",
                                          ws.root.string()));
  std::error_code ec;
  made_root_ = !fs::exists(ws.root);
  fs::create_directories(ws.root / ".hopper", ec);
  if (ec) throw Error(Exit::config, fmt::format("cannot create '{}': {}", (ws.root / ".hopper").string(), ec.message()));
  if (shared && ::chmod((ws.root / ".hopper").c_str(), 02770) != 0)
    throw Error(Exit::config, fmt::format("cannot make '{}' group-writable", (ws.root / ".hopper").string()));
  std::ofstream out(ws.config());
  out << tpl.text;
  out.close();  // a full disk shows at the last write, not the first
  if (!out) throw Error(Exit::config, fmt::format("cannot write '{}': is the disk full?", ws.config().string()));
}

NewWorkspace::~NewWorkspace() {
  if (kept_) return;
  std::error_code ec;
  fs::remove(paths_.config(), ec);
  fs::remove_all(paths_.root / ".hopper", ec);
  if (made_root_) fs::remove(paths_.root, ec);  // only while empty
}

std::string display_path(const fs::path& path) {
  std::error_code ec;
  fs::path rel = fs::relative(path, fs::current_path(ec), ec);
  return ec || rel.empty() ? path.string() : rel.string();
}

std::optional<ServerStore> workspace_server(const Config& config) {
  if (config.store.url) return ServerStore{*config.store.url};
  const char* env = std::getenv("HOPPER_STORE");
  if (!env || !*env) return std::nullopt;
  if (auto problem = server_url_problem(env)) throw Error(Exit::config, fmt::format("HOPPER_STORE: {}", *problem));
  return ServerStore{env};
}

fs::path replace_rules_file(const WorkspacePaths& paths, const std::string& text) {
  fs::path old = paths.config(), kept = paths.root / "funnel.toml.before-import", next = paths.root / ".funnel.toml.new";
  auto write = [](const fs::path& to, const std::string& what, fs::perms mode) {
    {
      std::ofstream out(to, std::ios::binary | std::ios::trunc);
      out << what;
      out.close();
      if (!out) throw Error(Exit::config, fmt::format("cannot write '{}': is the disk full, or the folder read-only?", to.string()));
    }
    std::error_code ec;
    fs::permissions(to, mode, ec);
  };
  std::error_code ec;
  fs::perms mode = fs::status(old, ec).permissions();
  if (ec) mode = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read;
  write(kept, read_file(old), mode);
  write(next, text, mode);
  fs::rename(next, old, ec);
  if (ec) {
    fs::remove(next, ec);
    throw Error(Exit::config, fmt::format("cannot replace '{}': {}", old.string(), ec.message()));
  }
  return kept;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Exit::config, fmt::format("cannot read '{}'", path.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace hopper
