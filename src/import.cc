#include "hopper/import.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/opportunities.h"
#include "hopper/reps.h"
#include "hopper/text.h"
#include "hopper/validation.h"

namespace hopper {
namespace {

const std::vector<std::string>& standard_fields(ImportKind kind) {
  static const std::vector<std::string> lead = {"name", "company", "contact", "phone", "email",
                                                "source", "grade", "owner", "created"};
  static const std::vector<std::string> customer = {"name",  "grade", "segment", "owner", "contact",
                                                    "phone", "email", "layer",   "created"};
  static const std::vector<std::string> opportunity = {"customer", "name",   "amount", "pipeline",    "stage",
                                                       "close",    "prob",   "status", "closed",      "lost_reason",
                                                       "owner",    "created"};
  static const std::vector<std::string> rep = {"name", "team", "role", "capacity"};
  switch (kind) {
    case ImportKind::lead: return lead;
    case ImportKind::customer: return customer;
    case ImportKind::opportunity: return opportunity;
    case ImportKind::rep: return rep;
  }
  return lead;
}

// The records whose custom fields a kind's rows set; reps have none.
std::optional<FieldEntity> entity_of(ImportKind kind) {
  switch (kind) {
    case ImportKind::lead: return FieldEntity::lead;
    case ImportKind::customer: return FieldEntity::customer;
    case ImportKind::opportunity: return FieldEntity::opportunity;
    case ImportKind::rep: return std::nullopt;
  }
  return std::nullopt;
}

// What messages call the records of a kind: "leads", "opportunities".
const char* entities_of(ImportKind kind) {
  switch (kind) {
    case ImportKind::lead: return "leads";
    case ImportKind::customer: return "customers";
    case ImportKind::opportunity: return "opportunities";
    case ImportKind::rep: return "reps";
  }
  return "leads";
}

Kind record_kind(ImportKind kind) {
  switch (kind) {
    case ImportKind::lead: return Kind::lead;
    case ImportKind::customer: return Kind::customer;
    case ImportKind::opportunity: return Kind::opportunity;
    case ImportKind::rep: return Kind::rep;
  }
  return Kind::lead;
}

bool is_date_field(const Config& config, ImportKind kind, const std::string& field) {
  auto entity = entity_of(kind);
  if (!entity) return false;
  if (field == "created" || field == "close" || field == "closed") return true;
  const FieldDef* def = config.find_field(*entity, field);
  return def && def->type == FieldType::date;
}

// A row: (field, value) for each mapped column, with what it came from.
struct Row {
  long line = 0;
  std::vector<std::pair<std::string, std::string>> values;
  std::vector<std::string> sources;     // the column (or JSON key) of each value; "" for a --default
  std::vector<std::string> csv_fields;  // the record as read, for the rejects file
  std::string json_text;
};

// "--map-value FIELD:VALUE=NEW" and "--default FIELD=VALUE", checked against
// the fields of the kind.
struct ValueMap {
  std::string field, from, to;  // `from` trimmed and lower-cased
};

// What the rows of a date column said, for the notes at the end: without
// --date-format the formats that read every value; with it, whether the
// values also read with day and month swapped.
struct DateColumn {
  long values = 0;
  long unread = 0;                      // without --date-format: not YYYY-MM-DD
  bool iso_seen = false;                // without: some value was YYYY-MM-DD
  std::optional<std::vector<std::string>> candidates;  // without: from the first unread value on
  bool a_date = false;                  // without: some form read the first unread value ("someday": none)
  bool swap_reads_all = true, swap_differs = false;  // with: every value reads swapped too, to another day
  std::vector<long> swap_only_lines;    // with: read only swapped (the first few)
  long swap_only = 0;
};

// Values a field did not take, counted, for the notes: the words a CRM
// writes for its stages, reps not in the workspace, customers not added yet.
struct UnknownValues {
  std::string field;
  std::vector<std::pair<std::string, long>> values;  // in the order met, at most kMaxShown
  long more = 0;
};

class Importer {
 public:
  Importer(Session& s, std::istream& in, const ImportOptions& o)
      : s_(s), o_(o), lines_(in, o.encoding, o.name == "-" ? "stdin" : o.name), fields_(import_fields(s.config, o.kind)) {
    for (const auto& m : o.map) {
      auto eq = m.find('=');
      if (eq == std::string::npos)
        throw Error(Exit::usage, fmt::format("--map '{}': use --map COLUMN=FIELD (an empty FIELD leaves the column out)", m));
      map_.emplace_back(m.substr(0, eq), checked_field("--map", m, trim(m.substr(eq + 1)), true));
    }
    // FIELD:VALUE=NEW; the last = splits, so a file's value may hold one.
    for (const auto& m : o.map_values) {
      auto colon = m.find(':'), eq = m.rfind('=');
      if (colon == std::string::npos || eq == std::string::npos || eq < colon)
        throw Error(Exit::usage, fmt::format("--map-value '{}': use --map-value FIELD:VALUE=NEW, such as "
                                             "'stage:Closed Won=won' or 'owner:Sarah Chen=sarah'",
                                             m));
      ValueMap v{checked_field("--map-value", m, trim(m.substr(0, colon)), false),
                 to_lower_ascii(trim(m.substr(colon + 1, eq - colon - 1))), trim(m.substr(eq + 1))};
      for (const auto& other : value_maps_)
        if (other.field == v.field && other.from == v.from && other.to != v.to)
          throw Error(Exit::usage, fmt::format("--map-value '{}': {} '{}' is already mapped to '{}'", m, v.field,
                                               m.substr(colon + 1, eq - colon - 1), other.to));
      value_maps_.push_back(std::move(v));
    }
    for (const auto& d : o.defaults) {
      auto eq = d.find('=');
      if (eq == std::string::npos)
        throw Error(Exit::usage, fmt::format("--default '{}': use --default FIELD=VALUE, such as lost_reason=other", d));
      std::string field = checked_field("--default", d, trim(d.substr(0, eq)), false);
      for (const auto& [other, value] : defaults_)
        if (other == field) throw Error(Exit::usage, fmt::format("--default '{}': {} has a default already", d, field));
      defaults_.emplace_back(field, trim(d.substr(eq + 1)));
    }
    if (!o.jsonl) {
      csv_.emplace(lines_);
      std::vector<std::string> header;
      if (!csv_->next(header)) throw Error(Exit::invalid, fmt::format("{}: the file is empty; it needs a header row", lines_.name()));
      header_ = header;
      for (const auto& column : header) {
        std::string field = field_of(column, csv_->line());
        auto same = std::find(columns_.begin(), columns_.end(), field);
        // Columns --map sends to one field fill it in turn (Won time, Lost
        // time: closed); two that only happen to share a name are a mistake.
        if (!field.empty() && same != columns_.end() && !(mapped(column) && mapped(header_[same - columns_.begin()])))
          throw Error(Exit::invalid, fmt::format("{}:{}: columns '{}' and '{}' both fill {}; leave one out (--map '{}=')",
                                                 lines_.name(), csv_->line(), header_[same - columns_.begin()], column,
                                                 field, column));
        columns_.push_back(field);
      }
      if (o.rejects) {
        for (const auto& column : header) *o.rejects << csv_quote(column) << ',';
        *o.rejects << "reason\n";
      }
    }
  }

