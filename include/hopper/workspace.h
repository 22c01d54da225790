// A workspace: a directory holding funnel.toml and .hopper/hopper.db.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hopper/config.h"
#include "hopper/store.h"

namespace hopper {

struct Template {
  std::string name;
  std::string text;
};
// Compiled in from examples/templates (cmake/EmbedTexts.cmake).
const std::vector<Template>& templates();
const Template* find_template(const std::string& name);
// The template with its [workspace] name set to `name` (what reports show in
// their heading); Error(invalid) for a name that is empty, longer than a line
// or holds control characters.
Template named_template(const Template& tpl, const std::string& name);
// A TOML basic string: quoted, escaped.
std::string toml_string(const std::string& text);

struct WorkspacePaths {
  std::filesystem::path root;
  std::filesystem::path config() const { return root / "funnel.toml"; }
  std::filesystem::path database() const { return root / ".hopper" / "hopper.db"; }
};

// -C DIR, else $HOPPER_DIR, else the first directory upwards from the current
// one holding funnel.toml. Throws Error(config) with a hint to run init.
WorkspacePaths discover_workspace(const std::optional<std::string>& dir_option);

// A workspace being made: writes funnel.toml and .hopper/ (refusing to
// overwrite either). Unless keep() is called, the destructor removes all it
// made, so an init that fails half way (a full disk) leaves nothing behind.
// `shared` makes .hopper group-writable and setgid (02770), so a teammate can
// create the journal and WAL files beside the database and they keep the
// team's group.
class NewWorkspace {
 public:
  NewWorkspace(const std::filesystem::path& dir, const Template& tpl, bool shared = false);
  ~NewWorkspace();
  NewWorkspace(const NewWorkspace&) = delete;
  NewWorkspace& operator=(const NewWorkspace&) = delete;
  const WorkspacePaths& paths() const { return paths_; }
  void keep() { kept_ = true; }

 private:
  WorkspacePaths paths_;
  bool made_root_ = false;
  bool kept_ = false;
};

// The path as the user would type it from the current directory
// ("funnel.toml", "../funnel.toml"), for messages an editor can jump to.
std::string display_path(const std::filesystem::path& path);

std::string read_file(const std::filesystem::path& path);

// Replaces the workspace's funnel.toml with `text` whole or not at all (a
// file beside it, renamed over it, with the old one's mode), keeping the old
// rules as funnel.toml.before-import; returns that copy. Error(config) when
// either cannot be written.
std::filesystem::path replace_rules_file(const WorkspacePaths& paths, const std::string& text);

// The server a workspace's records live on: [store] url, else
// $HOPPER_STORE (for scripts and tests that run one funnel.toml against
// several servers); nullopt for the SQLite file.
std::optional<ServerStore> workspace_server(const Config& config);

}  // namespace hopper
