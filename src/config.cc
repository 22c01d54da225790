#include "hopper/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <re2/re2.h>
#include <set>
#include <toml++/toml.h>

#include "hopper/error.h"
#include "hopper/text.h"
#include "hopper/validation.h"

namespace hopper {
namespace {

struct Pos {
  int line = 0;
  int column = 0;
};

Pos pos_of(const toml::node& node) {
  return {static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column)};
}

template <class T>
struct Located {
  T value;
  Pos pos;
};

using Problems = std::vector<ConfigProblem>;

// Reads one TOML table: type-checks each key it is asked for, remembers which
// keys it knows, and reports the rest as unknown when done.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string path, Problems& problems)
      : table_(table), path_(std::move(path)), problems_(problems) {}
  ~TableReader() {
    for (auto&& [key, node] : table_) {
      if (known_.count(std::string(key.str()))) continue;
      Pos p{static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
      if (p.line == 0) p = pos_of(node);
      problem(p, fmt::format("unknown key '{}' in {}{}", key.str(), path_.empty() ? "the top level" : "[" + path_ + "]",
                             hint(key.str())));
    }
  }

  void problem(Pos p, std::string message) { problems_.push_back({p.line, p.column, std::move(message)}); }

  const toml::node* node(const std::string& key) {
    known_.insert(key);
    return table_.get(key);
  }

  std::optional<Located<std::string>> string(const std::string& key) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (!n->is_string()) return wrong_type(*n, key, "a string");
    return Located<std::string>{**n->as_string(), pos_of(*n)};
  }

  std::optional<Located<long long>> integer(const std::string& key, long long min, long long max) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (!n->is_integer()) return wrong_type(*n, key, "an integer");
    long long v = **n->as_integer();
    if (v < min || v > max) {
      problem(pos_of(*n), fmt::format("{} must be between {} and {}, not {}", name(key), min, max, v));
      return std::nullopt;
    }
    return Located<long long>{v, pos_of(*n)};
  }

  // Integers and floats both; for probabilities and rates. TOML's nan and
  // inf are floats too: NaN compares false with any bound, so it is refused
  // by name, and the bounds refuse an infinity.
  std::optional<double> number(const std::string& key, double min, double max) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    double v;
    if (n->is_integer()) v = static_cast<double>(**n->as_integer());
    else if (n->is_floating_point()) v = **n->as_floating_point();
    else return wrong_type(*n, key, "a number");
    if (std::isnan(v) || v < min || v > max) {
      problem(pos_of(*n), fmt::format("{} must be between {} and {}, not {}", name(key), min, max, v));
      return std::nullopt;
    }
    return v;
  }

  std::optional<bool> boolean(const std::string& key) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    if (!n->is_boolean()) return wrong_type(*n, key, "true or false");
    return **n->as_boolean();
  }

  std::optional<std::vector<Located<std::string>>> strings(const std::string& key) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    const toml::array* arr = n->as_array();
    if (!arr) return wrong_type(*n, key, "an array of strings");
    std::vector<Located<std::string>> out;
    for (const toml::node& item : *arr) {
      if (!item.is_string()) {
        problem(pos_of(item), fmt::format("{} must hold only strings", name(key)));
        continue;
      }
      out.push_back({**item.as_string(), pos_of(item)});
    }
    return out;
  }

  const toml::table* table(const std::string& key) {
    const toml::node* n = node(key);
    if (!n) return nullptr;
    if (!n->is_table()) return wrong_type(*n, key, "a table [" + key + "]"), nullptr;
    return n->as_table();
  }

  // [[key]]: an array of tables.
  std::vector<const toml::table*> tables(const std::string& key) {
    std::vector<const toml::table*> out;
    const toml::node* n = node(key);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables()) {
      wrong_type(*n, key, "an array of tables [[" + key + "]]");
      return out;
    }
    for (const toml::node& item : *arr) out.push_back(item.as_table());
    return out;
  }

  std::string name(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  Pos pos() const { return pos_of(table_); }
  std::string path() const { return path_; }

 private:
  std::nullopt_t wrong_type(const toml::node& n, const std::string& key, const std::string& expected) {
    problem(pos_of(n), fmt::format("{} must be {}", name(key), expected));
    return std::nullopt;
  }
  std::string hint(std::string_view unknown) const {
    if (known_.empty()) return "";
    std::vector<std::string> keys(known_.begin(), known_.end());
    return fmt::format(" (known keys: {}){}", fmt::join(keys, ", "), did_you_mean(unknown, keys));
  }

  const toml::table& table_;
  std::string path_;
  Problems& problems_;
  std::set<std::string> known_;
};

