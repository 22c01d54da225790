#include "hopper/fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "hopper/error.h"
#include "hopper/money.h"
#include "hopper/text.h"

namespace hopper {

static std::vector<std::string> keys_of(const Config& config, const std::string& entity) {
  std::vector<std::string> keys;
  for (const auto& f : config.fields)
    if (f.entity == entity) keys.push_back(f.key);
  return keys;
}

// The canonical stored form of a value, or Error(invalid) from the parsers.
static std::string canonical(const FieldDef& def, const std::string& value, Time now) {
  if (def.type == "money") return std::to_string(parse_money(value));
  if (def.type == "percent") {
    std::string shown = format_percent(parse_percent(value));  // "12.5%"
    return shown.substr(0, shown.size() - 1);
  }
  if (def.type == "date") return format_date(parse_date(value, now));
  if (def.type == "number") {
    static const std::regex re(R"(-?\d+(\.\d+)?)");
    if (!std::regex_match(value, re)) throw Error(Exit::invalid, fmt::format("'{}' is not a number", value));
    return value;
  }
  if (def.type == "choice" && std::find(def.choices.begin(), def.choices.end(), value) == def.choices.end())
    throw Error(Exit::invalid, fmt::format("'{}' is not one of {}", value, join(def.choices, ", ")));
  return value;
}

std::vector<std::string> apply_field_settings(const Config& config, const std::string& entity, const std::vector<std::string>& settings,
                          Time now, Fields& fields) {
  std::vector<std::string> problems;
  for (const auto& setting : settings) {
    auto eq = setting.find('=');
    if (eq == std::string::npos) {
      problems.push_back(fmt::format("--set '{}': use --set KEY=VALUE", setting));
      continue;
    }
    std::string key = setting.substr(0, eq), value = trim(setting.substr(eq + 1));
    const FieldDef* def = config.find_field(entity, key);
    if (!def) {
      auto known = keys_of(config, entity);
      problems.push_back(fmt::format("--set {}: no custom field '{}' for {} ([[field]] in funnel.toml; known: {})", key,
                                     key, entity, known.empty() ? "none" : join(known, ", ")));
      continue;
    }
    if (value.empty()) {
      fields.erase(key);
      continue;
    }
    try {
      fields[key] = canonical(*def, value, now);
    } catch (const Error& e) {
      problems.push_back(fmt::format("--set {} ({} {}): {}", key, def->name, def->type, e.what()));
    }
  }
  return problems;
}

std::string field_display(const FieldDef& def, const std::string& stored) {
  if (def.type == "money") return format_money(std::stoll(stored));
  if (def.type == "percent") return stored + "%";
  return stored;
}

}  // namespace hopper
