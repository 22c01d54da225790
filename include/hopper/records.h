// The records of a workspace as plain structs. Ids are stable and
// shown with a type letter: L12 lead, C7 customer, P3 person, R2 rep.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "hopper/names.h"

namespace hopper {

using Id = std::int64_t;
using Fields = std::map<std::string, std::string>;  // custom fields, by key

// The records that have custom fields ([[field]] entity in funnel.toml);
// the name is also their table's.
enum class FieldEntity { lead, customer, opportunity };
inline constexpr NameTable<FieldEntity, 3> kFieldEntities{
    "field entity",
    {{FieldEntity::lead, "lead"}, {FieldEntity::customer, "customer"}, {FieldEntity::opportunity, "opportunity"}}};

enum class Kind { rep, lead, customer, person, activity, conflict, opportunity, todo, reorder };

struct Ref {
  Kind kind;
  Id id;
  bool operator==(const Ref&) const = default;
};

char kind_letter(Kind kind);
std::string_view kind_table(Kind kind);  // the store's table name
// The kind a stored table name stands for: Error(config) saying the
// database is damaged when it names none.
Kind kind_from_table(std::string_view table);
std::string make_ref(Kind kind, Id id);
// "12" or "L12" for the expected kind; "C7" given where a lead is expected is
// refused with Error(invalid).
Id parse_id(std::string_view text, Kind expected);
// Any ref with its letter: "L12", "C7" …
Ref parse_ref(std::string_view text);

enum class Role { rep, manager, admin };
inline constexpr NameTable<Role, 3> kRoles{"role", {{Role::rep, "rep"}, {Role::manager, "manager"}, {Role::admin, "admin"}}};
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view text);

// Where a deal stands: open in a stage, or closed won or lost.
enum class DealStatus { open, won, lost };
inline constexpr NameTable<DealStatus, 3> kDealStatuses{
    "deal status", {{DealStatus::open, "open"}, {DealStatus::won, "won"}, {DealStatus::lost, "lost"}}};
std::string_view deal_status_name(DealStatus status);
std::optional<DealStatus> parse_deal_status(std::string_view text);  // open, won or lost, in any case

// Where a lead stands: open, or closed by converting it to a customer or
// dropping it.
enum class LeadStatus { open, converted, dropped };
inline constexpr NameTable<LeadStatus, 3> kLeadStatuses{
    "lead status", {{LeadStatus::open, "open"}, {LeadStatus::converted, "converted"}, {LeadStatus::dropped, "dropped"}}};

// A forced duplicate waits open until a policy or a manager resolves it.
enum class ConflictStatus { open, resolved };
inline constexpr NameTable<ConflictStatus, 2> kConflictStatuses{
    "conflict status", {{ConflictStatus::open, "open"}, {ConflictStatus::resolved, "resolved"}}};

enum class TodoStatus { open, done };
inline constexpr NameTable<TodoStatus, 2> kTodoStatuses{"to-do status", {{TodoStatus::open, "open"}, {TodoStatus::done, "done"}}};

// Why an owner changed, typed so that reports count by it instead of reading
// the free-text reason (which stays for people).
enum class Cause { none, added, converted, claimed, released, recycled, assigned, abandoned, left, conflict, edited };
inline constexpr NameTable<Cause, 11> kCauses{"cause",
                                             {{Cause::none, ""},
                                              {Cause::added, "added"},
                                              {Cause::converted, "converted"},
                                              {Cause::claimed, "claimed"},
                                              {Cause::released, "released"},
                                              {Cause::recycled, "recycled"},
                                              {Cause::assigned, "assigned"},
                                              {Cause::abandoned, "abandoned"},
                                              {Cause::left, "left"},
                                              {Cause::conflict, "conflict"},
                                              {Cause::edited, "edited"}}};
std::string_view cause_name(Cause cause);
Cause parse_cause(std::string_view text);  // Cause::none for anything unknown

struct Rep {
  Id id = 0;
  std::string name;
  std::string team;
  Role role = Role::rep;
  bool active = true;
  std::optional<int> capacity;  // overrides [pool] capacity
  std::string created_at;
  bool is_manager() const { return role != Role::rep; }
};