std::vector<std::string> values(const std::vector<Located<std::string>>& located) {
  std::vector<std::string> out;
  for (const auto& l : located) out.push_back(l.value);
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Reports each entry of `items` that is not in `allowed`.
void check_refs(TableReader& r, const std::vector<Located<std::string>>& items,
                const std::vector<std::string>& allowed, const std::string& what) {
  for (const auto& item : items)
    if (!contains(allowed, item.value))
      r.problem(item.pos, fmt::format("unknown {} '{}' (known: {})", what, item.value, fmt::join(allowed, ", ")));
}

void check_choice(TableReader& r, const std::optional<Located<std::string>>& v,
                  const std::vector<std::string>& allowed, const std::string& key) {
  if (v && !contains(allowed, v->value))
    r.problem(v->pos, fmt::format("{} must be one of {}, not '{}'", r.name(key), fmt::join(allowed, ", "), v->value));
}

// A value of a closed set: a problem listing the set when it is none of it.
template <class E, std::size_t N>
void assign_choice(TableReader& r, E& target, const std::optional<Located<std::string>>& v, const NameTable<E, N>& table,
                   const std::string& key) {
  check_choice(r, v, table.names(), key);
  if (auto value = v ? table.parse(v->value) : std::nullopt) target = *value;
}

template <class T, class U>
void assign(T& target, const std::optional<U>& v) {
  if (v) target = static_cast<T>(*v);
}
template <class T, class U>
void assign(T& target, const std::optional<Located<U>>& v) {
  if (v) target = static_cast<T>(v->value);
}
template <class T>
void assign(std::vector<std::string>& target, const std::optional<std::vector<Located<T>>>& v) {
  if (v) target = values(*v);
}

const std::vector<std::string> kLeadFields = {"name", "company", "contact", "phone", "email", "source", "grade"};
const std::vector<std::string> kCustomerProfileFields = {"contact", "phone", "email", "grade", "segment"};
const std::vector<std::string> kOpportunityFields = {"name", "amount", "close_date"};

std::vector<Layer> default_layers() {
  return {{"resource", "客户资源", 1, 100, {}}, {"graded", "已分级", 1, 90, 10},
          {"contacted", "已接触", 5, 50, 13},   {"lead", "有线索", 5, 30, 7},
          {"intent", "意向", 5, 10, 2},        {"signed", "签约", 5, {}, {}},
          {"implemented", "已实施", {}, {}, {}}};
}

std::vector<Pipeline> default_pipelines() {
  Pipeline p;
  p.key = "M";
  p.name = "New business";
  p.stages = {{"contact", "初步接触", 10, Category::pipeline, 14, "", {}, {}},
              {"proposal", "方案报价", 30, Category::pipeline, 21, "", {}, {}},
              {"negotiation", "商务谈判", 60, Category::best_case, 14, "", {}, {}},
              {"contract", "签订合同", 90, Category::commit, 7, "", {}, {}}};
  return {p};
}

class Parser {
 public:
  Parser(Config& c, Problems& p) : c_(c), p_(p) {}

  void read(const toml::table& root) {
    TableReader top(root, "", p_);
    if (auto* t = top.table("workspace")) read_workspace(*t);
    if (auto* t = top.table("grades")) read_grades(*t);
    if (auto* t = top.table("customer")) read_customer(*t);
    if (auto* t = top.table("lead")) read_lead(*t);
    if (auto* t = top.table("followup")) read_followup(*t);
    read_layers(top.tables("layer"));
    if (auto* t = top.table("abandoned")) read_abandoned(*t);
    read_fields(top.tables("field"));
    read_pipelines(top.tables("pipeline"));
    if (auto* t = top.table("pool")) read_pool(*t);
    if (auto* t = top.table("conflict")) read_conflict(*t);
    if (auto* t = top.table("assign")) read_assign(*t);
    if (auto* t = top.table("security")) read_security(*t);
    if (auto* t = top.table("forecast")) read_forecast(*t);
    if (auto* t = top.table("store")) read_store(*t);
  }

 private:
  void read_workspace(const toml::table& t) {
    TableReader r(t, "workspace", p_);
    assign(c_.workspace.name, r.string("name"));
    assign(c_.workspace.currency, r.string("currency"));
    if (auto v = r.string("default_user")) c_.workspace.default_user = v->value;
    assign_choice(r, c_.workspace.week_start, r.string("week_start"), kWeekdays, "week_start");
    assign(c_.workspace.fiscal_year_start_month, r.integer("fiscal_year_start_month", 1, 12));
  }

  void read_grades(const toml::table& t) {
    TableReader r(t, "grades", p_);
    if (auto order = r.strings("order")) {
      if (order->empty()) r.problem(r.pos(), "grades.order must name at least one grade");
      else c_.grades = values(*order);
    }
    if (auto* d = r.table("describe")) {
      for (auto&& [key, node] : *d) {
        std::string k(key.str());
        Pos p{static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
        if (!contains(c_.grades, k))
          r.problem(p, fmt::format("grades.describe names unknown grade '{}' (known: {})", k, fmt::join(c_.grades, ", ")));
        else if (!node.is_string())
          r.problem(pos_of(node), fmt::format("grades.describe.{} must be a string", k));
        else
          c_.grade_descriptions[k] = **node.as_string();
      }
    }
  }

  void read_customer(const toml::table& t) {
    TableReader r(t, "customer", p_);
    if (auto s = r.strings("segments")) {
      if (s->empty()) r.problem(r.pos(), "customer.segments must name at least one segment");
      else c_.segments = values(*s);
    }
    auto def = r.string("default_segment");
    check_choice(r, def, c_.segments, "default_segment");
    if (def) c_.default_segment = def->value;
    else if (!contains(c_.segments, c_.default_segment)) c_.default_segment = c_.segments.front();
  }

  void read_lead(const toml::table& t) {
    TableReader r(t, "lead", p_);
    if (auto v = r.strings("required")) {
      check_refs(r, *v, kLeadFields, "lead field");
      c_.lead.required = values(*v);
    }
    if (auto v = r.string("phone_pattern")) {
      re2::RE2 re(v->value, re2::RE2::Quiet);
      if (re.ok())
        c_.lead.phone_pattern = v->value;
      else
        r.problem(v->pos, fmt::format("lead.phone_pattern is not a valid regular expression (RE2 syntax): {}", re.error()));
    }
    if (auto v = r.strings("duplicate_keys")) {
      check_refs(r, *v, {"phone", "email", "company"}, "duplicate key");
      c_.lead.duplicate_keys = values(*v);
    }
  }

  void read_followup(const toml::table& t) {
    TableReader r(t, "followup", p_);
    assign(c_.followup.valid_types, r.strings("valid_types"));
    assign(c_.followup.min_chars, r.integer("min_chars", 0, 10000));
    assign(c_.followup.invalid_phrases, r.strings("invalid_phrases"));
  }

  void read_layers(const std::vector<const toml::table*>& tables) {
    if (tables.empty()) {
      c_.layers = default_layers();
      return;
    }
    for (const toml::table* t : tables) {
      TableReader r(*t, "layer", p_);
      Layer l;
      auto key = required_string(r, "key");
      assign(l.key, key);
      assign(l.name, r.string("name"));
      if (l.name.empty()) l.name = l.key;
      if (auto v = r.integer("ideal_days", 0, 3650)) l.ideal_days = static_cast<int>(v->value);
      if (auto v = r.number("ideal_rate", 0, 100)) l.ideal_rate = *v;
      if (auto v = r.integer("ideal_holding", 0, 100000)) l.ideal_holding = static_cast<int>(v->value);
      if (key && c_.find_layer(l.key)) r.problem(key->pos, fmt::format("layer '{}' is defined twice", l.key));
      if (key) c_.layers.push_back(l);
    }
  }

  void read_abandoned(const toml::table& t) {
    TableReader r(t, "abandoned", p_);
    auto key = r.string("key");
    if (key && c_.find_layer(key->value))
      r.problem(key->pos, fmt::format("abandoned.key '{}' is already a [[layer]] key", key->value));
    assign(c_.abandoned.key, key);
    assign(c_.abandoned.name, r.string("name"));
    assign(c_.abandoned.cool_days, r.integer("cool_days", 0, 36500));
  }

  void read_fields(const std::vector<const toml::table*>& tables) {
    for (const toml::table* t : tables) {
      TableReader r(*t, "field", p_);
      FieldDef f;
      auto entity = required_string(r, "entity");
      assign_choice(r, f.entity, entity, kFieldEntities, "entity");
      auto key = required_string(r, "key");
      assign(f.key, key);
      assign(f.name, r.string("name"));
      if (f.name.empty()) f.name = f.key;
      auto type = required_string(r, "type");
      assign_choice(r, f.type, type, kFieldTypes, "type");
      assign(f.choices, r.strings("choices"));
      if (f.type == FieldType::choice && f.choices.empty() && type)
        r.problem(type->pos, fmt::format("field '{}' is a choice but has no choices = [...]", f.key));
      bool known_entity = entity && kFieldEntities.parse(entity->value);
      if (key && known_entity && c_.find_field(f.entity, f.key))
        r.problem(key->pos, fmt::format("field '{}' is defined twice for {}", f.key, kFieldEntities.name(f.entity)));
      if (key && known_entity) c_.fields.push_back(f);
    }
  }

  void read_pipelines(const std::vector<const toml::table*>& tables) {
    if (tables.empty()) {
      c_.pipelines = default_pipelines();
      c_.built_in_pipelines = true;
      return;
    }
    std::vector<std::string> opp_fields = kOpportunityFields;
    for (const auto& f : c_.fields)
      if (f.entity == FieldEntity::opportunity) opp_fields.push_back(f.key);
    for (const toml::table* t : tables) {
      TableReader r(*t, "pipeline", p_);
      Pipeline pl;
      auto key = required_string(r, "key");
      assign(pl.key, key);
      assign(pl.name, r.string("name"));
      if (pl.name.empty()) pl.name = pl.key;
      assign(pl.sequential, r.boolean("sequential"));
      assign(pl.allow_regress, r.boolean("allow_regress"));
      assign(pl.lost_reasons, r.strings("lost_reasons"));
      for (const toml::table* st : r.tables("stage")) {
        TableReader sr(*st, "pipeline.stage", p_);
        Stage s;
        auto skey = required_string(sr, "key");
        assign(s.key, skey);
        assign(s.name, sr.string("name"));
        if (s.name.empty()) s.name = s.key;
        if (auto v = sr.number("probability", 0, 100)) s.probability = *v;
        else if (!sr.node("probability")) sr.problem(sr.pos(), fmt::format("stage '{}' needs a probability (0–100)", s.key));
        assign_choice(sr, s.category, sr.string("category"), kCategories, "category");
        if (auto v = sr.integer("rotten_days", 1, 3650)) s.rotten_days = static_cast<int>(v->value);
        assign(s.exit, sr.string("exit"));
        assign(s.required_actions, sr.strings("required_actions"));
        if (auto v = sr.strings("required_fields")) {
          check_refs(sr, *v, opp_fields, "opportunity field");
          s.required_fields = values(*v);
        }
        bool dup = std::any_of(pl.stages.begin(), pl.stages.end(), [&](const Stage& o) { return o.key == s.key; });
        if (skey && dup) sr.problem(skey->pos, fmt::format("stage '{}' is defined twice in pipeline '{}'", s.key, pl.key));
        if (skey) pl.stages.push_back(s);
      }
      if (pl.stages.empty()) r.problem(r.pos(), fmt::format("pipeline '{}' has no [[pipeline.stage]]", pl.key));
      bool dup = std::any_of(c_.pipelines.begin(), c_.pipelines.end(), [&](const Pipeline& o) { return o.key == pl.key; });
      if (key && dup) r.problem(key->pos, fmt::format("pipeline '{}' is defined twice", pl.key));
      if (key) c_.pipelines.push_back(pl);
    }
  }

  std::vector<std::string> layer_keys() const {
    std::vector<std::string> keys;
    for (const auto& l : c_.layers) keys.push_back(l.key);
    keys.push_back(c_.abandoned.key);
    return keys;
  }

  void read_pool(const toml::table& t) {
    TableReader r(t, "pool", p_);
    PoolSettings& pool = c_.pool;
    assign(pool.capacity, r.integer("capacity", 0, kMaxCapacity));
    if (auto v = r.strings("capacity_excludes")) {
      check_refs(r, *v, layer_keys(), "layer");
      pool.capacity_excludes = values(*v);
    }
    assign(pool.daily_claim_limit, r.integer("daily_claim_limit", 0, 1000000));
    assign(pool.cooldown_days, r.integer("cooldown_days", 0, 36500));
    assign_choice(r, pool.after_release, r.string("after_release"), kAfterRelease, "after_release");
    assign(pool.warn_days, r.integer("warn_days", 0, 3650));
    assign(pool.exempt_probability, r.number("exempt_probability", 0, 100));
    for (const toml::table* rt : r.tables("rule")) {
      TableReader rr(*rt, "pool.rule", p_);
      PoolRule rule;
      assign(rule.name, required_string(rr, "name"));
      assign_choice(rr, rule.kind, required_string(rr, "kind"), kRecycleKinds, "kind");
      if (auto v = rr.integer("days", 1, 36500)) rule.days = static_cast<int>(v->value);
      else if (!rr.node("days")) rr.problem(rr.pos(), fmt::format("pool rule '{}' needs days = N", rule.name));
      if (auto v = rr.strings("segments")) {
        check_refs(rr, *v, c_.segments, "segment");
        rule.segments = values(*v);
      }
      if (auto v = rr.strings("grades")) {
        check_refs(rr, *v, c_.grades, "grade");
        rule.grades = values(*v);
      }
      pool.rules.push_back(rule);
    }
    if (auto* st = r.table("stake")) {
      TableReader sr(*st, "pool.stake", p_);
      if (auto v = sr.integer("limit", 0, 10000000)) pool.stake.limit = static_cast<int>(v->value);
      assign(pool.stake.complete_within_days, sr.integer("complete_within_days", 0, 3650));
      if (auto v = sr.strings("required_fields")) {
        std::vector<std::string> allowed = kCustomerProfileFields;
        for (const auto& f : c_.fields)
          if (f.entity == FieldEntity::customer) allowed.push_back(f.key);
        check_refs(sr, *v, allowed, "customer field");
        pool.stake.required_fields = values(*v);
      }
      assign(pool.stake.route_inbound, sr.boolean("route_inbound"));
    }
  }

  void read_conflict(const toml::table& t) {
    TableReader r(t, "conflict", p_);
    assign_choice(r, c_.conflict.policy, r.string("policy"), kConflictPolicies, "policy");
    if (auto* seg = r.table("segment")) {
      for (auto&& [key, node] : *seg) {
        std::string k(key.str());
        Pos p{static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
        if (!contains(c_.segments, k)) {
          r.problem(p, fmt::format("conflict.segment names unknown segment '{}' (known: {})", k, fmt::join(c_.segments, ", ")));
        } else if (auto policy = node.is_string() ? kConflictPolicies.parse(**node.as_string()) : std::nullopt) {
          c_.conflict.by_segment[k] = *policy;
        } else {
          r.problem(pos_of(node),
                    fmt::format("conflict.segment.{} must be one of {}", k, fmt::join(kConflictPolicies.names(), ", ")));
        }
      }
    }
  }

  void read_assign(const toml::table& t) {
    TableReader r(t, "assign", p_);
    assign_choice(r, c_.assign.strategy, r.string("strategy"), kAssignStrategies, "strategy");
    assign(c_.assign.top_seller_window_days, r.integer("top_seller_window_days", 1, 36500));
    assign(c_.assign.own_discovery, r.boolean("own_discovery"));
  }

  void read_security(const toml::table& t) {
    TableReader r(t, "security", p_);
    assign(c_.security.strict, r.boolean("strict"));
  }

  void read_store(const toml::table& t) {
    TableReader r(t, "store", p_);
    auto url = r.string("url");
    if (!url) return;
    if (auto problem = server_url_problem(url->value)) r.problem(url->pos, "store.url: " + *problem);
    else c_.store.url = url->value;
  }

  void read_forecast(const toml::table& t) {
    TableReader r(t, "forecast", p_);
    assign(c_.forecast.min_sample, r.integer("min_sample", 1, 1000000));
  }

  std::optional<Located<std::string>> required_string(TableReader& r, const std::string& key) {
    auto v = r.string(key);
    if (!v && !r.node(key)) r.problem(r.pos(), fmt::format("[{}] needs {} = \"...\"", r.path(), key));
    if (v && v->value.empty()) {
      r.problem(v->pos, fmt::format("{} must not be empty", r.name(key)));
      return std::nullopt;
    }
    return v;
  }

  Config& c_;
  Problems& p_;
};

}  // namespace

ConflictPolicy ConflictSettings::policy_for(const std::string& segment) const {
  auto it = by_segment.find(segment);
  return it == by_segment.end() ? policy : it->second;
}

Calendar Config::calendar() const {
  Calendar cal;
  cal.fiscal_year_start_month = workspace.fiscal_year_start_month;
  cal.week_start = workspace.week_start;
  return cal;
}

const Layer* Config::find_layer(const std::string& key_or_name) const {
  for (const auto& l : layers)
    if (l.key == key_or_name || l.name == key_or_name) return &l;
  return nullptr;
}

int Config::layer_index(const std::string& key) const {
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].key == key) return static_cast<int>(i);
  return -1;
}

