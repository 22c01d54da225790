#include "hopper/import.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>

#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/leads.h"
#include "hopper/opportunities.h"
#include "hopper/text.h"
#include "hopper/validation.h"

namespace hopper {
namespace {

const std::vector<std::string>& standard_fields(ImportKind kind) {
  static const std::vector<std::string> lead = {"name", "company", "contact", "phone", "email",
                                                "source", "grade", "owner", "created"};
  static const std::vector<std::string> customer = {"name",  "grade", "segment", "owner", "contact",
                                                    "phone", "email", "layer",   "created"};
  static const std::vector<std::string> opportunity = {"customer", "name",   "amount", "pipeline",    "stage",  "close",
                                                       "prob",     "status", "closed", "lost_reason", "created"};
  return kind == ImportKind::lead ? lead : kind == ImportKind::customer ? customer : opportunity;
}

const char* entity_of(ImportKind kind) {
  return kind == ImportKind::lead ? "lead" : kind == ImportKind::customer ? "customer" : "opportunity";
}

// What messages call the records of a kind: "leads", "opportunities".
const char* entities_of(ImportKind kind) {
  return kind == ImportKind::lead ? "leads" : kind == ImportKind::customer ? "customers" : "opportunities";
}

bool is_date_field(const Config& config, ImportKind kind, const std::string& field) {
  if (field == "created" || field == "close" || field == "closed") return true;
  const FieldDef* def = config.find_field(entity_of(kind), field);
  return def && def->type == "date";
}

// A row: (field, value) for each mapped column, with what it came from.
struct Row {
  long line = 0;
  std::vector<std::pair<std::string, std::string>> values;
  std::vector<std::string> csv_fields;  // the record as read, for the rejects file
  std::string json_text;
};

class Importer {
 public:
  Importer(Session& s, std::istream& in, const ImportOptions& o)
      : s_(s), o_(o), lines_(in, o.encoding, o.name == "-" ? "stdin" : o.name), fields_(import_fields(s.config, o.kind)) {
    for (const auto& m : o.map) {
      auto eq = m.find('=');
      if (eq == std::string::npos)
        throw Error(Exit::usage, fmt::format("--map '{}': use --map COLUMN=FIELD (an empty FIELD leaves the column out)", m));
      std::string field = trim(m.substr(eq + 1));
      if (!field.empty() && std::find(fields_.begin(), fields_.end(), field) == fields_.end())
        throw Error(Exit::invalid, fmt::format("--map '{}': '{}' is not a field of {} (fields: {})", m, field,
                                               entities_of(o.kind), join(fields_, ", ")));
      map_.emplace_back(m.substr(0, eq), field);
    }
    if (!o.jsonl) {
      csv_.emplace(lines_);
      std::vector<std::string> header;
      if (!csv_->next(header)) throw Error(Exit::invalid, fmt::format("{}: the file is empty; it needs a header row", lines_.name()));
      header_ = header;
      for (const auto& column : header) {
        std::string field = field_of(column, csv_->line());
        auto same = std::find(columns_.begin(), columns_.end(), field);
        if (!field.empty() && same != columns_.end())
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
    if (result_.rejected && !o_.rejects) {
      std::string message = fmt::format("{}: {} of {} rows {} invalid; nothing was imported:", lines_.name(),
                                        result_.rejected, result_.rows, result_.rejected == 1 ? "is" : "are");
      for (const auto& p : result_.problems) message += "\n  " + format_problem(p);
      if (result_.problem_count > static_cast<long>(result_.problems.size()))
        message += fmt::format("\n  … and {} more", result_.problem_count - static_cast<long>(result_.problems.size()));
      message += "\nfix them, or import the good rows with --skip-invalid --rejects FILE";
      throw Error(Exit::invalid, message);
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
    throw Error(Exit::invalid, fmt::format("{}:{}: column '{}' is not a field of {}; map it (--map '{}=FIELD') or leave "
                                           "it out (--map '{}='); fields: {}",
                                           lines_.name(), line, column, entities_of(o_.kind), column, column,
                                           join(fields_, ", ")));
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
      for (std::size_t i = 0; i < columns_.size(); ++i)
        if (!columns_[i].empty())
          row.values.emplace_back(columns_[i], i < row.csv_fields.size() ? row.csv_fields[i] : std::string());
      check_lengths(row);
      return true;
    }
    do {
      if (!lines_.next(row.json_text)) return false;
    } while (trim(row.json_text).empty());
    row.line = lines_.line_number();
    auto j = nlohmann::json::parse(row.json_text, nullptr, false);
    if (!j.is_object())
      throw Error(Exit::invalid, fmt::format("{}:{}: not a JSON object; JSONL has one object per line", lines_.name(), row.line));
    for (auto& [key, value] : j.items()) {
      std::string field = field_of(key, row.line);
      if (field.empty()) continue;
      if (value.is_object() || value.is_array())
        throw Error(Exit::invalid, fmt::format("{}:{}: {}: a value must be text or a number", lines_.name(), row.line, key));
      if (get(row, field.c_str()))
        throw Error(Exit::invalid, fmt::format("{}:{}: two keys fill {}; leave one out (--map '{}=')", lines_.name(),
                                               row.line, field, key));
      row.values.emplace_back(field, value.is_string() ? value.get<std::string>() : value.is_null() ? "" : value.dump());
    }
    check_lengths(row);
    return true;
  }

  // Any value past what a record keeps; the add paths check one-line fields
  // more tightly.
  void check_lengths(const Row& row) {
    for (const auto& [field, value] : row.values)
      if (auto p = length_problem(value, kMaxTextChars)) problems_.push_back({row.line, column_of(field), *p});
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

  // A date column in the form of --date-format, as YYYY-MM-DD (and time).
  std::string iso_date(const std::string& field, const std::string& value) const {
    std::string v = trim(value);
    if (o_.date_format.empty() || v.empty()) return v;
    std::tm tm{};
    const char* end = strptime(v.c_str(), o_.date_format.c_str(), &tm);
    if (!end || *end != '\0')
      throw Error(Exit::invalid, fmt::format("'{}' does not match --date-format {}", v, o_.date_format),
                  {{field, fmt::format("'{}' does not match --date-format {}", v, o_.date_format)}});
    return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  }

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

  // Custom fields as --set KEY=VALUE, dates in hopper's form.
  std::vector<std::string> settings(const Row& row) const {
    std::vector<std::string> out;
    std::size_t standard = standard_fields(o_.kind).size();
    for (const auto& [k, v] : row.values)
      if (std::find(fields_.begin() + static_cast<long>(standard), fields_.end(), k) != fields_.end())
        out.push_back(k + "=" + (is_date_field(s_.config, o_.kind, k) ? iso_date(k, v) : v));
    return out;
  }

  // Values given by key or by display name, as keys; a value that is
  // neither waits in pending_ so the row's other problems are found too.
  std::optional<std::string> key_of(const Row& row, const char* field,
                                    const std::function<std::string(const std::string&)>& resolve) {
    auto v = get_nonempty(row, field);
    if (!v) return v;
    try {
      return resolve(trim(*v));
    } catch (const Error& e) {
      pending_.push_back({field, e.what()});
      return std::nullopt;
    }
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

  void import_row(const Row& row) {
    pending_.clear();
    if (auto created = get_nonempty(row, "created")) s_.at = parse_when("created", *created);
    switch (o_.kind) {
      case ImportKind::lead: return import_lead(row);
      case ImportKind::customer: return import_customer(row);
      case ImportKind::opportunity: return import_opportunity(row);
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
      else in.owner = o;
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

  Id customer_of(const Row& row) const {
    auto text = get_nonempty(row, "customer");
    if (!text) throw Error(Exit::invalid, "customer is required", {{"customer", "is required: a ref (C12) or the exact name"}});
    std::string t = trim(*text);
    if (t.size() > 1 && (t[0] == 'C' || t[0] == 'c') && std::all_of(t.begin() + 1, t.end(), ::isdigit)) {
      Id id = parse_ref(t).id;
      if (!s_.store.find_customer(id)) throw Error(Exit::not_found, "", {{"customer", fmt::format("no customer {}", t)}});
      return id;
    }
    auto ids = s_.store.customers_named(t);
    if (ids.empty())
      throw Error(Exit::not_found, "", {{"customer", fmt::format("no customer is named '{}' (give the exact name or its ref)", t)}});
    if (ids.size() > 1) {
      std::vector<std::string> refs;
      for (Id id : ids) refs.push_back(make_ref(Kind::customer, id));
      throw Error(Exit::invalid, "", {{"customer", fmt::format("{} customers are named '{}' ({}); give the ref", ids.size(), t,
                                                               join(refs, ", "))}});
    }
    return ids.front();
  }

  void import_opportunity(const Row& row) {
    Id customer = customer_of(row);
    OpportunityInput in;
    in.name = get(row, "name");
    in.amount = get(row, "amount");
    in.pipeline = key_of(row, "pipeline", [&](const std::string& v) { return s_.config.pipeline_key(v); });
    in.stage = key_of(row, "stage", [&](const std::string& v) { return s_.config.stage_key(in.pipeline.value_or(""), v); });
    if (auto close = get(row, "close")) in.close_date = iso_date("close", *close);
    in.probability = get_nonempty(row, "prob");
    in.settings = settings(row);
    Id id = 0;
    checked([&] {
      std::string status = to_lower_ascii(trim(get(row, "status").value_or("")));
      if (status.empty()) status = "open";
      if (status != "open" && status != "won" && status != "lost")
        throw Error(Exit::invalid, "", {{"status", fmt::format("'{}' is not open, won or lost", status)}});
      std::optional<Time> closed;
      if (auto c = get_nonempty(row, "closed")) closed = parse_when("closed", *c);
      if (status != "open" && !closed)
        throw Error(Exit::invalid, "", {{"closed", fmt::format("is required for a {} deal: the date it closed", status)}});
      if (closed && *closed < s_.at)
        throw Error(Exit::invalid, "", {{"closed", "is before created"}});
      std::string lost_reason = trim(get(row, "lost_reason").value_or(""));
      if (status == "lost" && lost_reason.empty())
        throw Error(Exit::invalid, "", {{"lost_reason", "is required for a lost deal"}});

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
      MoveOptions imported{true, fmt::format("imported from {}:{}", lines_.name(), row.line)};
      Opportunity o = add_opportunity(s_, customer, in, imported);
      if (status == "won" || status == "lost") {
        s_.at = *closed;
        if (status == "won") win_opportunity(s_, o.id, std::nullopt, imported);
        else lose_opportunity(s_, o.id, lost_reason);
      }
      id = o.id;
    });
    if (id) added(id, row.line);
  }

  Session& s_;
  const ImportOptions& o_;
  TextLines lines_;
  std::optional<CsvReader> csv_;
  std::vector<std::string> fields_;
  std::vector<std::pair<std::string, std::string>> map_;
  std::vector<std::string> header_, columns_;  // CSV: each column's field ("" left out)
  std::vector<RowProblem> problems_;           // of the row being read
  std::vector<FieldProblem> pending_;          // of the row being imported, found before its add
  ImportResult result_;
  Kind added_kind_ = o_.kind == ImportKind::lead ? Kind::lead : o_.kind == ImportKind::customer ? Kind::customer : Kind::opportunity;
  std::vector<long> added_lines_;  // by id − first id: the line each added record came from
};

}  // namespace

std::vector<std::string> import_fields(const Config& config, ImportKind kind) {
  std::vector<std::string> fields = standard_fields(kind);
  for (const auto& f : config.fields)
    if (f.entity == entity_of(kind)) fields.push_back(f.key);
  return fields;
}

ImportResult import_records(Session& s, std::istream& in, const ImportOptions& options) {
  if (options.kind != ImportKind::lead) require_manager(s, fmt::format("importing {}", entities_of(options.kind)));
  return Importer(s, in, options).run();
}

}  // namespace hopper