  ImportResult run() {
    Row row;
    Time original_at = s_.at;
    while (next(row)) {
      ++result_.rows;
      if (problems_.empty()) {  // a row that does not even read right is not tried
        // Rows that go on while others are rejected must each be whole: a
        // savepoint undoes a bad one. Otherwise one bad row undoes all, and
        // the savepoints' journal would only cost time.
        if (o_.rejects) s_.store.savepoint();
        try {
          import_row(row);
          if (o_.rejects) s_.store.release_savepoint();
        } catch (const Error& e) {
          if (o_.rejects) s_.store.rollback_to_savepoint();
          if (e.problems().empty()) {
            std::string text = e.what();
            std::replace(text.begin(), text.end(), '\n', ' ');
            problems_.push_back({row.line, "", text});
          } else {
            for (const auto& p : e.problems()) problems_.push_back({row.line, column_of(p.field), p.text});
          }
        }
      }
      s_.at = original_at;
      if (!problems_.empty()) reject(row);
      if (o_.progress && result_.rows % 4096 == 0) o_.progress(lines_, result_.rows);
    }
    refuse_swapped_dates();
    result_.notes = notes();
    if (result_.rejected && !o_.rejects) {
      std::vector<std::string> items;
      for (const auto& p : result_.problems) items.push_back(format_problem(p));
      if (result_.problem_count > static_cast<long>(result_.problems.size()))
        items.push_back(fmt::format("… and {} more", result_.problem_count - static_cast<long>(result_.problems.size())));
      std::vector<std::string> lines = message_lines(fmt::format("{}: {} of {} rows {} invalid; nothing was imported:",
                                                                 lines_.name(), result_.rejected, result_.rows,
                                                                 result_.rejected == 1 ? "is" : "are"),
                                                     items);
      lines.insert(lines.end(), result_.notes.begin(), result_.notes.end());
      lines.push_back("fix them, or import the good rows with --skip-invalid --rejects FILE");
      throw Error(Exit::invalid, lines);
    }
    return result_;
  }

  std::string format_problem(const RowProblem& p) const {
    return p.column.empty() ? fmt::format("{}:{}: {}", lines_.name(), p.line, p.text)
                            : fmt::format("{}:{}: {}: {}", lines_.name(), p.line, p.column, p.text);
  }

 private:
  // The field a column fills: --map first, then the field of that name
  // (any case); "" leaves it out. Error(invalid) for a column nobody named.
  std::string field_of(const std::string& column, long line) {
    for (const auto& [from, to] : map_)
      if (from == column) return to;
    std::string key = to_lower_ascii(trim(column));
    if (std::find(fields_.begin(), fields_.end(), key) != fields_.end()) return key;
    if (o_.skip_unknown_columns) return "";
    throw Error(Exit::invalid, fmt::format("{}:{}: column '{}' is not a field of {}; map it (--map '{}=FIELD') or leave "
                                           "it out (--map '{}='); fields: {}",
                                           lines_.name(), line, column, entities_of(o_.kind), column, column,
                                           join(fields_, ", ")));
  }

  // The field an option names, checked: one of the kind's ("" only where
  // an empty one leaves a column out).
  std::string checked_field(const char* option, const std::string& text, const std::string& field,
                            bool empty_allowed) const {
    if ((empty_allowed && field.empty()) || std::find(fields_.begin(), fields_.end(), field) != fields_.end())
      return field;
    throw Error(Exit::invalid, fmt::format("{} '{}': '{}' is not a field of {} (fields: {})", option, text, field,
                                           entities_of(o_.kind), join(fields_, ", ")));
  }
  bool has_column(const std::string& field) const {
    return std::find(columns_.begin(), columns_.end(), field) != columns_.end();
  }
  bool mapped(const std::string& column) const {
    return std::any_of(map_.begin(), map_.end(), [&](const auto& m) { return m.first == column && !m.second.empty(); });
  }

