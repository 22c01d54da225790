// hopper history [REF]: the event log, newest first.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

#include "command.h"
#include "hopper/error.h"
#include "hopper/text.h"
#include "views.h"

namespace hopper::cli {
namespace {

// "layer: resource → contacted; owner_id: 2 → 3" for the columns that changed.
std::string summary(const json& before, const json& after) {
  if (before.is_null()) return "added";
  std::vector<std::string> parts;
  for (auto& [key, value] : after.items()) {
    if (key.ends_with("_key")) continue;  // derived match keys
    json old = before.contains(key) ? before[key] : json();
    if (old != value)
      parts.push_back(fmt::format("{}: {} → {}", key, old.is_string() ? old.get<std::string>() : json_text(old),
                                  value.is_string() ? value.get<std::string>() : json_text(value)));
  }
  return parts.empty() ? "unchanged" : join(parts, "; ");
}

// The record a change is about (a checked action belongs to its
// opportunity); none for the workspace's security settings, no record.
json record_ref(const ChangeEntry& ch, const json& after) {
  if (ch.table == "opportunity_action") return make_ref(Kind::opportunity, after.value("opportunity_id", Id{0}));
  if (ch.table == "security") return json();
  return make_ref(kind_from_table(ch.table), ch.row_id);
}

// Quotes a word the way a shell would need it to run the command again.
std::string shell_quote(const std::string& word) {
  if (!word.empty() && word.find_first_of(" \t\n'\"\\$`*?!;&|<>()#~") == std::string::npos) return word;
  std::string out = "'";
  for (char ch : word) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

// " (real 2026-11-29T10:02:11)" when the command ran under a clock more than
// a minute away from the system time; events before schema v4 have none.
std::string moved_clock(const ChangeEntry& ch) {
  if (ch.real_at.empty()) return "";
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(parse_stored_time(ch.real_at) - parse_stored_time(ch.at));
  return std::abs(seconds.count()) > 60 ? " (real " + ch.real_at + ")" : "";
}

bool is_contact_key(const std::string& key) {
  return key == "contact" || key == "phone" || key == "email" || key == "phone_key" || key == "email_key";
}

void hide_contact_values(json& values) {
  if (!values.is_object()) return;
  for (auto& [key, value] : values.items())
    if (is_contact_key(key) && value.is_string() && !value.get<std::string>().empty()) value = kHiddenContact;
}

// The command's words with the values of --phone, --email and --contact hidden.
void hide_contact_words(std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (const char* option : {"--phone", "--email", "--contact"}) {
      std::string with_value = std::string(option) + "=";
      if (words[i] == option && i + 1 < words.size()) words[i + 1] = kHiddenContact;
      else if (words[i].starts_with(with_value)) words[i] = with_value + kHiddenContact;
    }
  }
}

const std::vector<Column> kChangeColumns = {{"event", "EVENT", ColumnKind::integer}, {"shown_at", "AT", ColumnKind::date},
                                            {"shown_actor", "BY"},
                                            {"ref", "RECORD", ColumnKind::ref}, {"change", "CHANGE"}, {"reason", "REASON"},
                                            {"command", "COMMAND"}};

}  // namespace

void add_history_commands(Commands& c) {
  struct Options {
    std::optional<std::string> ref, since, until, rep;
    ListLimit limit;
  };
  auto o = std::make_shared<Options>();
  CLI::App* app = c.add(&c.root(), "history", "Show the event log: who changed what, when, with which command",
                        Needs::read, [o](Context& ctx) {
    Session& s = *ctx.session;
    ChangeFilter filter;
    if (o->ref) filter.subject = parse_ref(*o->ref);
    // Days by the clock the commands ran under, both inclusive.
    if (o->since) filter.since = format_time(Time{parse_date(*o->since, ctx.now)});
    if (o->until) filter.until = format_time(Time{parse_date(*o->until, ctx.now) + std::chrono::days{1}});
    if (o->since && o->until && filter.until <= filter.since)
      throw Error(Exit::invalid, fmt::format("--until {} is before --since {}", *o->until, *o->since));
    if (o->rep) {  // a rep who left keeps their events
      if (!s.store.find_rep(*o->rep))
        throw Error(Exit::not_found, fmt::format("no rep named '{}' (see hopper rep list)", *o->rep));
      filter.actor = *o->rep;
    }
    ListPrinter rows(ctx, kChangeColumns, o->limit);
    ContactVisibility contacts(s);
    s.store.each_change(filter, [&](const ChangeEntry& ch) {
      json before = ch.before.empty() ? json() : json::parse(ch.before, nullptr, false);
      json after = ch.after.empty() ? json() : json::parse(ch.after, nullptr, false);
      json argv = json::parse(ch.command, nullptr, false);
      std::vector<std::string> words;
      if (argv.is_array())
        for (const auto& w : argv) words.push_back(w.get<std::string>());
      if (!contacts.visible(ch)) {
        hide_contact_values(before);
        hide_contact_values(after);
        hide_contact_words(words);
      }
      for (auto& w : words) w = shell_quote(w);
      bool has_row = !ch.table.empty();
      json row = {{"event", ch.event_id},
                  {"at", ch.at},
                  {"actor", ch.actor},
                  {"real_at", ch.real_at.empty() ? json() : json(ch.real_at)},
                  {"os_user", ch.os_user.empty() ? json() : json(ch.os_user)},
                  {"command", "hopper " + join(words, " ")},
                  {"outcome", ch.outcome},
                  {"ref", has_row ? record_ref(ch, after) : json()},
                  {"op", ch.op},
                  {"change", !has_row ? ch.outcome
                             : ch.table == "opportunity_action" ? "checked " + after.value("action", "")
                                                                : summary(before, after)},
                  {"reason", ch.reason.empty() ? json() : json(ch.reason)},
                  {"before", before},
                  {"after", after}};
      if (ctx.out.format != Format::json && ctx.out.format != Format::jsonl) {  // the columns people read
        row["shown_at"] = ch.at + moved_clock(ch);
        row["shown_actor"] = ch.os_user.empty() || ch.os_user == ch.actor ? ch.actor : ch.actor + " (os " + ch.os_user + ")";
      }
      rows.add(row);
    });
    rows.finish();
  });
  app->add_option("ref", o->ref, "Only changes to this record (L12, C7, P3, R2 …)");
  add_limit_options(app, o->limit);
  app->add_option("--since", o->since, "Only commands run on or after this day (by the clock they ran under)")->type_name("DATE");
  app->add_option("--until", o->until, "Only commands run on or before this day")->type_name("DATE");
  app->add_option("--rep", o->rep, "Only the commands this rep ran (one who left too)")->type_name("NAME");
  app->footer("Newest first. On a terminal a page, piped or as JSON every row unless --limit.\n"
              "Example: hopper history C7\nExample: hopper history --since 2026-11-01 --rep li --json");
}

}  // namespace hopper::cli
