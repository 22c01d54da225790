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
// sql/postgresql/: the schema at version 6, then its roles and row-level
// security; a new server runs these, then every migration.
const std::vector<Script>& postgresql_scripts();
// sql/postgresql/v7.sql … : entry N moves a server from version N + 6 to N + 7.
inline constexpr int kPostgresqlBaseVersion = 6;
const std::vector<Script>& postgresql_migrations();

}  // namespace hopper::sql