  // The column a field came from, for messages.
  std::string column_of(const std::string& field) const {
    if (!o_.jsonl)
      for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i] == field) return header_[i];
    for (const auto& [from, to] : map_)
      if (to == field) return from;
    return field;
  }

  bool next(Row& row) {
    row.values.clear();
    problems_.clear();
    if (csv_) {
      if (!csv_->next(row.csv_fields)) return false;
      row.line = csv_->line();
      // Too few fields is as broken as too many: a field lost to a stray
      // quote or a cut line would shift into the wrong column unseen.
      if (row.csv_fields.size() != header_.size())
        problems_.push_back({row.line, "", fmt::format("{} field{}, but the header has {} column{}", row.csv_fields.size(),
                                                       row.csv_fields.size() == 1 ? "" : "s", header_.size(),
                                                       header_.size() == 1 ? "" : "s")});
      row.sources.clear();
      for (std::size_t i = 0; i < columns_.size(); ++i)
        if (!columns_[i].empty()) {
          row.values.emplace_back(columns_[i], i < row.csv_fields.size() ? row.csv_fields[i] : std::string());
          row.sources.push_back(header_[i]);
        }
      shape(row);
      return true;
    }
    do {
      if (!lines_.next(row.json_text)) return false;
    } while (trim(row.json_text).empty());
    row.line = lines_.line_number();
    // JSON keeps the last of two equal keys; a row that says two things is refused.
    std::set<std::string> keys;
    std::optional<std::string> twice;
    auto j = nlohmann::json::parse(
        row.json_text,
        [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
          if (depth == 1 && event == nlohmann::json::parse_event_t::key && !twice &&
              !keys.insert(parsed.get<std::string>()).second)
            twice = parsed.get<std::string>();
          return true;
        },
        false);
    row.sources.clear();
    if (!j.is_object())
      throw Error(Exit::invalid, fmt::format("{}:{}: not a JSON object; JSONL has one object per line", lines_.name(), row.line));
    if (twice)
      throw Error(Exit::invalid, fmt::format("{}:{}: key '{}' appears twice; give each field once", lines_.name(),
                                             row.line, *twice));
    for (auto& [key, value] : j.items()) {
      std::string field = field_of(key, row.line);
      if (field.empty()) continue;
      if (value.is_object() || value.is_array())
        throw Error(Exit::invalid, fmt::format("{}:{}: {}: a value must be text or a number", lines_.name(), row.line, key));
      auto same = std::find_if(row.values.begin(), row.values.end(), [&](const auto& v) { return v.first == field; });
      if (same != row.values.end() && !(mapped(key) && mapped(row.sources[same - row.values.begin()])))
        throw Error(Exit::invalid, fmt::format("{}:{}: two keys fill {}; leave one out (--map '{}=')", lines_.name(),
                                               row.line, field, key));
      row.values.emplace_back(field, value.is_string() ? value.get<std::string>() : value.is_null() ? "" : value.dump());
      row.sources.push_back(key);
    }
    shape(row);
    return true;
  }

  // The row's values as the fields take them: columns mapped to one field
  // merged, --map-value applied, --default filling what is empty, dates
  // observed for the notes; then the lengths checked.
  void shape(Row& row) {
    for (std::size_t i = 0; i < row.values.size(); ++i)
      for (std::size_t k = i + 1; k < row.values.size();) {
        if (row.values[k].first != row.values[i].first) {
          ++k;
          continue;
        }
        std::string a = trim(row.values[i].second), b = trim(row.values[k].second);
        if (!a.empty() && !b.empty() && a != b)
          problems_.push_back({row.line, row.values[i].first,
                               fmt::format("'{}' and '{}' both have a value ('{}', '{}'); it takes one", row.sources[i],
                                           row.sources[k], a, b)});
        if (a.empty()) {
          row.values[i].second = row.values[k].second;
          row.sources[i] = row.sources[k];
        }
        row.values.erase(row.values.begin() + static_cast<long>(k));
        row.sources.erase(row.sources.begin() + static_cast<long>(k));
      }
    for (auto& [field, value] : row.values) {
      std::string key = to_lower_ascii(trim(value));
      for (const auto& m : value_maps_)
        if (m.field == field && m.from == key) {
          value = m.to;
          break;
        }
    }
    for (const auto& [field, value] : defaults_) {
      auto at = std::find_if(row.values.begin(), row.values.end(), [&](const auto& v) { return v.first == field; });
      if (at == row.values.end()) {
        row.values.emplace_back(field, value);
        row.sources.emplace_back();
      } else if (trim(at->second).empty()) {
        at->second = value;
      }
    }
    for (const auto& [field, value] : row.values)
      if (is_date_field(s_.config, o_.kind, field)) observe_date(field, trim(value), row.line);
    check_values(row);
  }

  // Any value past what a record keeps (the add paths check one-line fields
  // more tightly), or holding a NUL byte, which no command line can carry.
  void check_values(const Row& row) {
    for (const auto& [field, value] : row.values) {
      if (auto p = length_problem(value, kMaxTextChars)) problems_.push_back({row.line, column_of(field), *p});
      if (auto p = nul_problem(value)) problems_.push_back({row.line, column_of(field), *p});
    }
  }

