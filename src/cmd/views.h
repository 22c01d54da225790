// How records look on output: their JSON objects (field names: docs/json.md) and
// the columns of their listings. One home for every command that shows them.
#pragma once
#include <nlohmann/json.hpp>

#include <vector>

#include "command.h"
#include "hopper/pool.h"
#include "hopper/records.h"

namespace hopper::cli {

using nlohmann::json;

json owner_json(const std::string& owner);  // null for the shared pool
json rep_json(const Config& config, const Rep& rep);
// `contacts_visible` false shows phones, emails and contacts as "(hidden)"
// (ContactVisibility decides).
json lead_json(const Config& config, const Lead& lead, bool contacts_visible = true);
json customer_json(const Config& config, const Customer& customer, const std::optional<ReleaseForecast>& release,
                   bool contacts_visible = true);
json person_json(const Person& person, bool contacts_visible = true);
json activity_json(const Activity& activity);
// `value_visible` false shows a duplicated phone or email as "(hidden)".
json conflict_json(const Conflict& conflict, bool value_visible);
json opportunity_json(Session& s, const Opportunity& opp);
json todo_json(const Todo& todo);
json reorder_json(const Reorder& reorder);

extern const std::vector<Column> kRepColumns;
extern const std::vector<Column> kLeadColumns, kLeadFields;
extern const std::vector<Column> kCustomerColumns, kCustomerFields, kPoolColumns;
extern const std::vector<Column> kPersonColumns;
extern const std::vector<Column> kActivityColumns;
extern const std::vector<Column> kConflictColumns;
extern const std::vector<Column> kOpportunityColumns, kOpportunityFields;
extern const std::vector<Column> kTodoColumns;
extern const std::vector<Column> kReorderColumns;
// The record's custom fields as extra rows of a show view.
std::vector<Column> with_custom_fields(const Config& config, FieldEntity entity, std::vector<Column> columns);

void print_list(const Context& ctx, const std::vector<json>& rows, const std::vector<Column>& columns);
void print_record(const Context& ctx, const json& record, const std::vector<Column>& fields);
// A customer with its people, follow-ups and release forecast.
void print_customer(Context& ctx, const Customer& customer);
// Pool changes (claim, release, stake…): the customers as a list.
void print_customers(Context& ctx, const std::vector<Customer>& customers);
// An opportunity with its follow-ups.
void print_opportunity(Context& ctx, const Opportunity& opp);
// A report: JSON prints {"rows", "total", …extra}; text formats print the
// rows and a total row, then `note`; html a page with the chart; a terminal
// table adds the text chart.
// What every report says about itself (docs/json.md): which report, how it was
// computed, over which period, as of when (--now); and what it says instead
// of an empty table and chart when it has nothing.
struct ReportHeading {
  std::string title;
  std::string method;            // "" for a report without methods
  std::optional<Period> period;  // none for a report of the present
  std::string empty;             // set by the caller when the report is empty: "no open deal closes in 2018-Q1"
};
// `charts` is HTML: html_figure()s, one per chart.
void print_report(const Context& ctx, const ReportHeading& heading, const std::vector<json>& rows,
                  const std::vector<Column>& columns, const json& total, const json& extra, const std::string& charts,
                  const std::string& text_chart, const std::string& note = "");
// A titled sub-list under a record in text formats ("People", "Follow-ups").
void print_section(const Context& ctx, const std::string& title, const std::vector<json>& rows,
                   const std::vector<Column>& columns);

}  // namespace hopper::cli
