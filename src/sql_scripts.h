// The SQL files of sql/, compiled in (cmake/EmbedTexts.cmake): each
// backend's schema, migrations, triggers and policies.
#pragma once
#include <string>
#include <vector>

namespace hopper::sql {

struct Script {
  std::string name;
  std::string text;
};

// sql/sqlite/v1.sql … : entry N moves a workspace from version N to N + 1.
const std::vector<Script>& sqlite_migrations();
// sql/postgresql/: the schema, then its roles and row-level security.
const std::vector<Script>& postgresql_scripts();

}  // namespace hopper::sql