  void reject(const Row& row) {
    ++result_.rejected;
    result_.problem_count += static_cast<long>(problems_.size());
    for (const auto& p : problems_)
      if (result_.problems.size() < ImportResult::kMaxShown) result_.problems.push_back(p);
    if (!o_.rejects) return;
    std::vector<std::string> reasons;
    for (const auto& p : problems_) reasons.push_back(p.column.empty() ? p.text : p.column + ": " + p.text);
    std::string reason = fmt::format("line {}: {}", row.line, join(reasons, "; "));
    if (csv_) {
      for (std::size_t i = 0; i < header_.size(); ++i)
        *o_.rejects << csv_quote(i < row.csv_fields.size() ? row.csv_fields[i] : "") << ',';
      *o_.rejects << csv_quote(reason) << '\n';
    } else {
      auto j = nlohmann::json::parse(row.json_text, nullptr, false);
      if (!j.is_object()) j = nlohmann::json::object();
      j["reason"] = reason;
      *o_.rejects << j.dump() << '\n';
    }
  }

  std::optional<std::string> get(const Row& row, const char* field) const {
    for (const auto& [k, v] : row.values)
      if (k == field) return v;
    return std::nullopt;
  }
  std::optional<std::string> get_nonempty(const Row& row, const char* field) const {
    auto v = get(row, field);
    if (v && trim(*v).empty()) return std::nullopt;
    return v;
  }

  // A date column in the form of --date-format (a time of day after it
  // kept), as YYYY-MM-DD[THH:MM:SS]; without it, as written (hopper's forms).
  std::string iso_date(const std::string& field, const std::string& value) const {
    std::string v = trim(value);
    if (v.empty()) return v;
    if (o_.date_format.empty()) {
      // A file records what happened: a day, not "today" or "+3d".
      auto t = read_date_as(v, "%Y-%m-%d");
      if (!t)
        throw Error(Exit::invalid, "", {{field, fmt::format("'{}' is not a date in hopper's form (YYYY-MM-DD, a time "
                                                            "of day after it); --date-format reads others",
                                                            v)}});
      return date_text(*t);
    }
    auto t = read_date_as(v, o_.date_format);
    if (!t)
      throw Error(Exit::invalid, fmt::format("'{}' does not match --date-format {}", v, o_.date_format),
                  {{field, fmt::format("'{}' does not match --date-format {}", v, o_.date_format)}});
    return date_text(*t);
  }
  static std::string date_text(Time t) { return t == Time{date_of(t)} ? format_date(date_of(t)) : format_time(t); }

  // A date column read as a time, checked against the clock.
  Time parse_when(const std::string& field, const std::string& value) const {
    Time t;
    try {
      t = parse_time(iso_date(field, value), s_.now);
    } catch (const Error& e) {
      if (!e.problems().empty()) throw;
      throw Error(Exit::invalid, e.what(), {{field, e.what()}});
    }
    if (t > s_.now)
      throw Error(Exit::invalid, "", {{field, fmt::format("{} is later than the clock ({}): it records what already happened",
                                                          format_time(t), format_time(s_.now))}});
    return t;
  }

  // Custom fields as --set KEY=VALUE, dates in hopper's form; a date that
  // does not read waits in pending_ with the row's other problems.
  std::vector<std::string> settings(const Row& row) {
    std::vector<std::string> out;
    std::size_t standard = standard_fields(o_.kind).size();
    for (const auto& [k, v] : row.values) {
      if (std::find(fields_.begin() + static_cast<long>(standard), fields_.end(), k) == fields_.end()) continue;
      try {
        out.push_back(k + "=" + (is_date_field(s_.config, o_.kind, k) ? iso_date(k, v) : v));
      } catch (const Error& e) {
        pending_.insert(pending_.end(), e.problems().begin(), e.problems().end());
      }
    }
    return out;
  }

  // Values given by key or by display name, as keys; a value that is
  // neither waits in pending_ so the row's other problems are found too.
  std::optional<std::string> key_of(const Row& row, const char* field,
                                    const std::function<std::string(const std::string&)>& resolve) {
    return key_of(field, get_nonempty(row, field), resolve);
  }
  std::optional<std::string> key_of(const char* field, const std::optional<std::string>& value,
                                    const std::function<std::string(const std::string&)>& resolve) {
    if (!value) return value;
    try {
      return resolve(trim(*value));
    } catch (const Error& e) {
      note_unknown(field, trim(*value));
      pending_.push_back({field, e.what()});
      return std::nullopt;
    }
  }

  // An owner column's rep (active: records go to reps who work); one who is
  // not waits in pending_ and the notes, so a file's reps are listed at once.
  std::optional<std::string> known_rep(const std::string& name) {
    auto rep = s_.store.find_rep(name);
    if (rep && rep->active) return name;
    note_unknown("owner", name);
    pending_.push_back({"owner", rep ? fmt::format("rep '{}' has left this workspace", name)
                                     : fmt::format("'{}' is not a rep of this workspace", name)});
    return std::nullopt;
  }

  // A value the field did not take, for the notes at the end.
  void note_unknown(const std::string& field, const std::string& value) {
    auto u = std::find_if(unknown_.begin(), unknown_.end(), [&](const auto& x) { return x.field == field; });
    if (u == unknown_.end()) u = unknown_.insert(unknown_.end(), UnknownValues{field, {}, 0});
    auto v = std::find_if(u->values.begin(), u->values.end(), [&](const auto& x) { return x.first == value; });
    if (v != u->values.end()) ++v->second;
    else if (u->values.size() < ImportResult::kMaxShown) u->values.emplace_back(value, 1);
    else ++u->more;
  }

