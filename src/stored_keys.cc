#include "hopper/stored_keys.h"

#include <fmt/format.h>

#include <algorithm>

#include "hopper/error.h"
#include "hopper/fields.h"
#include "hopper/text.h"

namespace hopper {
namespace {

const KeyKind kKeyKinds[] = {KeyKind::pipeline, KeyKind::stage,   KeyKind::layer,
                             KeyKind::grade,    KeyKind::segment, KeyKind::field};

bool has_stage(const Pipeline& p, const std::string& key) {
  return std::any_of(p.stages.begin(), p.stages.end(), [&](const Stage& st) { return st.key == key; });
}

// Whether funnel.toml defines the key in that scope.
bool defined(const Config& c, KeyKind kind, const std::string& scope, const std::string& key) {
  switch (kind) {
    case KeyKind::pipeline: return c.find_pipeline(key) != nullptr;
    case KeyKind::stage: {
      const Pipeline* p = c.find_pipeline(scope);
      return !p || has_stage(*p, key);  // an unknown pipeline is reported once, as a pipeline
    }
    case KeyKind::layer: return c.layer_index(key) >= 0 || key == c.abandoned.key;
    case KeyKind::grade: return c.has_grade(key);
    case KeyKind::segment: return c.has_segment(key);
    case KeyKind::field: {
      auto entity = kFieldEntities.parse(scope);
      return entity && c.find_field(*entity, key) != nullptr;
    }
  }
  return true;
}

std::string what_of(KeyKind kind, const std::string& scope, const std::string& key) {
  switch (kind) {
    case KeyKind::stage: return fmt::format("stage '{}' of pipeline {}", key, scope);
    case KeyKind::field: return fmt::format("{} field '{}'", scope, key);
    case KeyKind::grade: return fmt::format("grade '{}' ({}s)", key, scope);
    default: return fmt::format("{} '{}'", key_kind_name(kind), key);
  }
}

std::string records_of(KeyKind kind, const std::string& scope, int n) {
  std::string noun = kind == KeyKind::pipeline || kind == KeyKind::stage ? "opportunit"
                     : kind == KeyKind::field || kind == KeyKind::grade ? scope
                                                                        : "customer";
  if (noun == "opportunit") return fmt::format("{} opportunit{}", n, n == 1 ? "y" : "ies");
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace

std::string_view key_kind_name(KeyKind kind) {
  switch (kind) {
    case KeyKind::pipeline: return "pipeline";
    case KeyKind::stage: return "stage";
    case KeyKind::layer: return "layer";
    case KeyKind::grade: return "grade";
    case KeyKind::segment: return "segment";
    case KeyKind::field: return "field";
  }
  return "";
}

std::optional<KeyKind> parse_key_kind(std::string_view text) {
  for (KeyKind k : kKeyKinds)
    if (key_kind_name(k) == text) return k;
  return std::nullopt;
}

std::optional<std::string> rules_cut_short(const Config& config, Store& store, const std::string& file) {
  if (!config.built_in_pipelines) return std::nullopt;
  std::vector<std::string> used;
  int deals = 0;
  for (const StoredKey& k : store.stored_keys())
    if (k.kind == KeyKind::pipeline) used.push_back(k.key), deals += k.count;
  if (used.empty()) return std::nullopt;
  return fmt::format("{} defines no [[pipeline]], but {} opportunit{} use{} pipeline{} {}: a rules file cut short (a "
                     "bad merge, a full disk) must not run them on built-in rules. Restore it (git checkout, or the "
                     "last good copy) or define the pipelines again",
                     file, deals, deals == 1 ? "y" : "ies", deals == 1 ? "s" : "", used.size() == 1 ? "" : "s",
                     join(used, ", "));
}

std::vector<StoredKey> undefined_keys(const Config& config, Store& store) {
  std::vector<StoredKey> out;
  for (const StoredKey& k : store.stored_keys())
    if (!defined(config, k.kind, k.scope, k.key)) out.push_back(k);
  return out;
}

std::string describe_stored_key(const StoredKey& k) {
  return fmt::format("{} ({})", what_of(k.kind, k.scope, k.key), records_of(k.kind, k.scope, k.count));
}

std::vector<std::string> stranded_records(const Config& config, Store& store) {
  std::vector<std::string> problems;
  for (const StoredKey& k : undefined_keys(config, store))
    problems.push_back(fmt::format("{} is used by {} but funnel.toml no longer defines it; define it again, or rename "
                                   "it to a key the file defines: hopper config rename {} {} NEW",
                                   what_of(k.kind, k.scope, k.key), records_of(k.kind, k.scope, k.count),
                                   key_kind_name(k.kind), k.key));
  for (const FieldDef& def : config.fields)
    for (const auto& [value, n] : store.field_values(def.entity, def.key))
      if (auto why = stored_value_problem(def, value))
        problems.push_back(fmt::format("{} field '{}' is now a {}, but {} stored value{} {}; listings show it as "
                                       "stored: fix it with hopper {} edit REF --set {}=…",
                                       kFieldEntities.name(def.entity), def.key, kFieldTypes.name(def.type), n,
                                       n == 1 ? "" : "s", *why,
                                       def.entity == FieldEntity::opportunity ? "opp" : kFieldEntities.name(def.entity),
                                       def.key));
  return problems;
}

std::vector<Renamed> rename_stored_key(Session& s, KeyKind kind, const std::string& from, const std::string& to,
                                       const std::optional<std::string>& pipeline) {
  require_admin(s, "config rename");
  if (from == to) throw Error(Exit::usage, "the old and the new key are the same");
  if (pipeline && kind != KeyKind::stage) throw Error(Exit::usage, "--pipeline applies to stage renames only");
  // The scopes in which TO is defined: the records of FROM there move to it.
  std::vector<std::string> scopes;
  switch (kind) {
    case KeyKind::stage:
      for (const auto& p : s.config.pipelines)
        if ((!pipeline || p.key == *pipeline) && has_stage(p, to)) scopes.push_back(p.key);
      break;
    case KeyKind::field:
      for (const auto& [entity, name] : kFieldEntities.entries)
        if (s.config.find_field(entity, to)) scopes.emplace_back(name);
      break;
    default:
      if (defined(s.config, kind, "", to)) scopes.push_back("");
  }
  if (scopes.empty())
    throw Error(Exit::invalid, fmt::format("{} '{}' is not defined in funnel.toml{}; edit the file first so the records "
                                           "have somewhere to go (hopper config show)",
                                           key_kind_name(kind), to, pipeline ? " for pipeline " + *pipeline : ""));
  std::vector<Renamed> out;
  // Each record's change is in the event log; stage and layer history rows
  // are renamed too, so conversion and velocity replay under the new key.
  for (const auto& scope : scopes) out.push_back({kind, scope, s.store.rename_key(kind, scope, from, to)});
  return out;
}

}  // namespace hopper
