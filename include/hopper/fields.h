// Custom fields ([[field]] in funnel.toml), set with --set KEY=VALUE.
#pragma once
#include <string>
#include <vector>

#include "hopper/config.h"
#include "hopper/dates.h"
#include "hopper/records.h"

namespace hopper {

// Validates each KEY=VALUE against the field's type and stores it in its
// canonical form (money in minor units, dates ISO); an empty VALUE clears it.
// Returns the problems, one sentence each, for the caller's refusal.
std::vector<std::string> apply_field_settings(const Config& config, const std::string& entity, const std::vector<std::string>& settings,
                          Time now, Fields& fields);
// How a stored value reads for people (money with separators, percent with %).
std::string field_display(const FieldDef& def, const std::string& stored);

}  // namespace hopper