  // What a date column's values said (see DateColumn). A swapped format is
  // looked for only where both orders are written in the wild (%d/%m/%Y and
  // %m/%d/%Y), not in a year-first form nobody writes day-second.
  void observe_date(const std::string& field, const std::string& v, long line) {
    if (v.empty()) return;
    DateColumn& c = date_columns_[field];
    ++c.values;
    if (o_.date_format.empty()) {
      bool iso = read_date_as(v, "%Y-%m-%d").has_value();
      if (iso) c.iso_seen = true;
      else ++c.unread;
      if (!iso && !c.candidates) {  // from the first value hopper cannot read on: which forms read it
        c.candidates.emplace();
        for (const auto& f : common_date_formats())
          if (read_date_as(v, f)) c.candidates->push_back(f);
        c.a_date = !c.candidates->empty();
      } else if (c.candidates) {
        std::erase_if(*c.candidates, [&](const std::string& f) { return !read_date_as(v, f); });
      }
      return;
    }
    const std::string& swapped = swapped_format();
    if (swapped.empty()) return;
    auto as_given = read_date_as(v, o_.date_format), as_swapped = read_date_as(v, swapped);
    if (!as_swapped) c.swap_reads_all = false;
    else if (as_given && *as_given != *as_swapped) c.swap_differs = true;
    if (!as_given && as_swapped) {
      if (c.swap_only_lines.size() < 10) c.swap_only_lines.push_back(line);
      ++c.swap_only;
    }
  }
  const std::string& swapped_format() {
    if (!swapped_) {
      std::string f = swapped_day_month(o_.date_format);
      const auto& known = common_date_formats();
      swapped_ = std::find(known.begin(), known.end(), f) != known.end() ? f : "";
    }
    return *swapped_;
  }

  // A column whose dates read one way in some rows and only the other way in
  // others cannot be trusted, even when the bad rows would be set aside: a
  // day and month swapped unseen are lost data.
  void refuse_swapped_dates() const {
    for (const auto& [field, c] : date_columns_) {
      if (!c.swap_only) continue;
      std::vector<std::string> lines;
      for (long l : c.swap_only_lines) lines.push_back(std::to_string(l));
      if (c.swap_only > static_cast<long>(lines.size())) lines.push_back("…");
      throw Error(Exit::invalid,
                  fmt::format("{}: {}: {} date{} read{} only as '{}' (line{} {}), the others as --date-format '{}'{}: "
                              "day and month cannot be trusted in this column, and nothing was imported. Check the "
                              "file; if the column is written '{}', give --date-format '{}'",
                              lines_.name(), column_of(field), c.swap_only, c.swap_only == 1 ? "" : "s",
                              c.swap_only == 1 ? "s" : "", swapped_.value_or(""), c.swap_only == 1 ? "" : "s",
                              join(lines, ", "), o_.date_format,
                              c.swap_reads_all ? fmt::format(" (every one reads as '{}')", swapped_.value_or("")) : "",
                              swapped_.value_or(""), swapped_.value_or("")));
    }
  }

  // The notes of ImportResult: date columns and values no field took.
  std::vector<std::string> notes() const {
    std::vector<std::string> out;
    for (const auto& [field, c] : date_columns_) {
      std::string column = column_of(field);
      if (o_.date_format.empty() && c.unread && c.a_date) {
        std::vector<std::string> fits = c.candidates && !c.iso_seen ? *c.candidates : std::vector<std::string>{};
        for (auto& f : fits) f = "'" + f + "'";
        std::string what = fmt::format("{}: {} date{} not in hopper's form YYYY-MM-DD", column, c.unread,
                                       c.unread == 1 ? " is" : "s are");
        if (fits.empty())
          out.push_back(what + "; no one form reads the whole column (it mixes forms): give --date-format as "
                               "strptime(3) writes the column ('%d.%m.%Y') and fix the rows it does not read");
        else if (fits.size() == 1)
          out.push_back(fmt::format("{}; the whole column reads as --date-format {}", what, fits.front()));
        else
          out.push_back(fmt::format("{}; the whole column reads as --date-format {}: day, month and year cannot be "
                                    "told apart from the file, give the form it was written in",
                                    what, join(fits, " or ")));
      }
      if (!o_.date_format.empty() && c.values && c.swap_reads_all && c.swap_differs)
        out.push_back(fmt::format("{}: every date also reads as '{}' (no day above 12): check that --date-format '{}' "
                                  "is the file's",
                                  column, swapped_.value_or(""), o_.date_format));
    }
    std::string file = lines_.name() == "stdin" ? "FILE" : o_.name;
    std::string owner_column = column_of("owner");  // customers added from a deals file take the deals' owners
    if (owner_column == "owner" && !has_column("owner")) owner_column.clear();
    for (const auto& u : unknown_) {
      std::vector<std::string> values;
      for (const auto& [value, n] : u.values) values.push_back(fmt::format("'{}' ({} row{})", value, n, n == 1 ? "" : "s"));
      if (u.more) values.push_back(fmt::format("… and {} more", u.more));
      std::string column = column_of(u.field), quoted = column.find('\'') == std::string::npos ? column : "COLUMN";
      std::string hint;
      if (u.field == "owner")
        hint = fmt::format("not reps of this workspace: add them in one step (hopper rep import {} --map '{}=name' "
                           "--unknown-columns skip --on-duplicate skip), or map each to a rep (--map-value "
                           "'owner:NAME=REP')",
                           file, quoted);
      else if (u.field == "customer")
        hint = fmt::format("no customer has that name: add them first (hopper customer import {} --map '{}=name'{} "
                           "--unknown-columns skip --on-duplicate skip)",
                           file, quoted, owner_column.empty() ? "" : " --map '" + owner_column + "=owner'");
      else if (u.field == "status")
        hint = "a status is open, won or lost: --map-value 'status:VALUE=won'";
      else if (u.field == "stage")
        hint = "map each to a stage (key or name), or to won or lost where the file writes the result in the stage: "
               "--map-value 'stage:VALUE=KEY'";
      else
        hint = fmt::format("map each to one this workspace has: --map-value '{}:VALUE=KEY' (hopper config show)", u.field);
      std::string label = column == u.field ? column : fmt::format("{} ({})", column, u.field);
      out.push_back(fmt::format("{}: {}; {}", label, join(values, ", "), hint));
    }
    return out;
  }

