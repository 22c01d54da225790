// funnel.toml: the rules of a workspace. Every key of
// shared/funnel.example.toml is read here, with its documented default.
#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hopper/dates.h"
#include "hopper/names.h"
#include "hopper/records.h"

namespace hopper {

// The day weeks start on (week_start), as funnel.toml writes it.
inline constexpr NameTable<std::chrono::weekday, 7> kWeekdays{"weekday",
                                                              {{std::chrono::Monday, "monday"},
                                                               {std::chrono::Tuesday, "tuesday"},
                                                               {std::chrono::Wednesday, "wednesday"},
                                                               {std::chrono::Thursday, "thursday"},
                                                               {std::chrono::Friday, "friday"},
                                                               {std::chrono::Saturday, "saturday"},
                                                               {std::chrono::Sunday, "sunday"}}};

struct WorkspaceSettings {
  std::string name = "hopper";
  std::string currency = "CNY";
  std::optional<std::string> default_user;
  std::chrono::weekday week_start = std::chrono::Monday;
  unsigned fiscal_year_start_month = 1;
};

struct LeadRules {
  std::vector<std::string> required = {"name"};
  std::string phone_pattern = R"(^1[3-9]\d{9}$)";
  std::vector<std::string> duplicate_keys = {"phone", "email", "company"};
};

struct FollowupRules {
  std::vector<std::string> valid_types = {"call", "visit", "meeting", "email", "demo", "wechat"};
  unsigned min_chars = 8;
  std::vector<std::string> invalid_phrases = {"继续跟进", "暂无意向", "保持互动"};
};

struct Layer {
  std::string key;
  std::string name;
  std::optional<int> ideal_days;
  std::optional<double> ideal_rate;
  std::optional<int> ideal_holding;
};

struct AbandonedLayer {
  std::string key = "abandoned";
  std::string name = "放弃";
  int cool_days = 90;
};

// A stage's forecast category: how sure a deal in it is.
enum class Category { pipeline, best_case, commit };
inline constexpr NameTable<Category, 3> kCategories{
    "stage category", {{Category::pipeline, "pipeline"}, {Category::best_case, "best_case"}, {Category::commit, "commit"}}};

struct Stage {
  std::string key;
  std::string name;
  double probability = 0;
  Category category = Category::pipeline;
  std::optional<int> rotten_days;
  std::string exit;
  std::vector<std::string> required_actions;
  std::vector<std::string> required_fields;
};

struct Pipeline {
  std::string key;
  std::string name;
  bool sequential = false;
  bool allow_regress = true;
  std::vector<std::string> lost_reasons = {"price", "competitor", "no budget", "no decision", "other"};
  std::vector<Stage> stages;
};

// What a pool rule waits for: a valid follow-up, a won deal, repeat business.
enum class RecycleKind { no_followup, no_deal, no_repeat };
inline constexpr NameTable<RecycleKind, 3> kRecycleKinds{
    "pool rule kind",
    {{RecycleKind::no_followup, "no_followup"}, {RecycleKind::no_deal, "no_deal"}, {RecycleKind::no_repeat, "no_repeat"}}};

struct PoolRule {
  std::string name;
  RecycleKind kind = RecycleKind::no_followup;
  int days = 0;
  std::vector<std::string> segments;  // empty: every segment
  std::vector<std::string> grades;    // empty: every grade
};

struct StakeRules {
  std::optional<int> limit;  // default: 5 × pool capacity
  int complete_within_days = 7;
  std::vector<std::string> required_fields = {"contact", "phone"};
  bool route_inbound = true;
};

// Who may claim a recycled customer: anyone, or first its previous owner.
enum class AfterRelease { open, return_to_owner };
inline constexpr NameTable<AfterRelease, 2> kAfterRelease{
    "after_release", {{AfterRelease::open, "open"}, {AfterRelease::return_to_owner, "return-to-owner"}}};

// The most customers a rep may hold: [pool] capacity and a rep's own.
inline constexpr int kMaxCapacity = 1000000;

struct PoolSettings {
  int capacity = 50;
  std::vector<std::string> capacity_excludes = {"signed", "implemented"};
  int daily_claim_limit = 20;
  int cooldown_days = 30;
  AfterRelease after_release = AfterRelease::open;
  int warn_days = 3;
  double exempt_probability = 60;
  std::vector<PoolRule> rules;
  StakeRules stake;
  int stake_limit() const { return stake.limit ? *stake.limit : 5 * capacity; }
};

// Who gets both records of a forced duplicate: the owner of the earliest
// valid follow-up, of the most advanced open deal, or whom a manager names.
enum class ConflictPolicy { first_contact, progress, manager };
inline constexpr NameTable<ConflictPolicy, 3> kConflictPolicies{
    "conflict policy",
    {{ConflictPolicy::first_contact, "first-contact"}, {ConflictPolicy::progress, "progress"}, {ConflictPolicy::manager, "manager"}}};

struct ConflictSettings {
  ConflictPolicy policy = ConflictPolicy::first_contact;
  std::map<std::string, ConflictPolicy> by_segment;
  ConflictPolicy policy_for(const std::string& segment) const;
};

// Whom a pool customer goes to: the best seller lately, the next rep in
// turn, or the rep with the most free slots.
enum class AssignStrategy { top_seller, round_robin, balanced };
inline constexpr NameTable<AssignStrategy, 3> kAssignStrategies{
    "assign strategy",
    {{AssignStrategy::top_seller, "top-seller"}, {AssignStrategy::round_robin, "round-robin"}, {AssignStrategy::balanced, "balanced"}}};

struct AssignSettings {
  AssignStrategy strategy = AssignStrategy::top_seller;
  int top_seller_window_days = 90;
  bool own_discovery = true;
};

// [security]: on a shared machine, strict ties --as to the OS account and
// keeps clock overrides on writes for admins, so no rule can be dodged by
// borrowing a name or moving the clock.
struct SecuritySettings {
  bool strict = false;
};

// [store]: where the records live. Without url, the SQLite file
// .hopper/hopper.db; with it, a PostgreSQL server (libpq's URL or
// connection string). Never a password: funnel.toml is in version control,
// and libpq finds it in ~/.pgpass, PGPASSWORD or pg_service.conf.
struct StoreSettings {
  std::optional<std::string> url;
};

// [forecast]: --method historical trusts a stage's measured win rate only
// from this many closed deals that passed through it.
struct ForecastSettings {
  int min_sample = 20;
};

// What a custom field holds, and so how --set reads it and lists show it.
enum class FieldType { text, number, money, percent, date, choice };
inline constexpr NameTable<FieldType, 6> kFieldTypes{"field type",
                                                     {{FieldType::text, "text"},
                                                      {FieldType::number, "number"},
                                                      {FieldType::money, "money"},
                                                      {FieldType::percent, "percent"},
                                                      {FieldType::date, "date"},
                                                      {FieldType::choice, "choice"}}};

struct FieldDef {
  FieldEntity entity = FieldEntity::lead;
  std::string key;
  std::string name;
  FieldType type = FieldType::text;
  std::vector<std::string> choices;
};

struct Config {
  WorkspaceSettings workspace;
  std::vector<std::string> grades = {"A", "B", "C", "D"};
  std::map<std::string, std::string> grade_descriptions;
  std::vector<std::string> segments = {"SMB", "KA"};
  std::string default_segment = "SMB";
  LeadRules lead;
  FollowupRules followup;
  std::vector<Layer> layers;
  AbandonedLayer abandoned;
  std::vector<Pipeline> pipelines;
  bool built_in_pipelines = false;  // funnel.toml defines no [[pipeline]]: the built-in one stands in
  PoolSettings pool;
  ConflictSettings conflict;
  AssignSettings assign;
  SecuritySettings security;
  ForecastSettings forecast;
  StoreSettings store;
  std::vector<FieldDef> fields;

