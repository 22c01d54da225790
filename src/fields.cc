#include "hopper/fields.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "hopper/error.h"
#include "hopper/money.h"
#include "hopper/text.h"

namespace hopper {

static std::vector<std::string> keys_of(const Config& config, FieldEntity entity) {
  std::vector<std::string> keys;
  for (const auto& f : config.fields)
    if (f.entity == entity) keys.push_back(f.key);
  return keys;
}

// The canonical stored form of a value, or Error(invalid) from the parsers.
static std::string canonical(const Config& config, const FieldDef& def, const std::string& value, Time now) {
  if (def.type == FieldType::money) return std::to_string(parse_money(value, config.workspace.currency));
  if (def.type == FieldType::percent) {
    std::string shown = format_percent(parse_percent(value));  // "12.5%"
    return shown.substr(0, shown.size() - 1);
  }
  if (def.type == FieldType::date) return format_date(parse_date(value, now));
  if (def.type == FieldType::number) {
    static const re2::RE2 re(R"(-?\d{1,15}(\.\d{1,8})?)");
    if (!re2::RE2::FullMatch(value, re)) throw Error(Exit::invalid, fmt::format("'{}' is not a number", value));
    return value;
  }
  if (def.type == FieldType::choice && std::find(def.choices.begin(), def.choices.end(), value) == def.choices.end())
    throw Error(Exit::invalid, fmt::format("'{}' is not one of {}", value, join(def.choices, ", ")));
  return value;
}

std::vector<FieldProblem> apply_field_settings(const Config& config, FieldEntity entity,
                                               const std::vector<std::string>& settings, Time now, Fields& fields) {
  std::vector<FieldProblem> problems;
  for (const auto& setting : settings) {
    auto eq = setting.find('=');
    if (eq == std::string::npos) {
      problems.push_back({setting, "use --set KEY=VALUE", "--set"});
      continue;
    }
    std::string key = setting.substr(0, eq), value = trim(setting.substr(eq + 1));
    const FieldDef* def = config.find_field(entity, key);
    if (!def) {
      auto known = keys_of(config, entity);
      problems.push_back({key,
                          fmt::format("no custom field '{}' for {} ([[field]] in funnel.toml; known: {})", key,
                                      kFieldEntities.name(entity),
                                      known.empty() ? "none" : join(known, ", ")),
                          "--set " + key + ":"});
      continue;
    }
    if (value.empty()) {
      fields.erase(key);
      continue;
    }
    try {
      fields[key] = canonical(config, *def, value, now);
    } catch (const Error& e) {
      problems.push_back({key, fmt::format("({} {}): {}", def->name, kFieldTypes.name(def->type), e.what()), "--set " + key});
    }
  }
  return problems;
}

std::optional<std::int64_t> parse_stored_integer(const std::string& stored) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), v);
  if (ec != std::errc() || end != stored.data() + stored.size()) return std::nullopt;
  return v;
}

std::optional<double> parse_stored_number(const std::string& stored) {
  double v = 0;
  auto [end, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), v);
  if (ec != std::errc() || end != stored.data() + stored.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::string> stored_value_problem(const FieldDef& def, const std::string& stored) {
  bool fits = true;
  if (def.type == FieldType::money) fits = parse_stored_integer(stored).has_value();
  else if (def.type == FieldType::percent || def.type == FieldType::number) fits = parse_stored_number(stored).has_value();
  else if (def.type == FieldType::date) {
    try {
      fits = format_date(parse_date(stored, Time{})) == stored;
    } catch (const Error&) {
      fits = false;
    }
  } else if (def.type == FieldType::choice) {
    fits = std::find(def.choices.begin(), def.choices.end(), stored) != def.choices.end();
  }
  if (fits) return std::nullopt;
  return fmt::format("'{}' is not a {}{}", stored, kFieldTypes.name(def.type),
                     def.type == FieldType::choice ? " (choices: " + join(def.choices, ", ") + ")" : "");
}

}  // namespace hopper