  // Runs the add (or update) of a row, with the problems found before it:
  // all of them are reported, and the row is undone when there are any.
  template <class Add>
  void checked(Add&& add) {
    try {
      add();
    } catch (const Error& e) {
      if (pending_.empty()) throw;
      std::vector<FieldProblem> all = pending_;
      if (e.problems().empty()) all.push_back({"", e.what()});
      all.insert(all.end(), e.problems().begin(), e.problems().end());
      throw Error(Exit::invalid, "", all);
    }
    if (!pending_.empty()) throw Error(Exit::invalid, "", pending_);
  }

  // Keeps a problem found before the add with the row's others (see checked).
  void keep(const Error& e) {
    if (e.problems().empty()) pending_.push_back({"", e.what()});
    else pending_.insert(pending_.end(), e.problems().begin(), e.problems().end());
  }

  void import_row(const Row& row) {
    pending_.clear();
    if (auto created = get_nonempty(row, "created")) {
      try {
        s_.at = parse_when("created", *created);
      } catch (const Error& e) {
        keep(e);
      }
    }
    switch (o_.kind) {
      case ImportKind::lead: return import_lead(row);
      case ImportKind::customer: return import_customer(row);
      case ImportKind::opportunity: return import_opportunity(row);
      case ImportKind::rep: return import_rep(row);
    }
  }

  // A duplicate named for people: a row of this file, or the record.
  std::string duplicate_text(const DuplicateMatch& m) const {
    const auto& first = result_.first;
    if (first && m.ref.kind == first->kind && m.ref.id >= first->id &&
        m.ref.id - first->id < static_cast<Id>(added_lines_.size()))
      return fmt::format("{} {} is already on line {} of this file", m.key, m.value,
                         added_lines_[static_cast<std::size_t>(m.ref.id - first->id)]);
    if (m.ref.kind == Kind::opportunity)
      return fmt::format("{} already has a deal named {} ({})", m.where, m.value, make_ref(m.ref.kind, m.ref.id));
    if (m.ref.kind == Kind::rep) return fmt::format("{} is already a rep ({})", m.value, make_ref(m.ref.kind, m.ref.id));
    return fmt::format("{} {} is already {} {} (owner {})", m.key, m.value, make_ref(m.ref.kind, m.ref.id), m.name,
                       owner_label(m.owner));
  }

  // skip / update / fail a row that duplicates `matches`; true when handled.
  template <class Update>
  bool handle_duplicates(const std::vector<DuplicateMatch>& matches, const char* name_field, Update&& update) {
    if (matches.empty()) return false;
    if (o_.on_duplicate == OnDuplicate::skip) {
      ++result_.skipped;
      return true;
    }
    if (o_.on_duplicate == OnDuplicate::update) {
      bool one = std::all_of(matches.begin(), matches.end(), [&](const auto& m) { return m.ref == matches.front().ref; });
      if (one && matches.front().ref.kind == added_kind_) {
        update(matches.front().ref.id);
        ++result_.updated;
        return true;
      }
    }
    std::vector<FieldProblem> problems;
    for (const auto& m : matches) problems.push_back({m.key == "company" ? name_field : m.key, duplicate_text(m)});
    std::string hint = o_.on_duplicate == OnDuplicate::update ? "it matches more than one record, or one of another kind"
                                                             : "--on-duplicate skip|update";
    problems.back().text += " (" + hint + ")";
    throw Error(Exit::conflict, "duplicate", problems);
  }

  // Records added in one transaction get rising ids: the first is the lowest.
  void added(Id id, long line) {
    Ref ref{added_kind_, id};
    if (!result_.first) result_.first = ref;
    result_.last = ref;
    ++result_.added;
    auto index = static_cast<std::size_t>(id - result_.first->id);
    if (index >= added_lines_.size()) added_lines_.resize(index + 1, 0);
    added_lines_[index] = line;
  }

  void import_lead(const Row& row) {
    LeadInput in;
    in.name = get(row, "name");
    in.company = get(row, "company");
    in.contact = get(row, "contact");
    in.phone = get(row, "phone");
    in.email = get(row, "email");
    in.source = get(row, "source");
    in.grade = key_of(row, "grade", [&](const std::string& v) { return s_.config.grade_key(v); });
    in.owner = get_nonempty(row, "owner");
    if (in.owner) in.owner = known_rep(trim(*in.owner));
    in.settings = settings(row);
    Id id = 0;  // counted only once the row is whole
    checked([&] {
      LeadDuplicates found = lead_duplicates(s_, in);
      if (handle_duplicates(found.matches, "company", [&](Id existing) { edit_lead(s_, existing, in); })) return;
      id = add_lead(s_, in, false, &found).lead.id;
    });
    if (id) added(id, row.line);
  }

