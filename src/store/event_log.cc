// The event log: one event per write command, the changes its triggers
// filed, the history rows reports replay.
#include "hopper/store.h"

#include <fmt/format.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "store/backend.h"
#include "store/rows.h"

namespace hopper {
using namespace rows;

Id Store::begin_event(const EventStamp& e) {
  sql::Statement& st = statement("INSERT INTO event (at, actor, argv, real_at, os_user) VALUES (?, ?, ?, ?, ?) RETURNING id");
  st.bind(1, e.at);
  st.bind(2, e.actor);
  st.bind(3, e.argv);
  st.bind(4, e.real_at);
  st.bind(5, e.os_user);
  set_current_event(inserted(st));
  return current_event_;
}

// The triggers and history rows of this session file under this event.
void Store::set_current_event(Id event) {
  backend_->set_current_event(event);
  current_event_ = event;
}

void Store::set_event_outcome(Id event, const std::string& outcome) {
  sql::Statement& st = statement(backend_->set_event_outcome_sql());
  st.bind(1, outcome);
  st.bind(2, event);
  st.exec();
}

bool Store::changed_anything() {
  if (restored_) return true;
  sql::Statement& st = statement(R"sql(
SELECT EXISTS (SELECT 1 FROM event_change WHERE event_id = ?1) OR EXISTS (SELECT 1 FROM history WHERE event_id = ?1))sql");
  st.bind(1, current_event_);
  st.step();
  return st.column(0).integer() != 0;
}

void Store::each_change(const ChangeFilter& f, const std::function<void(const ChangeEntry&)>& each) {
  Where where;
  if (f.subject) {  // a checked action belongs to its opportunity
    where.add(true,
              "((c.tbl = :tbl AND c.row_id = :row) OR (:tbl = 'opportunity' AND c.tbl = 'opportunity_action' "
              "AND c.row_id IN (SELECT id FROM opportunity_action WHERE opportunity_id = :row)))",
              {{":tbl", std::string(kind_table(f.subject->kind))}, {":row", f.subject->id}});
  } else {  // events without row changes (refused commands) are shown too
    where.add(true, "(c.id IS NOT NULL OR e.outcome <> 'ok')");
  }
  where.add(!f.since.empty(), "e.at >= :since", ":since", f.since)
      .add(!f.until.empty(), "e.at < :until", ":until", f.until)
      .add(!f.actor.empty(), "e.actor = :actor", ":actor", f.actor);
  // Not a cached statement: `each` may run others while this one steps.
  auto owned = db_->stream(fmt::format(R"sql(
SELECT e.id, e.at, e.actor, e.argv, e.outcome, coalesce(c.tbl, ''), coalesce(c.row_id, 0),
       coalesce(c.op, e.outcome), coalesce(c.before, ''),
       CASE WHEN c.tbl = 'opportunity_action'
         THEN (SELECT {action_json} FROM opportunity_action WHERE id = c.row_id)
         ELSE coalesce(c.after, '') END,
       (SELECT coalesce({reasons}, '') FROM
          (SELECT h.reason, min(h.id) AS first FROM history h
           WHERE h.event_id = e.id AND h.subject_kind = c.tbl AND h.subject_id = c.row_id AND h.reason <> ''
           GROUP BY h.reason ORDER BY first) r),
       e.real_at, e.os_user
FROM event e LEFT JOIN event_change c ON c.event_id = e.id
{where}
ORDER BY e.id DESC, c.id DESC)sql",
                                       fmt::arg("where", where.text()),
                                       fmt::arg("action_json", backend_->action_json_sql()),
                                       // Each reason once, in the order the command wrote them: a
                                       // customer added or converted writes the same reason on
                                       // several of its fields.
                                       fmt::arg("reasons", backend_->joined_reasons_sql())));
  sql::Statement& st = *owned;
  where.bind(st);
  while (st.step())
    each({st.column(0).int64(), st.column(1).text(), st.column(2).text(), st.column(3).text(), st.column(4).text(),
          st.column(5).text(), st.column(6).int64(), st.column(7).text(), st.column(8).text(), st.column(9).text(),
          st.column(10).text(), st.column(11).text(), st.column(12).text()});
}

void Store::add_history(const HistoryEntry& h) {
  sql::Statement& st = statement(std::string(R"sql(
INSERT INTO history (at, actor, subject_kind, subject_id, field, from_value, to_value, reason, cause, rule, event_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, )sql") + backend_->current_event_sql() + ")");
  st.bind(1, h.at);
  st.bind(2, h.actor);
  st.bind(3, std::string(kind_table(h.subject.kind)));
  st.bind(4, h.subject.id);
  st.bind(5, h.field);
  st.bind(6, h.from);
  st.bind(7, h.to);
  st.bind(8, h.reason);
  st.bind(9, std::string(cause_name(h.cause)));
  st.bind(10, h.rule);
  st.exec();
}

std::vector<HistoryEntry> Store::history(Ref subject) {
  sql::Statement& st = statement(R"sql(
SELECT id, at, actor, field, from_value, to_value, reason, cause, rule FROM history
WHERE subject_kind = ? AND subject_id = ? ORDER BY at, id)sql");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  std::vector<HistoryEntry> out;
  while (st.step())
    out.push_back({st.column(0).int64(), st.column(1).text(), st.column(2).text(), subject,
                   st.column(3).text(), st.column(4).text(), st.column(5).text(),
                   st.column(6).text(), parse_cause(st.column(7).text()), st.column(8).text()});
  return out;
}

void Store::each_history_row(Kind kind, const std::vector<std::string>& fields, const std::string& before,
                             const std::function<void(const HistoryEntry&)>& each) {
  // Not a cached statement: `each` may run others while this one steps.
  auto owned = db_->stream(fmt::format(R"sql(
SELECT id, at, actor, subject_id, field, from_value, to_value, reason, cause, rule FROM history
WHERE subject_kind = ?1 AND field IN ({}) AND at < ?2
ORDER BY subject_id, at, id)sql", numbered_parameters(3, fields.size())));
  sql::Statement& st = *owned;
  st.bind(1, std::string(kind_table(kind)));
  st.bind(2, before);
  for (std::size_t i = 0; i < fields.size(); ++i) st.bind(static_cast<int>(i) + 3, fields[i]);
  while (st.step())
    each({st.column(0).int64(), st.column(1).text(), st.column(2).text(),
          Ref{kind, st.column(3).int64()}, st.column(4).text(), st.column(5).text(),
          st.column(6).text(), st.column(7).text(), parse_cause(st.column(8).text()),
          st.column(9).text()});
}

bool Store::audits(std::string_view table) {
  return std::find(std::begin(kAuditedTables), std::end(kAuditedTables), table) != std::end(kAuditedTables);
}

}  // namespace hopper
