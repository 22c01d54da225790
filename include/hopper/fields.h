// Custom fields ([[field]] in funnel.toml), set with --set KEY=VALUE.
#pragma once
#include <string>
#include <vector>

#include <cstdint>
#include <optional>

#include "hopper/config.h"
#include "hopper/error.h"
#include "hopper/dates.h"
#include "hopper/records.h"

namespace hopper {

// Validates each KEY=VALUE against the field's type and stores it in its
// canonical form (money in minor units, dates ISO); an empty VALUE clears it.
// Returns the problems, one sentence each, for the caller's refusal.
std::vector<FieldProblem> apply_field_settings(const Config& config, FieldEntity entity,
                                               const std::vector<std::string>& settings, Time now, Fields& fields);
// Stored values as their canonical forms read back; nullopt when they do not
// parse (the field's type changed in funnel.toml since they were stored).
std::optional<std::int64_t> parse_stored_integer(const std::string& stored);
std::optional<double> parse_stored_number(const std::string& stored);
// Why a stored value no longer fits its field's type, or nullopt when it does.
std::optional<std::string> stored_value_problem(const FieldDef& def, const std::string& stored);

}  // namespace hopper