  void import_customer(const Row& row) {
    CustomerInput in;
    in.name = get(row, "name");
    in.grade = key_of(row, "grade", [&](const std::string& v) { return s_.config.grade_key(v); });
    in.segment = key_of(row, "segment", [&](const std::string& v) { return s_.config.segment_key(v); });
    in.layer = key_of(row, "layer", [&](const std::string& v) { return s_.config.layer_key(v); });
    in.contact = get(row, "contact");
    in.phone = get(row, "phone");
    in.email = get(row, "email");
    in.settings = settings(row);
    // An owner column decides: a rep, or empty / "pool" for the shared pool.
    if (auto owner = get(row, "owner")) {
      std::string o = trim(*owner);
      if (o.empty() || o == "pool") in.to_pool = true;
      else in.owner = known_rep(o);
    }
    Id id = 0;
    checked([&] {
      if (handle_duplicates(customer_duplicates(s_, in), "name", [&](Id existing) {
            CustomerInput edit = in;
            edit.layer.reset();  // a layer moves with customer move, not by import
            edit_customer(s_, existing, edit);
          }))
        return;
      id = add_customer(s_, in, true).customer.id;
    });
    if (id) added(id, row.line);
  }

  Id customer_of(const Row& row) {
    auto text = get_nonempty(row, "customer");
    if (!text) throw Error(Exit::invalid, "customer is required", {{"customer", "is required: a ref (C12) or the exact name"}});
    std::string t = trim(*text);
    if (t.size() > 1 && (t[0] == 'C' || t[0] == 'c') && std::all_of(t.begin() + 1, t.end(), ::isdigit)) {
      Id id = parse_ref(t).id;
      if (!s_.store.find_customer(id)) throw Error(Exit::not_found, "", {{"customer", fmt::format("no customer {}", t)}});
      return id;
    }
    auto ids = s_.store.customers_named(t);
    if (ids.empty()) {
      note_unknown("customer", t);
      throw Error(Exit::not_found, "", {{"customer", fmt::format("no customer is named '{}' (give the exact name or its ref)", t)}});
    }
    if (ids.size() > 1) {
      std::vector<std::string> refs;
      for (Id id : ids) refs.push_back(make_ref(Kind::customer, id));
      throw Error(Exit::invalid, "", {{"customer", fmt::format("{} customers are named '{}' ({}); give the ref", ids.size(), t,
                                                               join(refs, ", "))}});
    }
    return ids.front();
  }

  void import_opportunity(const Row& row) {
    Id customer = 0;
    try {
      customer = customer_of(row);
    } catch (const Error& e) {
      keep(e);
    }
    OpportunityInput in;
    in.name = get(row, "name");
    in.amount = get(row, "amount");
    in.pipeline = key_of(row, "pipeline", [&](const std::string& v) { return s_.config.pipeline_key(v); });
    // The status: its column, or the stage where the file writes the result
    // there (Closed Won, 赢单: --map-value 'stage:赢单=won'), unless the
    // pipeline has a stage of that name.
    std::optional<DealStatus> status = DealStatus::open;
    if (auto text = get_nonempty(row, "status")) {
      status = parse_deal_status(trim(*text));
      if (!status) {
        note_unknown("status", trim(*text));
        pending_.push_back({"status", fmt::format("'{}' is not open, won or lost", trim(*text))});
      }
    }
    std::optional<std::string> stage = get_nonempty(row, "stage");
    if (stage) {
      auto result = parse_deal_status(trim(*stage));
      const Pipeline* p = in.pipeline ? s_.config.find_pipeline(*in.pipeline) : &s_.config.pipelines.front();
      bool a_stage = p && std::any_of(p->stages.begin(), p->stages.end(), [&](const Stage& st) {
                       return st.key == trim(*stage) || st.name == trim(*stage);
                     });
      if (result && *result != DealStatus::open && !a_stage) {
        if (get_nonempty(row, "status") && status && *status != *result)
          pending_.push_back({"status", fmt::format("is {}, but the stage says {}", kDealStatuses.name(*status),
                                                    kDealStatuses.name(*result))});
        status = result;
        stage.reset();  // the last open stage is not in the file: the first
      }
    }
    in.stage = key_of("stage", stage, [&](const std::string& v) { return s_.config.stage_key(in.pipeline.value_or(""), v); });
    if (auto close = get(row, "close")) {
      try {
        in.close_date = iso_date("close", *close);
      } catch (const Error& e) {
        keep(e);
      }
    }
    in.probability = get_nonempty(row, "prob");
    in.settings = settings(row);
    bool closed_deal = status && *status != DealStatus::open;
    Id id = 0;
    checked([&] {
      if (!customer) return;  // its problem is kept: nothing to add the deal to
      // A closed deal closed on its close date when the file has no other.
      std::optional<Time> closed;
      if (auto text = get_nonempty(row, "closed")) closed = parse_when("closed", *text);
      else if (auto close = get_nonempty(row, "close"); close && closed_deal) closed = parse_when("close", *close);
      if (closed_deal && !closed)
        throw Error(Exit::invalid, "", {{"closed", fmt::format("is required for a {} deal: the date it closed (or a "
                                                               "close date)",
                                                               kDealStatuses.name(*status))}});
      if (closed && !get_nonempty(row, "created")) s_.at = std::min(s_.at, *closed);  // added no later than closed
      if (closed && *closed < s_.at)
        throw Error(Exit::invalid, "", {{"closed", "is before created"}});
      std::string lost_reason = trim(get(row, "lost_reason").value_or(""));
      if (status == DealStatus::lost && lost_reason.empty())
        throw Error(Exit::invalid, "", {{"lost_reason", "is required for a lost deal (a file without reasons: "
                                                        "--default lost_reason=other)"}});
      std::optional<Rep> closer = owner_of_row(row, customer, closed_deal);

      if (in.name) {
        if (auto existing = s_.store.opportunity_named(customer, trim(*in.name))) {
          std::vector<DuplicateMatch> same{{{Kind::opportunity, *existing}, trim(*in.name), "",
                                          make_ref(Kind::customer, customer), "name", trim(*in.name)}};
          OpportunityInput edit;
          edit.amount = in.amount;
          edit.close_date = in.close_date;
          edit.settings = in.settings;
          if (handle_duplicates(same, "name", [&](Id same_id) { edit_opportunity(s_, same_id, edit); })) return;
        }
      }
      // An imported deal is history, not a move: it starts where the file
      // says; the gates it passes are named in its history.
      std::string from = fmt::format("imported from {}:{}", lines_.name(), row.line);
      MoveOptions imported{true, from};
      Opportunity o = add_opportunity(s_, customer, in, imported);
      if (closed_deal) {
        s_.at = *closed;
        if (status == DealStatus::won) {
          win_opportunity(s_, o.id, std::nullopt, imported);
        } else {
          const Pipeline& p = pipeline_of(s_.config, o);
          if (std::find(p.lost_reasons.begin(), p.lost_reasons.end(), lost_reason) == p.lost_reasons.end()) {
            note_unknown("lost_reason", lost_reason);
            throw Error(Exit::invalid, "", {{"lost_reason", fmt::format("'{}' is not a lost reason of pipeline {} "
                                                                        "(lost_reasons: {})",
                                                                        lost_reason, p.key, join(p.lost_reasons, ", "))}});
          }
          lose_opportunity(s_, o.id, lost_reason);
        }
        if (closer && closer->id != o.owner_id) credit_closed_deal(s_, o.id, *closer, from);
      }
      id = o.id;
    });
    if (id) added(id, row.line);
  }

