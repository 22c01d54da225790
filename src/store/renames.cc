// funnel.toml keys in the records: counting them and renaming them.
#include "hopper/store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

namespace {
// The records of a field entity are in the table of its name: table names
// come from that fixed list, never from input.
std::string_view entity_table(FieldEntity entity) { return kFieldEntities.name(entity); }
// The entity a field key's scope names (stored_keys writes it).
FieldEntity scope_entity(const std::string& scope) {
  if (auto entity = kFieldEntities.parse(scope)) return *entity;
  throw Error(Exit::internal, fmt::format("no record kind '{}' has custom fields", scope));
}
}  // namespace

std::vector<StoredKey> Store::stored_keys() {
  sql::Statement& st = statement(R"sql(
SELECT 0, '', pipeline, count(*) FROM opportunity GROUP BY pipeline
UNION ALL SELECT 1, pipeline, stage, count(*) FROM opportunity GROUP BY pipeline, stage
UNION ALL SELECT 2, '', layer, count(*) FROM customer GROUP BY layer
UNION ALL SELECT 3, 'customer', grade, count(*) FROM customer WHERE grade <> '' GROUP BY grade
UNION ALL SELECT 3, 'lead', grade, count(*) FROM lead WHERE grade <> '' GROUP BY grade
UNION ALL SELECT 4, '', segment, count(*) FROM customer GROUP BY segment)sql");
  std::vector<StoredKey> out;
  while (st.step())
    out.push_back({static_cast<KeyKind>(st.column(0).integer()), st.column(1).text(),
                   st.column(2).text(), st.column(3).integer()});
  // Custom fields' keys are read here rather than by the database's JSON
  // functions, which fail on a record whose fields are damaged (doctor
  // names those).
  for (const auto& [entity, name] : kFieldEntities.entries) {
    std::map<std::string, int> keys;
    sql::Statement& fields = statement(fmt::format("SELECT fields FROM {} WHERE fields <> '{{}}'", entity_table(entity)));
    while (fields.step())
      for (const auto& [key, value] : parse_fields(fields.column(0).text())) ++keys[key];
    for (const auto& [key, count] : keys) out.push_back({KeyKind::field, std::string(name), key, count});
  }
  return out;
}

std::vector<std::pair<std::string, int>> Store::field_values(FieldEntity entity, const std::string& key) {
  std::map<std::string, int> values;
  sql::Statement& st = statement(fmt::format("SELECT fields FROM {} WHERE fields <> '{{}}'", entity_table(entity)));
  while (st.step()) {
    Fields fields = parse_fields(st.column(0).text());
    if (auto found = fields.find(key); found != fields.end() && found->second != "null") ++values[found->second];
  }
  return {values.begin(), values.end()};
}

int Store::rename_key(KeyKind kind, const std::string& scope, const std::string& from, const std::string& to) {
  auto run = [&](const std::string& sql) {
    sql::Statement& st = statement(sql);
    if (st.index(":from")) st.bind(":from", from);
    if (st.index(":to")) st.bind(":to", to);
    if (st.index(":scope")) st.bind(":scope", scope);
    return st.exec();
  };
  switch (kind) {
    case KeyKind::pipeline:
      return run("UPDATE opportunity SET pipeline = :to WHERE pipeline = :from");
    case KeyKind::stage: {
      const char* in_scope = "(:scope = '' OR pipeline = :scope)";
      run(fmt::format(R"sql(
UPDATE history SET from_value = CASE WHEN from_value = :from THEN :to ELSE from_value END,
                   to_value = CASE WHEN to_value = :from THEN :to ELSE to_value END
WHERE subject_kind = 'opportunity' AND field = 'stage' AND (from_value = :from OR to_value = :from)
  AND subject_id IN (SELECT id FROM opportunity WHERE {}))sql", in_scope));
      return run(fmt::format("UPDATE opportunity SET stage = :to WHERE stage = :from AND {}", in_scope));
    }
    case KeyKind::layer:
      run(R"sql(
UPDATE history SET from_value = CASE WHEN from_value = :from THEN :to ELSE from_value END,
                   to_value = CASE WHEN to_value = :from THEN :to ELSE to_value END
WHERE subject_kind = 'customer' AND field = 'layer' AND (from_value = :from OR to_value = :from))sql");
      return run("UPDATE customer SET layer = :to WHERE layer = :from");
    case KeyKind::grade:
      return run("UPDATE customer SET grade = :to WHERE grade = :from") +
             run("UPDATE lead SET grade = :to WHERE grade = :from");
    case KeyKind::segment:
      return run("UPDATE customer SET segment = :to WHERE segment = :from");
    case KeyKind::field: {
      // Renamed here rather than by the database's JSON functions, which
      // fail on a record whose fields are damaged (doctor names those).
      std::vector<std::pair<Id, std::string>> renamed;
      sql::Statement& st = statement(fmt::format("SELECT id, fields FROM {} WHERE fields <> '{{}}'", entity_table(scope_entity(scope))));
      while (st.step()) {
        auto fields = nlohmann::json::parse(st.column(1).text(), nullptr, false);
        if (!fields.is_object() || !fields.contains(from) || fields[from].is_null()) continue;
        fields[to] = fields[from];
        fields.erase(from);
        renamed.emplace_back(st.column(0).int64(), fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }
      for (const auto& [id, fields] : renamed) {
        sql::Statement& update = statement(fmt::format("UPDATE {} SET fields = ? WHERE id = ?", entity_table(scope_entity(scope))));
        update.bind(1, fields);
        update.bind(2, id);
        update.exec();
      }
      return static_cast<int>(renamed.size());
    }
  }
  return 0;
}

}  // namespace hopper
