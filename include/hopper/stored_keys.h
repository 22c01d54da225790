// funnel.toml against the records: editing the rules never strands a record.
// `config check` lists keys records still use that the file no longer
// defines; `config rename` moves the stored keys to the file's new ones.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hopper/config.h"
#include "hopper/session.h"
#include "hopper/store.h"

namespace hopper {

std::string_view key_kind_name(KeyKind kind);
std::optional<KeyKind> parse_key_kind(std::string_view text);

// One sentence per stage, pipeline, layer, grade, segment or custom field
// that records use but funnel.toml no longer defines (with how many records
// and what to do), and per stored custom-field value that no longer parses
// as its field's type.
std::vector<std::string> stranded_records(const Config& config, Store& store);
// A rules file (`file`, as the message names it) that defines no
// [[pipeline]] while opportunities use pipelines: most likely cut short (a
// bad merge, a full disk), and the deals must not run on the built-in
// rules, their gates gone. Every command and config check refuse such a
// file (exit 7); the problem in words, or none.
std::optional<std::string> rules_cut_short(const Config& config, Store& store, const std::string& file);
// The stored keys behind the first part of it, and one as people read it:
// "stage 'won' of pipeline M (3 opportunities)".
std::vector<StoredKey> undefined_keys(const Config& config, Store& store);
std::string describe_stored_key(const StoredKey& key);

struct Renamed {
  KeyKind kind;
  std::string scope;  // the pipeline of a stage, the record kind of a field
  int records = 0;
};
// Moves every stored FROM to TO in one transaction (the caller's). TO must be
// defined in funnel.toml, so the file is edited first and the records follow;
// `pipeline` narrows a stage rename. Admins only.
std::vector<Renamed> rename_stored_key(Session& s, KeyKind kind, const std::string& from, const std::string& to,
                                       const std::optional<std::string>& pipeline);

}  // namespace hopper
