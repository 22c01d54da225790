#include "hopper/agenda.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "hopper/customers.h"
#include "hopper/error.h"
#include "hopper/money.h"
#include "hopper/opportunities.h"
#include "hopper/pool.h"
#include "hopper/text.h"

namespace hopper {
namespace {

struct Every {
  int count;
  char unit;  // d w m y
};

Every parse_every(const std::string& text) {
  static const re2::RE2 re(R"((\d{1,4})([dwmy]))");
  int count = 0;
  std::string unit;
  if (!re2::RE2::FullMatch(text, re, &count, &unit) || count == 0)
    throw Error(Exit::invalid, fmt::format("invalid period '{}': use a count and d, w, m or y, e.g. 30d, 2w, 1m", text));
  // At most ten years, so that a due date never leaves the years dates can hold.
  int most = unit == "d" ? 3650 : unit == "w" ? 520 : unit == "m" ? 120 : 10;
  if (count > most)
    throw Error(Exit::invalid, fmt::format("period '{}' is longer than ten years; use at most 3650d, 520w, 120m or 10y", text));
  return {count, unit[0]};
}

Date date_text(const std::string& iso) { return date_of(parse_stored_time(iso)); }

// Whether a subject is a customer at or past the signed layer.
bool is_signed_customer(Session& s, const std::optional<Ref>& subject) {
  if (!subject || subject->kind != Kind::customer) return false;
  auto c = s.store.find_customer(subject->id);
  if (!c) return false;
  int signed_index = s.config.layer_index("signed");
  return signed_index >= 0 && s.config.layer_index(c->layer) >= signed_index;
}

}  // namespace

Todo add_todo(Session& s, const TodoInput& in) {
  Todo t;
  t.text = trim(in.text);
  if (t.text.empty()) throw Error(Exit::invalid, "the to-do needs a text");
  if (in.due) t.due = format_date(parse_date(*in.due, s.now));
  Rep owner = s.actor;
  if (in.owner && *in.owner != s.actor.name) {
    require_manager(s, "giving a to-do to another rep");
    owner = active_rep(s, *in.owner);
  }
  t.owner_id = owner.id;
  t.owner = owner.name;
  if (in.on) {
    Ref ref = parse_ref(*in.on);
    bool exists;
    switch (ref.kind) {
      case Kind::lead: exists = s.store.find_lead(ref.id).has_value(); break;
      case Kind::customer: exists = s.store.find_customer(ref.id).has_value(); break;
      case Kind::opportunity: exists = s.store.find_opportunity(ref.id).has_value(); break;
      default:
        throw Error(Exit::invalid, fmt::format("--on {}: to-dos attach to an existing lead, customer or opportunity", *in.on));
    }
    if (!exists) throw Error(Exit::not_found,
                                fmt::format("--on {}: to-dos attach to an existing lead, customer or opportunity", *in.on));
    t.subject = ref;
  }
  t.created_at = s.at_text();
  t.id = s.store.insert_todo(t);
  return t;
}

Todo finish_todo(Session& s, Id id) {
  auto t = s.store.find_todo(id);
  if (!t) throw Error(Exit::not_found, fmt::format("no to-do {} (see hopper todo list)", make_ref(Kind::todo, id)));
  require_owner_or_manager(s, t->owner_id, "to-do " + make_ref(Kind::todo, id));
  if (t->status == TodoStatus::done) throw Error(Exit::refused, fmt::format("to-do {} is already done", make_ref(Kind::todo, id)));
  t->status = TodoStatus::done;
  t->done_at = s.at_text();
  s.store.update_todo(*t);
  return *t;
}

Date reorder_occurrence(const Reorder& r, int k) {
  Every e = parse_every(r.every);
  Date first = date_text(r.first_due);
  switch (e.unit) {
    case 'd': return first + std::chrono::days{e.count * k};
    case 'w': return first + std::chrono::days{7 * e.count * k};
    case 'm': return add_months(first, e.count * k);
    default: return add_months(first, 12 * e.count * k);
  }
}

Reorder add_reorder(Session& s, Id customer, const ReorderInput& in) {
  Customer c = load_own_customer(s, customer);
  Reorder r;
  r.customer_id = c.id;
  r.customer = c.name;
  r.product = trim(in.product);
  if (r.product.empty()) throw Error(Exit::invalid, "--product must name the product");
  parse_every(in.every);
  r.every = in.every;
  r.first_due = format_date(parse_date(in.from, s.now));
  if (in.until) {
    r.until = format_date(parse_date(*in.until, s.now));
    if (r.until < r.first_due) throw Error(Exit::invalid, fmt::format("--until {} is before --from {}", r.until, r.first_due));
  }
  if (in.remind_days < 0) throw Error(Exit::invalid, "--remind takes a number of days, 0 or more");
  r.remind_days = in.remind_days;
  r.created_at = s.at_text();
  r.id = s.store.insert_reorder(r);
  return r;
}

Reorder stop_reorder(Session& s, Id id) {
  auto r = s.store.find_reorder(id);
  if (!r) throw Error(Exit::not_found, fmt::format("no reorder cycle {} (see hopper reorder list)", make_ref(Kind::reorder, id)));
  load_own_customer(s, r->customer_id);
  if (!r->active) throw Error(Exit::refused, fmt::format("reorder cycle {} is already stopped", make_ref(Kind::reorder, id)));
  r->active = false;
  s.store.update_reorder(*r);
  return *r;
}

std::vector<Todo> due_reorder_todos(Session& s) {
  Date today = date_of(s.now);
  std::vector<Todo> due;
  for (const Reorder& r : s.store.reorders(true)) {
    auto last = s.store.last_reorder_todo(r.id);
    if (last && last->second) continue;  // its to-do is still open
    int k = 0;
    if (last) {
      Date done_occurrence = date_text(last->first);
      while (reorder_occurrence(r, k) <= done_occurrence) ++k;
    }
    Date next = reorder_occurrence(r, k);
    if (!r.until.empty() && next > date_text(r.until)) continue;
    if (today < next - std::chrono::days{r.remind_days}) continue;
    auto c = s.store.find_customer(r.customer_id);
    if (!c || !c->owner_id) continue;  // nobody to remind while it sits in the pool
    Todo t;
    t.text = fmt::format("reorder {} — {}", r.product, c->name);
    t.due = format_date(next);
    t.owner_id = c->owner_id;
    t.owner = c->owner;
    t.subject = Ref{Kind::customer, c->id};
    t.reorder_id = r.id;
    t.occurrence = t.due;
    t.created_at = s.at_text();
    due.push_back(t);
  }
  return due;
}

std::vector<Todo> run_reorders(Session& s) {
  require_manager(s, "reorder run");
  std::vector<Todo> made = due_reorder_todos(s);
  for (Todo& t : made) t.id = s.store.insert_todo(t);
  return made;
}

std::vector<AgendaItem> build_agenda(Session& s, const Rep& rep) {
  Date today = date_of(s.now);
  std::vector<AgendaItem> signed_items, opp_items, lead_items, todo_items;

  // Reorders that are due but whose to-do tonight's `reorder run` has not
  // made yet: shown, not written (reads never write).
  for (const Todo& t : due_reorder_todos(s)) {
    if (t.owner_id != rep.id) continue;
    signed_items.push_back({"signed", make_ref(Kind::reorder, *t.reorder_id),
                            t.text + " (" + make_ref(Kind::customer, t.subject->id) + ")", t.due,
                            "due; its to-do comes with hopper reorder run", date_text(t.due) < today, false, 0});
  }

  for (const Todo& t : s.store.todos({rep.id, true, std::nullopt})) {
    AgendaItem item{"todo", make_ref(Kind::todo, t.id), t.text, t.due, "", false, false, 0};
    if (!t.due.empty()) {
      int late = days_between(date_text(t.due), today);
      item.overdue = late > 0;
      if (late > 0) item.note = fmt::format("overdue {} day{}", late, late == 1 ? "" : "s");
      else if (late == 0) item.note = "due today";
    }
    if (t.subject) item.item += " (" + make_ref(t.subject->kind, t.subject->id) + ")";
    if (t.reorder_id || is_signed_customer(s, t.subject)) {  // reorders are signed business
      item.section = "signed";
      signed_items.push_back(item);
    } else if (t.subject && t.subject->kind == Kind::opportunity) {
      item.section = "opportunity";
      opp_items.push_back(item);
    } else if (t.subject && t.subject->kind == Kind::lead) {
      item.section = "lead";
      lead_items.push_back(item);
    } else {
      todo_items.push_back(item);
    }
  }

  struct Ranked {
    AgendaItem item;
    int days_in_stage;
  };
  std::vector<Ranked> opps;
  for (const Opportunity& o : s.store.opportunities({rep.id, std::nullopt, "", "", DealStatus::open})) {
    const Stage* stage = find_stage(s.config, o);
    std::string last = std::max(o.stage_since, s.store.last_activity_at({Kind::opportunity, o.id}));
    int idle = days_between(date_text(last.substr(0, 10)), today);
    int in_stage = days_between(date_text(o.stage_since.substr(0, 10)), today);
    AgendaItem item{"opportunity", make_ref(Kind::opportunity, o.id), o.name + " — " + o.customer, o.close_date, "",
                    false, stage && stage->rotten_days && idle > *stage->rotten_days, weighted_value(s.config, o)};
    item.note = fmt::format("{} {}, weighted {}", o.stage, format_percent(effective_probability(s.config, o)),
                            format_money(item.weighted));
    if (item.rotting) item.note = fmt::format("rotting: idle {} days (> {}); ", idle, *stage->rotten_days) + item.note;
    opps.push_back({item, in_stage});
  }
  std::stable_sort(opps.begin(), opps.end(), [](const Ranked& a, const Ranked& b) {
    if (a.item.rotting != b.item.rotting) return a.item.rotting;
    if (a.item.weighted != b.item.weighted) return a.item.weighted > b.item.weighted;
    return a.days_in_stage < b.days_in_stage;
  });
  for (auto& r : opps) opp_items.push_back(r.item);

  for (const Lead& l : s.store.leads({rep.id, "", "", LeadStatus::open}))
    lead_items.push_back({"lead", make_ref(Kind::lead, l.id), l.company.empty() ? l.name : l.name + " — " + l.company,
                          "", l.grade.empty() ? "" : "grade " + l.grade, false, false, 0});

  // Customers about to be released by force: worked before they drop.
  std::vector<AgendaItem> release_items;
  std::vector<std::pair<ReleaseForecast, Id>> due;
  for (const auto& [id, f] : release_forecasts(s, rep.id))
    if (f.days_left <= s.config.pool.warn_days) due.push_back({f, id});
  std::stable_sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a.first.days_left < b.first.days_left; });
  for (const auto& [f, id] : due) {
    auto c = s.store.find_customer(id);
    int left = std::max(0, f.days_left);
    release_items.push_back({"release", make_ref(Kind::customer, id), c->name,
                             format_date(today + std::chrono::days{left}),
                             fmt::format("released in {} day{} by '{}' unless followed up", left, left == 1 ? "" : "s", f.rule),
                             left == 0, false, 0});
  }

  std::vector<AgendaItem> all;
  for (auto* part : {&signed_items, &release_items, &opp_items, &lead_items, &todo_items})
    all.insert(all.end(), part->begin(), part->end());
  return all;
}

}  // namespace hopper