std::string Config::layer_name(const std::string& key) const {
  if (key == abandoned.key) return abandoned.name;
  const Layer* l = find_layer(key);
  return l ? l->name : key;
}

const FieldDef* Config::find_field(FieldEntity entity, const std::string& key) const {
  for (const auto& f : fields)
    if (f.entity == entity && f.key == key) return &f;
  return nullptr;
}

const Pipeline* Config::find_pipeline(const std::string& key) const {
  for (const auto& p : pipelines)
    if (p.key == key) return &p;
  return nullptr;
}

bool Config::has_grade(const std::string& grade) const { return contains(grades, grade); }
bool Config::has_segment(const std::string& segment) const { return contains(segments, segment); }

namespace {
[[noreturn]] void unknown_key(const std::string& what, const std::string& given, const std::vector<std::string>& valid) {
  throw Error(Exit::invalid, fmt::format("'{}' is not a {} of this workspace (valid: {}; see hopper config show){}",
                                         given, what, fmt::join(valid, ", "), did_you_mean(given, valid)));
}
}  // namespace

std::string Config::layer_key(const std::string& text) const {
  if (text.empty()) return text;
  if (text == abandoned.key || text == abandoned.name) return abandoned.key;
  if (const Layer* l = find_layer(text)) return l->key;
  std::vector<std::string> valid;
  for (const auto& l : layers) valid.push_back(l.key);
  valid.push_back(abandoned.key);
  unknown_key("layer", text, valid);
}