  Calendar calendar() const;
  // A layer by key or display name; nullptr when unknown.
  const Layer* find_layer(const std::string& key_or_name) const;
  // A pipeline by key; nullptr when unknown.
  const Pipeline* find_pipeline(const std::string& key) const;
  // Position in the funnel, or -1 (the abandoned layer is outside it).
  int layer_index(const std::string& key) const;  // includes the abandoned layer
  std::string layer_name(const std::string& key) const;
  const FieldDef* find_field(FieldEntity entity, const std::string& key) const;
  bool has_grade(const std::string& grade) const;
  bool has_segment(const std::string& segment) const;

  // What a filter or an argument names, by key or display name, as its key;
  // Error(invalid) listing the valid ones otherwise, so a typo never lists
  // nothing with exit 0. An empty text stays empty (no filter).
  std::string layer_key(const std::string& key_or_name) const;  // the abandoned layer too
  std::string pipeline_key(const std::string& key_or_name) const;
  // A stage of `pipeline`, or of any pipeline when it is empty.
  std::string stage_key(const std::string& pipeline, const std::string& key_or_name) const;
  std::string grade_key(const std::string& grade) const;
  std::string segment_key(const std::string& segment) const;
};

// One problem in funnel.toml, with its position (line 0 when unknown).
struct ConfigProblem {
  int line = 0;
  int column = 0;
  std::string message;
};

struct ConfigResult {
  Config config;
  std::vector<ConfigProblem> problems;
  bool ok() const { return problems.empty(); }
};

// Parses and checks TOML text; every problem is collected, not just the first.
ConfigResult parse_config(std::string_view toml_text);
// "funnel.toml:12:1: unknown key ..." lines, one per problem.
std::vector<std::string> format_problems(const std::vector<ConfigProblem>& problems, const std::string& file);

}  // namespace hopper