  // The owner column of a deal: for a closed one the rep who closed it (one
  // who left too); an open one goes with its customer, so it may only name
  // the customer's owner.
  std::optional<Rep> owner_of_row(const Row& row, Id customer, bool closed_deal) {
    std::string owner = trim(get(row, "owner").value_or(""));
    if (owner.empty()) return std::nullopt;
    if (closed_deal) {
      auto rep = s_.store.find_rep(owner);
      if (!rep) {
        note_unknown("owner", owner);
        pending_.push_back({"owner", fmt::format("'{}' is not a rep of this workspace (the rep who closed the deal)", owner)});
      }
      return rep;
    }
    Customer c = load_customer(s_, customer);
    std::string cref = make_ref(Kind::customer, c.id);
    if (owner != c.owner)
      pending_.push_back({"owner", fmt::format("{} is {}'s customer, and an open deal goes with its customer: leave "
                                               "owner empty, or give {} to {} first (hopper customer edit {} --owner {})",
                                               cref, owner_label(c.owner), cref, owner, cref, owner)});
    return std::nullopt;
  }

  void import_rep(const Row& row) {
    std::string name = trim(get(row, "name").value_or(""));
    RepInput in;
    if (auto team = get(row, "team")) in.team = trim(*team);
    if (auto role = get_nonempty(row, "role")) in.role = to_lower_ascii(trim(*role));
    if (auto capacity = get_nonempty(row, "capacity")) {
      std::string text = trim(*capacity);
      int n = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (error != std::errc() || end != text.data() + text.size() || n < 0)
        pending_.push_back({"capacity", fmt::format("'{}' is not a number of customers (0 or more)", text)});
      else in.capacity = n;
    }
    if (name.empty()) throw Error(Exit::invalid, "", {{"name", "is required: the rep's name, as --as takes it"}});
    Id id = 0;
    checked([&] {
      if (auto existing = s_.store.find_rep(name)) {
        std::vector<DuplicateMatch> same{{{Kind::rep, existing->id}, name, "", "", "name", name}};
        if (handle_duplicates(same, "name", [&](Id) { edit_rep(s_, name, in); })) return;
      }
      id = add_rep(s_, name, in).id;
    });
    if (id) added(id, row.line);
  }

  Session& s_;
  const ImportOptions& o_;
  TextLines lines_;
  std::optional<CsvReader> csv_;
  std::vector<std::string> fields_;
  std::vector<std::pair<std::string, std::string>> map_;
  std::vector<ValueMap> value_maps_;
  std::vector<std::pair<std::string, std::string>> defaults_;  // field, value
  std::map<std::string, DateColumn> date_columns_;              // by field
  std::optional<std::string> swapped_;                          // --date-format's, "" when none is written
  std::vector<UnknownValues> unknown_;
  std::vector<std::string> header_, columns_;  // CSV: each column's field ("" left out)
  std::vector<RowProblem> problems_;           // of the row being read
  std::vector<FieldProblem> pending_;          // of the row being imported, found before its add
  ImportResult result_;
  Kind added_kind_ = record_kind(o_.kind);
  std::vector<long> added_lines_;  // by id − first id: the line each added record came from
};

}  // namespace

std::vector<std::string> import_fields(const Config& config, ImportKind kind) {
  std::vector<std::string> fields = standard_fields(kind);
  auto entity = entity_of(kind);
  if (!entity) return fields;
  for (const auto& f : config.fields)
    if (f.entity == *entity) fields.push_back(f.key);
  return fields;
}

ImportResult import_records(Session& s, std::istream& in, const ImportOptions& options) {
  if (options.kind == ImportKind::rep) require_admin(s, "importing reps");
  else if (options.kind != ImportKind::lead) require_manager(s, fmt::format("importing {}", entities_of(options.kind)));
  return Importer(s, in, options).run();
}

}  // namespace hopper
