// Rows of conflict (撞单), and when a record first saw a valid follow-up.
#include "hopper/store.h"

#include <fmt/format.h>

#include "store/rows.h"

namespace hopper {
using namespace rows;

Id Store::insert_conflict(const Conflict& c) {
  sql::Statement& st = statement(R"sql(
INSERT INTO conflict (record_kind, record_id, existing_kind, existing_id, key, value, status, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)sql");
  st.bind(1, std::string(kind_table(c.record.kind)));
  st.bind(2, c.record.id);
  st.bind(3, std::string(kind_table(c.existing.kind)));
  st.bind(4, c.existing.id);
  st.bind(5, c.key);
  st.bind(6, c.value);
  st.bind(7, std::string(kConflictStatuses.name(c.status)));
  st.bind(8, c.created_at);
  return inserted(st);
}

std::vector<Conflict> Store::conflicts(std::optional<ConflictStatus> status) {
  // Each record's owner, and whether the reader may read it at all (on a
  // server the policies hide another rep's rows, which is not the pool).
  sql::Statement& st = statement(R"sql(
SELECT x.id, x.record_kind, x.record_id, x.existing_kind, x.existing_id, x.key, x.value, x.status, x.created_at,
       x.resolved_to, x.resolution,
       rl.id IS NOT NULL OR rc.id IS NOT NULL, coalesce(rl.owner_id, rc.owner_id),
       el.id IS NOT NULL OR ec.id IS NOT NULL, coalesce(el.owner_id, ec.owner_id)
FROM conflict x
LEFT JOIN lead rl ON x.record_kind = 'lead' AND rl.id = x.record_id
LEFT JOIN customer rc ON x.record_kind = 'customer' AND rc.id = x.record_id
LEFT JOIN lead el ON x.existing_kind = 'lead' AND el.id = x.existing_id
LEFT JOIN customer ec ON x.existing_kind = 'customer' AND ec.id = x.existing_id
WHERE ?1 = '' OR x.status = ?1 ORDER BY x.id)sql");
  st.bind(1, std::string(status ? kConflictStatuses.name(*status) : ""));
  std::vector<Conflict> out;
  while (st.step())
    out.push_back({st.column(0).int64(),
                   {kind_from_table(st.column(1).text()), st.column(2).int64()},
                   {kind_from_table(st.column(3).text()), st.column(4).int64()},
                   st.column(5).text(), st.column(6).text(), kConflictStatuses.stored(st.column(7).text()),
                   st.column(8).text(), st.column(9).text(), st.column(10).text(),
                   {st.column(11).integer() != 0, optional_id(st.column(12))},
                   {st.column(13).integer() != 0, optional_id(st.column(14))}});
  return out;
}

void Store::resolve_conflict(Id id, const std::string& to, const std::string& resolution) {
  static const std::string text = fmt::format("UPDATE conflict SET status = {}, resolved_to = ?, resolution = ? WHERE id = ?",
                                              literal(kConflictStatuses, ConflictStatus::resolved));
  sql::Statement& st = statement(text);
  st.bind(1, to);
  st.bind(2, resolution);
  st.bind(3, id);
  st.exec();
}

std::string Store::first_valid_followup(Ref subject) {
  sql::Statement& st = statement(R"sql(
SELECT coalesce(min(at), '') FROM activity
WHERE valid <> 0 AND ((subject_kind = ?1 AND subject_id = ?2) OR (?1 = 'customer' AND customer_id = ?2)))sql");
  st.bind(1, std::string(kind_table(subject.kind)));
  st.bind(2, subject.id);
  st.step();
  return st.column(0).text();
}

}  // namespace hopper