struct Lead {
  Id id = 0;
  std::string name;
  std::string company;
  std::string contact;
  std::string phone;
  std::string email;
  std::string source;
  std::string grade;
  std::optional<Id> owner_id;
  std::string owner;              // the owner's name (read only)
  LeadStatus status = LeadStatus::open;
  std::string drop_reason;
  std::optional<Id> customer_id;  // set once converted
  Fields fields;
  std::string created_at;
};

struct Customer {
  Id id = 0;
  std::string name;
  std::string grade;
  std::string segment;
  std::string layer;
  std::optional<Id> owner_id;  // none: in the shared pool
  std::string owner;
  std::string phone;
  std::string email;
  bool locked = false;
  std::optional<Id> lead_id;
  std::string cool_until;  // abandoned customers are not claimable before it
  // The pool (docs/pool-rules.md): when the current owner took it, who had it before,
  // who may take it back (after_release = return-to-owner), who staked it.
  std::string claimed_at;
  std::optional<Id> previous_owner_id;
  std::string previous_owner;
  std::optional<Id> reserved_for_id;
  std::string reserved_for;
  std::optional<Id> staked_by_id;
  std::string staked_by;
  std::string staked_at;
  Fields fields;
  std::string created_at;

  void end_stake() {
    staked_by_id.reset();
    staked_by.clear();
    staked_at.clear();
  }
};

struct Person {
  Id id = 0;
  Id customer_id = 0;
  std::string name;
  std::string phone;
  std::string email;
  std::string title;
  std::string created_at;
};

struct Activity {
  Id id = 0;
  Ref subject{Kind::customer, 0};  // lead, customer (later opportunity)
  std::optional<Id> customer_id;   // the customer the follow-up counts for
  std::string type;
  std::string text;
  std::string at;
  Id actor_id = 0;
  std::string actor;
  bool valid = true;
  std::string invalid_reason;
};

// Who holds a record as far as the reader may know: a rep, or nobody (the
// shared pool); not `known` when the reader may not read the record at all
// (a server's row-level security hides it).
struct Holding {
  bool known = true;
  std::optional<Id> owner;
};

// A forced duplicate (撞单) waiting for a decision.
struct Conflict {
  Id id = 0;
  Ref record{Kind::lead, 0};    // the record added with --force
  Ref existing{Kind::lead, 0};  // the record it matched
  std::string key;              // phone | email | company
  std::string value;
  ConflictStatus status = ConflictStatus::open;
  std::string created_at;
  std::string resolved_to;  // the rep who got both records
  std::string resolution;   // how: the policy, or "manager"
  Holding record_holder, existing_holder;  // as read (ContactVisibility decides who sees `value`)
};

// An opportunity (商机): a staged sales goal of one customer.
struct Opportunity {
  Id id = 0;
  Id customer_id = 0;
  std::string customer;  // the customer's name (read only)
  std::string name;
  std::string pipeline;
  std::string stage;  // while won or lost: the last open stage
  std::int64_t amount = 0;  // minor units
  std::string close_date;   // YYYY-MM-DD or empty
  std::optional<double> manual_probability;  // sticky, survives stage moves
  std::optional<Id> owner_id;
  std::string owner;
  DealStatus status = DealStatus::open;
  std::string lost_reason;
  std::string closed_at;
  std::string stage_since;  // when it entered its stage (or reopened)
  Fields fields;
  std::string created_at;
};

struct Todo {
  Id id = 0;
  std::string text;
  std::string due;  // YYYY-MM-DD or empty
  std::optional<Id> owner_id;
  std::string owner;
  std::optional<Ref> subject;  // what it is about
  std::optional<Id> reorder_id;
  std::string occurrence;  // the reorder date it stands for
  TodoStatus status = TodoStatus::open;
  std::string done_at;
  std::string created_at;
};

// A consumable's reorder cycle: due from `first_due`, every period.
struct Reorder {
  Id id = 0;
  Id customer_id = 0;
  std::string customer;
  std::string product;
  std::string every;  // 30d | 2w | 1m | 1y
  std::string first_due;
  std::string until;  // empty: open-ended
  int remind_days = 3;
  bool active = true;
  std::string created_at;
};

}  // namespace hopper