std::string Config::pipeline_key(const std::string& text) const {
  if (text.empty()) return text;
  std::vector<std::string> valid;
  for (const auto& p : pipelines) {
    if (p.key == text || p.name == text) return p.key;
    valid.push_back(p.key);
  }
  unknown_key("pipeline", text, valid);
}

std::string Config::stage_key(const std::string& pipeline, const std::string& text) const {
  if (text.empty()) return text;
  std::vector<std::string> valid;
  for (const auto& p : pipelines) {
    if (!pipeline.empty() && p.key != pipeline) continue;
    for (const auto& st : p.stages) {
      if (st.key == text || st.name == text) return st.key;
      if (!contains(valid, st.key)) valid.push_back(st.key);
    }
  }
  unknown_key(pipeline.empty() ? "stage" : "stage of pipeline " + pipeline, text, valid);
}

std::string Config::grade_key(const std::string& text) const {
  if (text.empty() || has_grade(text)) return text;
  unknown_key("grade", text, grades);
}

std::string Config::segment_key(const std::string& text) const {
  if (text.empty() || has_segment(text)) return text;
  unknown_key("segment", text, segments);
}

ConfigResult parse_config(std::string_view text) {
  ConfigResult result;
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& e) {
    result.problems.push_back({static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column),
                               std::string(e.description())});
    return result;
  }
  Parser(result.config, result.problems).read(root);
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const ConfigProblem& a, const ConfigProblem& b) { return a.line < b.line; });
  return result;
}

std::vector<std::string> format_problems(const std::vector<ConfigProblem>& problems, const std::string& file) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(fmt::format("{}:{}:{}: {}", file, p.line, p.column, p.message));
  return out;
}

}  // namespace hopper
