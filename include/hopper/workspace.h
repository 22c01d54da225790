// A workspace: a directory holding funnel.toml and .hopper/hopper.db.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hopper {

struct Template {
  std::string name;
  std::string text;
};
// Compiled in from examples/templates (cmake/EmbedTemplates.cmake).
const std::vector<Template>& templates();
const Template* find_template(const std::string& name);

struct WorkspacePaths {
  std::filesystem::path root;
  std::filesystem::path config() const { return root / "funnel.toml"; }
  std::filesystem::path database() const { return root / ".hopper" / "hopper.db"; }
};

// -C DIR, else $HOPPER_DIR, else the first directory upwards from the current
// one holding funnel.toml. Throws Error(config) with a hint to run init.
WorkspacePaths discover_workspace(const std::optional<std::string>& dir_option);

// Writes funnel.toml and creates .hopper/; refuses to overwrite either.
// Writes funnel.toml and .hopper/; `shared` makes .hopper group-writable and
// setgid (02770), so a teammate can create the journal and WAL files beside
// the database and they keep the team's group.
WorkspacePaths create_workspace(const std::filesystem::path& dir, const Template& tpl, bool shared = false);

// The path as the user would type it from the current directory
// ("funnel.toml", "../funnel.toml"), for messages an editor can jump to.
std::string display_path(const std::filesystem::path& path);

std::string read_file(const std::filesystem::path& path);

}  // namespace hopper
