#include "views.h"

#include <fmt/format.h>

#include "hopper/fields.h"
#include "hopper/money.h"
#include "hopper/opportunities.h"
#include "hopper/text.h"

namespace hopper::cli {

json owner_json(const std::string& owner) { return owner.empty() ? json() : json(owner); }

static json optional_ref(Kind kind, const std::optional<Id>& id) { return id ? json(make_ref(kind, *id)) : json(); }

// Typed values as numbers; a value that no longer parses as its field's type
// (funnel.toml changed it; hopper config check lists them) shows as stored.
static json fields_json(const Config& config, FieldEntity entity, const Fields& fields) {
  json out = json::object();
  for (const auto& [key, value] : fields) {
    const FieldDef* def = config.find_field(entity, key);
    out[key] = value;
    if (!def) continue;
    if (def->type == FieldType::money)
      if (auto minor = parse_stored_integer(value)) out[key] = money_units(*minor);
    if (def->type == FieldType::percent || def->type == FieldType::number)
      if (auto number = parse_stored_number(value)) out[key] = *number;
  }
  return out;
}

json rep_json(const Config& config, const Rep& r) {
  return {{"id", r.id},
          {"ref", make_ref(Kind::rep, r.id)},
          {"name", r.name},
          {"team", r.team},
          {"role", std::string(role_name(r.role))},
          {"active", r.active},
          {"capacity", r.capacity.value_or(config.pool.capacity)},
          {"capacity_override", r.capacity ? json(*r.capacity) : json()}};
}

// A hidden value shows as "(hidden)"; an empty one stays empty (nothing to hide).
static json contact_value(const std::string& value, bool visible) {
  return visible || value.empty() ? json(value) : json(kHiddenContact);
}

json lead_json(const Config& config, const Lead& l, bool contacts_visible) {
  return {{"id", l.id},
          {"ref", make_ref(Kind::lead, l.id)},
          {"name", l.name},
          {"company", l.company},
          {"contact", contact_value(l.contact, contacts_visible)},
          {"phone", contact_value(l.phone, contacts_visible)},
          {"email", contact_value(l.email, contacts_visible)},
          {"source", l.source},
          {"grade", l.grade.empty() ? json() : json(l.grade)},
          {"owner", owner_json(l.owner)},
          {"status", kLeadStatuses.name(l.status)},
          {"drop_reason", l.drop_reason.empty() ? json() : json(l.drop_reason)},
          {"customer", optional_ref(Kind::customer, l.customer_id)},
          {"fields", fields_json(config, FieldEntity::lead, l.fields)},
          {"created_at", l.created_at}};
}

json customer_json(const Config& config, const Customer& c, const std::optional<ReleaseForecast>& release,
                   bool contacts_visible) {
  auto name_or_null = [](const std::string& n) { return n.empty() ? json() : json(n); };
  return {{"id", c.id},
          {"ref", make_ref(Kind::customer, c.id)},
          {"name", c.name},
          {"owner", owner_json(c.owner)},
          {"grade", name_or_null(c.grade)},
          {"segment", c.segment},
          {"layer", c.layer},
          {"layer_name", config.layer_name(c.layer)},
          {"locked", c.locked},
          {"staked_by", name_or_null(c.staked_by)},
          {"release_in", release ? json(std::max(0, release->days_left)) : json()},
          {"release_rule", release ? json(release->rule) : json()},
          {"release_warning", release && release->days_left <= config.pool.warn_days},
          {"claimed_at", name_or_null(c.claimed_at)},
          {"previous_owner", name_or_null(c.previous_owner)},
          {"reserved_for", name_or_null(c.reserved_for)},
          {"phone", contact_value(c.phone, contacts_visible)},
          {"email", contact_value(c.email, contacts_visible)},
          {"lead", optional_ref(Kind::lead, c.lead_id)},
          {"cool_until", name_or_null(c.cool_until)},
          {"fields", fields_json(config, FieldEntity::customer, c.fields)},
          {"created_at", c.created_at}};
}

json person_json(const Person& p, bool contacts_visible) {
  return {{"id", p.id},
          {"ref", make_ref(Kind::person, p.id)},
          {"customer", make_ref(Kind::customer, p.customer_id)},
          {"name", p.name},
          {"phone", contact_value(p.phone, contacts_visible)},
          {"email", contact_value(p.email, contacts_visible)},
          {"title", p.title},
          {"created_at", p.created_at}};
}

json activity_json(const Activity& a) {
  return {{"id", a.id},
          {"ref", make_ref(Kind::activity, a.id)},
          {"on", make_ref(a.subject.kind, a.subject.id)},
          {"type", a.type},
          {"text", a.text},
          {"at", a.at},
          {"actor", a.actor},
          {"valid", a.valid},
          {"invalid_reason", a.valid ? json() : json(a.invalid_reason)}};
}

json conflict_json(const Conflict& c, bool value_visible) {
  return {{"id", c.id},
          {"ref", make_ref(Kind::conflict, c.id)},
          {"record", make_ref(c.record.kind, c.record.id)},
          {"existing", make_ref(c.existing.kind, c.existing.id)},
          {"key", c.key},
          {"value", contact_value(c.value, value_visible)},
          {"status", kConflictStatuses.name(c.status)},
          {"resolved_to", c.resolved_to.empty() ? json() : json(c.resolved_to)},
          {"resolution", c.resolution.empty() ? json() : json(c.resolution)},
          {"created_at", c.created_at}};
}

json opportunity_json(Session& s, const Opportunity& o) {
  auto category = deal_category(s.config, o);
  return {{"id", o.id},
          {"ref", make_ref(Kind::opportunity, o.id)},
          {"name", o.name},
          {"owner", owner_json(o.owner)},
          {"customer", make_ref(Kind::customer, o.customer_id)},
          {"customer_name", o.customer},
          {"pipeline", o.pipeline},
          {"stage", o.stage},
          {"stage_name", stage_label(s.config, o)},
          {"category", category ? json(*category) : json()},
          {"status", kDealStatuses.name(o.status)},
          {"amount", money_units(o.amount)},
          {"probability", effective_probability(s.config, o)},
          {"manual_probability", o.manual_probability ? json(*o.manual_probability) : json()},
          {"weighted", money_units(weighted_value(s.config, o))},
          {"close_date", o.close_date.empty() ? json() : json(o.close_date)},
          {"lost_reason", o.lost_reason.empty() ? json() : json(o.lost_reason)},
          {"closed_at", o.closed_at.empty() ? json() : json(o.closed_at)},
          // A closed deal's close is the day it closed, whether or not a date was expected.
          {"close", !o.closed_at.empty() ? json(o.closed_at.substr(0, 10))
                    : o.close_date.empty() ? json()
                                           : json(o.close_date)},
          {"stage_since", o.stage_since},
          {"checked_actions", s.store.checked_actions(o.id)},
          {"fields", fields_json(s.config, FieldEntity::opportunity, o.fields)},
          {"created_at", o.created_at}};
}

json todo_json(const Todo& t) {
  return {{"id", t.id},
          {"ref", make_ref(Kind::todo, t.id)},
          {"text", t.text},
          {"due", t.due.empty() ? json() : json(t.due)},
          {"owner", owner_json(t.owner)},
          {"on", t.subject ? json(make_ref(t.subject->kind, t.subject->id)) : json()},
          {"reorder", optional_ref(Kind::reorder, t.reorder_id)},
          {"status", kTodoStatuses.name(t.status)},
          {"done_at", t.done_at.empty() ? json() : json(t.done_at)},
          {"created_at", t.created_at}};
}

json reorder_json(const Reorder& r) {
  return {{"id", r.id},
          {"ref", make_ref(Kind::reorder, r.id)},
          {"customer", make_ref(Kind::customer, r.customer_id)},
          {"customer_name", r.customer},
          {"product", r.product},
          {"every", r.every},
          {"from", r.first_due},
          {"until", r.until.empty() ? json() : json(r.until)},
          {"remind_days", r.remind_days},
          {"active", r.active},
          {"created_at", r.created_at}};
}

const std::vector<Column> kRepColumns = {{"ref", "REF", ColumnKind::ref},   {"name", "NAME"},
                                         {"team", "TEAM"}, {"role", "ROLE"},
                                         {"active", "ACTIVE", ColumnKind::boolean},
                                         {"capacity", "CAPACITY", ColumnKind::integer}};
const std::vector<Column> kLeadColumns = {{"ref", "REF", ColumnKind::ref},     {"name", "NAME"},     {"company", "COMPANY"},
                                          {"phone", "PHONE"}, {"grade", "GRADE"},   {"source", "SOURCE"},
                                          {"owner", "OWNER"}, {"status", "STATUS"}};
const std::vector<Column> kLeadFields = {
    {"ref", "ref"},       {"name", "name"},     {"company", "company"},         {"contact", "contact"},
    {"phone", "phone"},   {"email", "email"},   {"source", "source"},           {"grade", "grade"},
    {"owner", "owner"},   {"status", "status"}, {"drop_reason", "drop reason"}, {"customer", "customer"},
    {"created_at", "created"}};
const std::vector<Column> kCustomerColumns = {{"ref", "REF", ColumnKind::ref},         {"name", "NAME"},   {"grade", "GRADE"},
                                              {"segment", "SEGMENT"}, {"layer_name", "LAYER"}, {"owner", "OWNER"},
                                              {"release_in", "RELEASE IN", ColumnKind::integer},
                                              {"locked", "LOCKED", ColumnKind::boolean}};
const std::vector<Column> kPoolColumns = {{"ref", "REF", ColumnKind::ref},           {"name", "NAME"},   {"grade", "GRADE"},
                                          {"segment", "SEGMENT"},   {"layer_name", "LAYER"}, {"owner", "OWNER"},
                                          {"previous_owner", "PREVIOUS"}, {"reserved_for", "RESERVED FOR"},
                                          {"staked_by", "STAKED BY"}, {"cool_until", "COOLED UNTIL", ColumnKind::date}};
const std::vector<Column> kCustomerFields = {
    {"ref", "ref"},     {"name", "name"},   {"grade", "grade"},   {"segment", "segment"},
    {"layer_name", "layer"}, {"owner", "owner"}, {"phone", "phone"}, {"email", "email"},
    {"locked", "locked", ColumnKind::boolean}, {"release_in", "release in (days)", ColumnKind::integer},
    {"release_rule", "release rule"}, {"claimed_at", "claimed"}, {"previous_owner", "previous owner"},
    {"reserved_for", "reserved for"}, {"staked_by", "staked by"}, {"cool_until", "cooled until"}, {"lead", "from lead"},
    {"created_at", "created"}};
const std::vector<Column> kPersonColumns = {{"ref", "REF", ColumnKind::ref},     {"name", "NAME"}, {"title", "TITLE"},
                                            {"phone", "PHONE"}, {"email", "EMAIL"}};
const std::vector<Column> kActivityColumns = {{"at", "AT", ColumnKind::date},     {"on", "ON", ColumnKind::ref},     {"type", "TYPE"},
                                              {"actor", "BY"},  {"valid", "VALID", ColumnKind::boolean},
                                              {"text", "TEXT"}, {"invalid_reason", "WHY INVALID"}};
const std::vector<Column> kConflictColumns = {{"ref", "ID", ColumnKind::ref},   {"record", "RECORD"}, {"existing", "MATCHES"},
                                              {"key", "KEY"},  {"value", "VALUE"},   {"status", "STATUS"},
                                              {"resolved_to", "TO"}, {"resolution", "HOW"}, {"created_at", "OPENED", ColumnKind::date}};

const std::vector<Column> kOpportunityColumns = {
    {"ref", "REF", ColumnKind::ref},          {"name", "NAME"},       {"customer_name", "CUSTOMER"},
    {"stage", "STAGE"},      {"amount", "AMOUNT", ColumnKind::money},
    {"probability", "PROB", ColumnKind::percent},   {"weighted", "WEIGHTED", ColumnKind::money},
    {"close", "CLOSE", ColumnKind::date}, {"owner", "OWNER"},     {"status", "STATUS"}};
const std::vector<Column> kOpportunityFields = {
    {"ref", "ref"},           {"name", "name"},           {"customer", "customer"},
    {"customer_name", "customer name"}, {"pipeline", "pipeline"}, {"stage", "stage"},
    {"stage_name", "stage name"}, {"category", "category"}, {"status", "status"},
    {"amount", "amount", ColumnKind::money}, {"probability", "probability", ColumnKind::percent},
    {"manual_probability", "manual probability", ColumnKind::percent},
    {"weighted", "weighted", ColumnKind::money}, {"close_date", "close date"}, {"owner", "owner"},
    {"closed_at", "closed"}, {"lost_reason", "lost reason"}, {"checked_actions", "actions done"},
    {"stage_since", "in stage since"},
    {"created_at", "created"}};
const std::vector<Column> kTodoColumns = {{"ref", "REF", ColumnKind::ref}, {"due", "DUE", ColumnKind::date},       {"text", "TEXT"},
                                          {"on", "ON", ColumnKind::ref},   {"owner", "OWNER"},   {"status", "STATUS"}};
const std::vector<Column> kReorderColumns = {{"ref", "REF", ColumnKind::ref},     {"customer", "CUSTOMER"},
                                             {"customer_name", "NAME"}, {"product", "PRODUCT"},
                                             {"every", "EVERY"}, {"from", "FROM", ColumnKind::date}, {"until", "UNTIL", ColumnKind::date},
                                             {"remind_days", "REMIND", ColumnKind::integer},
                                             {"active", "ACTIVE", ColumnKind::boolean}};

std::vector<Column> with_custom_fields(const Config& config, FieldEntity entity, std::vector<Column> columns) {
  for (const auto& f : config.fields) {
    if (f.entity != entity) continue;
    ColumnKind kind = f.type == FieldType::money     ? ColumnKind::money
                      : f.type == FieldType::percent ? ColumnKind::percent
                                                     : ColumnKind::text;
    columns.push_back({"/fields/" + f.key, f.name, kind});
  }
  return columns;
}

// Custom-field columns are addressed by JSON pointer; flatten them for the renderer.
static json flatten(const json& record, const std::vector<Column>& fields) {
  json flat = record;
  for (const auto& f : fields)
    if (f.key.starts_with('/')) {
      json::json_pointer p(f.key);
      flat[f.key] = record.contains(p) ? record[p] : json();
    }
  return flat;
}

void print_list(const Context& ctx, const std::vector<json>& rows, const std::vector<Column>& columns) {
  ctx.print(render_list(rows, columns, ctx.out));
}

void print_record(const Context& ctx, const json& record, const std::vector<Column>& fields) {
  if (ctx.out.format == Format::json || ctx.out.format == Format::jsonl) return ctx.print(render_record(record, fields, ctx.out));
  ctx.print(render_record(flatten(record, fields), fields, ctx.out));
}

void print_customer(Context& ctx, const Customer& c) {
  Store& store = ctx.session->store;
  auto release = release_forecasts(*ctx.session, std::nullopt, c.id);
  bool contacts = ContactVisibility(*ctx.session).visible(c.owner_id);
  json j = customer_json(ctx.session->config, c,
                         release.count(c.id) ? std::optional<ReleaseForecast>(release.at(c.id)) : std::nullopt, contacts);
  std::vector<json> people, followups;
  for (const auto& p : store.people(c.id)) people.push_back(person_json(p, contacts));
  for (const auto& a : store.activities({Kind::customer, c.id})) followups.push_back(activity_json(a));
  j["people"] = people;
  j["followups"] = followups;
  print_record(ctx, j, with_custom_fields(ctx.session->config, FieldEntity::customer, kCustomerFields));
  print_section(ctx, "People", people, kPersonColumns);
  print_section(ctx, "Follow-ups", followups, kActivityColumns);
}

void print_opportunity(Context& ctx, const Opportunity& o) {
  Session& s = *ctx.session;
  json j = opportunity_json(s, o);
  std::vector<json> followups;
  for (const auto& a : s.store.activities({Kind::opportunity, o.id})) followups.push_back(activity_json(a));
  j["followups"] = followups;
  print_record(ctx, j, with_custom_fields(s.config, FieldEntity::opportunity, kOpportunityFields));
  print_section(ctx, "Follow-ups", followups, kActivityColumns);
}

void print_customers(Context& ctx, const std::vector<Customer>& customers) {
  std::vector<json> rows;
  for (const auto& c : customers)
    rows.push_back(customer_json(ctx.session->config, c, std::nullopt));
  print_list(ctx, rows, kPoolColumns);
}

namespace {
std::string period_text(const Period& p) {
  std::string from = format_date(p.first), to = format_date(p.last);
  return p.label == from + ".." + to ? from + " – " + to : fmt::format("{} ({} – {})", p.label, from, to);
}

// "method stage · 2017-Q3 (2017-07-01 – 2017-09-30) · as of 2017-09-05T09:00:00"
std::string heading_meta(const Context& ctx, const ReportHeading& h) {
  std::vector<std::string> parts;
  if (!h.method.empty()) parts.push_back("method " + h.method);
  if (h.period) parts.push_back(period_text(*h.period));
  parts.push_back("as of " + format_time(ctx.now));
  return join(parts, " · ");
}
}  // namespace

void print_report(const Context& ctx, const ReportHeading& h, const std::vector<json>& rows,
                  const std::vector<Column>& columns, const json& total, const json& extra, const std::string& charts,
                  const std::string& text_chart, const std::string& note) {
  Format f = ctx.out.format;
  if (f == Format::json || f == Format::jsonl) {
    json out = extra;
    out["report"] = h.title;
    out["method"] = h.method.empty() ? json() : json(h.method);
    if (h.period)
      out["period"] = {{"label", h.period->label}, {"from", format_date(h.period->first)}, {"to", format_date(h.period->last)}};
    out["as_of"] = format_time(ctx.now);
    out["empty"] = !h.empty.empty();
    out["rows"] = rows;
    if (!total.is_null()) out["total"] = total;
    return ctx.print(json_text(out, f == Format::json ? 2 : -1) + "\n");
  }
  std::vector<json> all = rows;
  if (!total.is_null() && !ctx.out.quiet) {
    json t = total;
    t[columns.front().key] = "total";
    all.push_back(t);
  }
  const std::string& workspace = ctx.session->config.workspace.name;
  bool money = std::any_of(columns.begin(), columns.end(), [](const Column& c) { return c.kind == ColumnKind::money; });
  if (f == Format::html) {
    std::string meta = heading_meta(ctx, h);
    if (money) meta += " · amounts in " + ctx.out.currency;
    std::string body = "<p class=\"meta\">" + html_escape(meta) + "</p>\n";
    // The table carries every figure too: mail clients that drop SVG still show the numbers.
    if (!h.empty.empty()) body += "<p class=\"empty\"><strong>" + html_escape(h.empty) + "</strong></p>\n";
    else body += charts + "<h2>Figures</h2>\n" + html_table(all, with_currency(columns, ctx.out.currency));
    if (!note.empty()) {
      std::string lines;
      for (char ch : html_escape(note)) lines += ch == '\n' ? std::string("<br>\n") : std::string(1, ch);
      body += "<p>" + lines + "</p>\n";
    }
    return ctx.print(html_page(h.title, body, workspace));
  }
  bool text = (f == Format::table || f == Format::md) && !ctx.out.quiet;
  // Names from funnel.toml (the workspace's, a stage's) cannot act on the terminal.
  if (text && f == Format::md)
    ctx.print("## " + h.title + " — " + terminal_safe(workspace) + "\n\n" + heading_meta(ctx, h) + "\n\n");
  if (text && f == Format::table) ctx.print(h.title + " · " + heading_meta(ctx, h) + "\n\n");
  if (text && !h.empty.empty()) ctx.print(terminal_safe(h.empty) + "\n");
  else ctx.print(render_list(all, columns, ctx.out));
  if (text && !note.empty()) ctx.print("\n" + terminal_safe(note, true) + "\n");
  if (f == Format::table && !ctx.out.quiet) {
    if (ctx.out.tty && !text_chart.empty() && h.empty.empty()) ctx.print("\n" + text_chart);
  }
}

void print_section(const Context& ctx, const std::string& title, const std::vector<json>& rows,
                   const std::vector<Column>& columns) {
  // JSON output carries sections inside the record object instead.
  // In csv and tsv a second table would break the one a script reads.
  if (rows.empty() || ctx.out.quiet || (ctx.out.format != Format::table && ctx.out.format != Format::md)) return;
  ctx.print("\n" + title + "\n");
  ctx.print(render_list(rows, columns, ctx.out));
}

}  // namespace hopper::cli
