#include "hopper/doctor.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "hopper/pool.h"
#include "hopper/stored_keys.h"

namespace hopper {
namespace {

// Whether `read` takes the text without an Error.
template <class F>
bool reads(F&& read) {
  try {
    read();
    return true;
  } catch (const Error&) {
    return false;
  }
}

// Dates that are no dates, custom fields that are no JSON object, kinds of
// record that are none: what a hand edit or a damaged page leaves, and what
// the commands cannot read.
Checkup unreadable_values(Session& s, int limit) {
  using Form = StoredText::Form;
  Checkup out{"stored dates, kinds and custom fields read back", {}, true};
  s.store.each_stored_text([&](const StoredText& v) {
    if (static_cast<int>(out.problems.size()) >= limit) return;
    bool ok = v.form == Form::fields          ? nlohmann::json::parse(v.text, nullptr, false).is_object()
              : v.form == Form::time          ? reads([&] { parse_stored_time(v.text); })
              : v.form == Form::kind          ? reads([&] { kind_from_table(v.text); })
                                              : Store::audits(v.text);
    if (!ok)
      out.problems.push_back(fmt::format("{} {}: {} '{}' is not {}", v.table, v.id, v.column, v.text,
                                         v.form == Form::fields ? "a JSON object"
                                         : v.form == Form::time ? "a date"
                                         : v.form == Form::kind ? "a kind of record"
                                                                : "a table the log keeps"));
  });
  return out;
}

}  // namespace

std::vector<Checkup> examine_records(Session& s, int limit) {
  return {
      {"foreign keys", s.store.foreign_key_problems(limit), true},
      unreadable_values(s, limit),
      {"open deals follow their customer", s.store.deals_not_with_their_customer(limit)},
      {"stages match their history", s.store.stages_not_matching_history(limit)},
      {"every change has its event", s.store.changes_without_event(limit)},
      {"nothing owned by a rep who left", s.store.records_of_departed_reps(limit)},
  };
}

std::vector<Checkup> examine_workspace(Session& s, int limit) {
  std::vector<Checkup> out{{"database integrity", s.store.integrity_problems(limit), true}};
  for (auto& checkup : examine_records(s, limit)) out.push_back(std::move(checkup));
  out.push_back({"funnel.toml defines every key the records use", stranded_records(s.config, s.store)});
  Checkup capacity{"no rep over capacity", {}};
  for (const PoolStatus& p : pool_status(s))
    if (p.held > p.capacity)
      capacity.problems.push_back(fmt::format("{} holds {} customers, over a capacity of {}", p.rep.name, p.held, p.capacity));
  out.push_back(capacity);
  return out;
}

}  // namespace hopper
