// hopper config check | show | rename
#include <fmt/format.h>

#include "command.h"
#include "hopper/error.h"
#include "hopper/money.h"
#include "hopper/stored_keys.h"
#include "hopper/text.h"
#include "views.h"

namespace hopper::cli {
namespace {

json layer_json(const Layer& l) {
  auto opt = [](const auto& v) { return v ? json(*v) : json(); };
  return {{"key", l.key}, {"name", l.name}, {"ideal_days", opt(l.ideal_days)}, {"ideal_rate", opt(l.ideal_rate)},
          {"ideal_holding", opt(l.ideal_holding)}};
}

json policies_json(const std::map<std::string, ConflictPolicy>& by_segment) {
  json out = json::object();
  for (const auto& [segment, policy] : by_segment) out[segment] = kConflictPolicies.name(policy);
  return out;
}

json config_json(const Config& c) {
  json layers = json::array(), pipelines = json::array(), rules = json::array(), fields = json::array();
  for (const auto& l : c.layers) layers.push_back(layer_json(l));
  for (const auto& p : c.pipelines) {
    json stages = json::array();
    for (const auto& s : p.stages)
      stages.push_back({{"key", s.key}, {"name", s.name}, {"probability", s.probability}, {"category", kCategories.name(s.category)},
                        {"rotten_days", s.rotten_days ? json(*s.rotten_days) : json()}, {"exit", s.exit},
                        {"required_actions", s.required_actions}, {"required_fields", s.required_fields}});
    pipelines.push_back({{"key", p.key}, {"name", p.name}, {"sequential", p.sequential},
                         {"allow_regress", p.allow_regress}, {"lost_reasons", p.lost_reasons}, {"stages", stages}});
  }
  for (const auto& r : c.pool.rules)
    rules.push_back({{"name", r.name}, {"kind", kRecycleKinds.name(r.kind)}, {"days", r.days}, {"segments", r.segments}, {"grades", r.grades}});
  for (const auto& f : c.fields)
    fields.push_back({{"entity", kFieldEntities.name(f.entity)}, {"key", f.key}, {"name", f.name}, {"type", kFieldTypes.name(f.type)}, {"choices", f.choices}});
  return {
      {"workspace", {{"name", c.workspace.name}, {"currency", c.workspace.currency},
                     {"default_user", c.workspace.default_user ? json(*c.workspace.default_user) : json()},
                     {"week_start", kWeekdays.name(c.workspace.week_start)}, {"fiscal_year_start_month", c.workspace.fiscal_year_start_month}}},
      {"grades", {{"order", c.grades}, {"describe", c.grade_descriptions}}},
      {"customer", {{"segments", c.segments}, {"default_segment", c.default_segment}}},
      {"lead", {{"required", c.lead.required}, {"phone_pattern", c.lead.phone_pattern}, {"duplicate_keys", c.lead.duplicate_keys}}},
      {"followup", {{"valid_types", c.followup.valid_types}, {"min_chars", c.followup.min_chars},
                    {"invalid_phrases", c.followup.invalid_phrases}}},
      {"layer", layers},
      {"abandoned", {{"key", c.abandoned.key}, {"name", c.abandoned.name}, {"cool_days", c.abandoned.cool_days}}},
      {"pipeline", pipelines},
      {"pool", {{"capacity", c.pool.capacity}, {"capacity_excludes", c.pool.capacity_excludes},
                {"daily_claim_limit", c.pool.daily_claim_limit}, {"cooldown_days", c.pool.cooldown_days},
                {"after_release", kAfterRelease.name(c.pool.after_release)}, {"warn_days", c.pool.warn_days},
                {"exempt_probability", c.pool.exempt_probability}, {"rule", rules},
                {"stake", {{"limit", c.pool.stake_limit()}, {"complete_within_days", c.pool.stake.complete_within_days},
                           {"required_fields", c.pool.stake.required_fields}, {"route_inbound", c.pool.stake.route_inbound}}}}},
      {"conflict", {{"policy", kConflictPolicies.name(c.conflict.policy)}, {"segment", policies_json(c.conflict.by_segment)}}},
      {"assign", {{"strategy", kAssignStrategies.name(c.assign.strategy)}, {"top_seller_window_days", c.assign.top_seller_window_days},
                  {"own_discovery", c.assign.own_discovery}}},
      {"forecast", {{"min_sample", c.forecast.min_sample}}},
      {"security", {{"strict", c.security.strict}}},
      {"field", fields}};
}

// The effective rules for people: one line per setting, stages in order.
// Every name and key from the file is shown escaped (terminal_safe): an
// escape sequence, a newline or a bidi override in funnel.toml must not act
// on the terminal of whoever reads it.
std::string config_text(const Config& c) {
  auto safe = [](const std::string& text) { return terminal_safe(text); };
  auto list = [](const std::vector<std::string>& texts, std::string_view sep) { return terminal_safe(join(texts, sep)); };
  std::string out = fmt::format("workspace  {} ({}), fiscal year from month {}, weeks start {}\n", safe(c.workspace.name),
                                safe(c.workspace.currency), c.workspace.fiscal_year_start_month,
                                kWeekdays.name(c.workspace.week_start));
  out += fmt::format("grades     {}\nsegments   {} (default {})\n", list(c.grades, " "), list(c.segments, " "),
                     safe(c.default_segment));
  out += "layers     ";
  for (const auto& l : c.layers) out += safe(l.name) + " (" + safe(l.key) + ") → ";
  out += fmt::format("{} ({}, cooled {} days)\n", safe(c.abandoned.name), safe(c.abandoned.key), c.abandoned.cool_days);
  for (const auto& p : c.pipelines) {
    out += fmt::format("pipeline   {} {}{}{}\n", safe(p.key), safe(p.name), p.sequential ? ", sequential" : "",
                       p.allow_regress ? "" : ", no going back");
    for (const auto& s : p.stages)
      out += fmt::format("  {:<12} {} {} {}{}\n", safe(s.key), format_percent(s.probability), kCategories.name(s.category), safe(s.name),
                         s.required_actions.empty() ? "" : " — needs " + list(s.required_actions, ", "));
  }
  out += fmt::format("pool       capacity {}, {} claims a day, cooldown {} days, after release: {}\n", c.pool.capacity,
                     c.pool.daily_claim_limit, c.pool.cooldown_days, kAfterRelease.name(c.pool.after_release));
  for (const auto& r : c.pool.rules)
    out += fmt::format("  rule     {}: {} after {} days{}\n", safe(r.name), kRecycleKinds.name(r.kind), r.days,
                       r.segments.empty() ? "" : " (" + list(r.segments, ", ") + ")");
  out += fmt::format("followup   types {}; at least {} characters; filler: {}\n", list(c.followup.valid_types, ", "),
                     c.followup.min_chars, list(c.followup.invalid_phrases, ", "));
  return out;
}

// Where strict mode comes from: the database binds every funnel.toml.
std::string security_text(bool strict, bool recorded) {
  if (recorded) return "security   strict (recorded in the database: it holds whatever funnel.toml says)\n";
  if (strict) return "security   strict (funnel.toml only: hopper config strict on records it in the database)\n";
  return "security   not strict\n";
}

}  // namespace

void add_config_commands(Commands& c) {
  CLI::App* noun = c.noun("config", "Check and show the rules in funnel.toml; rename the keys records use; record "
                                    "strict mode in the database");
  c.add(noun, "check", "Validate funnel.toml; every problem with its line (exit 7 when invalid)", Needs::workspace,
        [](Context& ctx) {
          if (!ctx.config->ok()) {
            std::vector<std::string> lines{fmt::format("{} has {} problem(s):", display_path(ctx.paths->config()),
                                                       ctx.config->problems.size())};
            for (auto& line : format_problems(ctx.config->problems, display_path(ctx.paths->config())))
              lines.push_back(line);
            throw Error(Exit::config, lines);
          }
          bool recorded_strict = false;
          // The rules against the records: a key the file dropped must not strand them.
          if (workspace_server(ctx.config->config) || std::filesystem::exists(ctx.paths->database())) {
            auto store = ctx.open_store();
            store->begin(false);
            recorded_strict = store->recorded_strict();
            auto cut_short = rules_cut_short(ctx.config->config, *store, display_path(ctx.paths->config()));
            auto stranded = stranded_records(ctx.config->config, *store);
            store->rollback();
            if (cut_short) throw Error(Exit::config, *cut_short);
            if (!stranded.empty())
              throw Error(Exit::config, message_lines(fmt::format("{} no longer fits {} record key(s):",
                                                                  display_path(ctx.paths->config()), stranded.size()),
                                                      stranded));
          }
          if (!ctx.out.quiet) ctx.note(display_path(ctx.paths->config()) + ": ok");
          if (!ctx.out.quiet && ctx.config->config.security.strict && !recorded_strict)
            ctx.note("[security] strict holds only for those who run hopper with this funnel.toml; an admin records "
                     "it in the database with hopper config strict on");
        });
  struct RenameOptions {
    std::string kind, from, to;
    std::optional<std::string> pipeline;
  };
  auto rn = std::make_shared<RenameOptions>();
  CLI::App* rename = c.add(noun, "rename", "Move records from a key funnel.toml dropped to the one it defines now",
                           Needs::write, [rn](Context& ctx) {
    auto kind = parse_key_kind(rn->kind);
    if (!kind) throw Error(Exit::usage, "rename what: stage, pipeline, layer, grade, segment or field");
    std::vector<json> rows;
    for (const auto& r : rename_stored_key(*ctx.session, *kind, rn->from, rn->to, rn->pipeline))
      rows.push_back({{"kind", std::string(key_kind_name(r.kind))}, {"scope", r.scope.empty() ? json() : json(r.scope)},
                      {"from", rn->from}, {"to", rn->to}, {"records", r.records}});
    if (!ctx.out.quiet) print_list(ctx, rows, {{"kind", "KIND"}, {"scope", "IN"}, {"from", "FROM"}, {"to", "TO"},
                           {"records", "RECORDS", ColumnKind::integer}});
  });
  rename->add_option("kind", rn->kind, "stage, pipeline, layer, grade, segment or field")
      ->required()
      ->check(CLI::IsMember({"stage", "pipeline", "layer", "grade", "segment", "field"}));
  rename->add_option("old", rn->from, "The key the records store")->required();
  rename->add_option("new", rn->to, "The key funnel.toml defines now")->required();
  rename->add_option("--pipeline", rn->pipeline, "Only this pipeline's stages");
  c.confirm(rename, [rn] {
    return fmt::format("Move every record on {} '{}' to '{}' (--dry-run counts them first)?", rn->kind, rn->from, rn->to);
  });
  rename->footer("Edit funnel.toml first, then move the records in one transaction (admins):\n"
                 "  hopper config rename stage proposal quote --dry-run   (counts, changes nothing)\n"
                 "  hopper config rename stage proposal quote");

  c.add(noun, "show", "Print the effective rules, defaults filled in", Needs::read, [](Context& ctx) {
    const Config& cfg = ctx.config->config;
    bool strict = effective_security(cfg.security, ctx.session->store).strict;
    bool recorded = ctx.session->store.recorded_strict();
    if (ctx.out.format == Format::json || ctx.out.format == Format::jsonl) {
      json j = config_json(cfg);
      j["security"] = {{"strict", strict}, {"strict_recorded", recorded}};
      return ctx.print(json_text(j, 2) + "\n");
    }
    ctx.print(config_text(cfg) + security_text(strict, recorded));
  });

  auto strict = std::make_shared<std::string>();
  CLI::App* strict_cmd = c.add(noun, "strict", "Record [security] strict in the database, where no funnel.toml can "
                                               "turn it off (admins)",
                               Needs::write, [strict](Context& ctx) {
    record_strict(*ctx.session, *strict == "on");
    if (*strict == "off" && ctx.config->config.security.strict && !ctx.globals.dry_run)
      ctx.note("strict is off in the database; funnel.toml still says strict = true, which holds for whoever uses it");
  });
  strict_cmd->add_option("state", *strict, "on or off")->required()->check(CLI::IsMember({"on", "off"}));
  strict_cmd->footer("On a shared workspace, a rep can run hopper with a funnel.toml of their own; what the database\n"
                     "records binds every one of them (the stricter of the two holds). See docs/team.md.");
  c.example("config check", "hopper config check && git commit funnel.toml");
  c.example("config rename", "hopper config rename stage proposal quote --dry-run");
  c.example("config show", "hopper config show --json | jq .pool");
  c.example("config strict", "hopper config strict on");
}

}  // namespace hopper::cli
