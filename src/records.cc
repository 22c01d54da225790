#include "hopper/records.h"

#include <fmt/format.h>

#include <charconv>

#include "hopper/error.h"
#include "hopper/text.h"

namespace hopper {

char kind_letter(Kind kind) {
  switch (kind) {
    case Kind::rep: return 'R';
    case Kind::lead: return 'L';
    case Kind::customer: return 'C';
    case Kind::person: return 'P';
    case Kind::activity: return 'A';
    case Kind::conflict: return 'X';
    case Kind::opportunity: return 'O';
    case Kind::todo: return 'T';
    case Kind::reorder: return 'Y';
  }
  return '?';
}

std::string_view kind_table(Kind kind) {
  switch (kind) {
    case Kind::rep: return "rep";
    case Kind::lead: return "lead";
    case Kind::customer: return "customer";
    case Kind::person: return "person";
    case Kind::activity: return "activity";
    case Kind::conflict: return "conflict";
    case Kind::opportunity: return "opportunity";
    case Kind::todo: return "todo";
    case Kind::reorder: return "reorder";
  }
  return "";
}

std::string make_ref(Kind kind, Id id) { return fmt::format("{}{}", kind_letter(kind), id); }

static std::optional<Id> parse_number(std::string_view digits) {
  Id id = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || id <= 0) return std::nullopt;
  return id;
}

static const Kind kAllKinds[] = {Kind::rep, Kind::lead, Kind::customer, Kind::person,
                                 Kind::activity, Kind::conflict, Kind::opportunity, Kind::todo, Kind::reorder};

Kind kind_from_table(std::string_view table) {
  for (Kind k : kAllKinds)
    if (kind_table(k) == table) return k;
  throw Error(Exit::config, fmt::format("the database holds '{}' where a kind of record belongs: it was changed outside "
                                        "hopper or is damaged; hopper doctor shows where, or restore the last backup",
                                        table));
}

Ref parse_ref(std::string_view text) {
  if (!text.empty()) {
    char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    for (Kind k : kAllKinds)
      if (kind_letter(k) == letter)
        if (auto id = parse_number(text.substr(1))) return {k, *id};
  }
  throw Error(Exit::invalid, fmt::format("'{}' is not a record reference: use a letter and a number such as "
                                         "L12 (lead), C7 (customer), P3 (person), O5 (opportunity), R2 (rep), T4 (to-do)",
                                         text));
}

Id parse_id(std::string_view text, Kind expected) {
  if (auto id = parse_number(text)) return *id;
  Ref ref = parse_ref(text);
  if (ref.kind != expected)
    throw Error(Exit::invalid, fmt::format("'{}' is a {}, but a {} ({}N) is expected here", text,
                                           kind_table(ref.kind), kind_table(expected), kind_letter(expected)));
  return ref.id;
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::rep: return "rep";
    case Role::manager: return "manager";
    case Role::admin: return "admin";
  }
  return "rep";
}

std::optional<Role> parse_role(std::string_view text) {
  for (Role r : {Role::rep, Role::manager, Role::admin})
    if (role_name(r) == text) return r;
  return std::nullopt;
}

std::string_view deal_status_name(DealStatus status) {
  switch (status) {
    case DealStatus::open: return "open";
    case DealStatus::won: return "won";
    case DealStatus::lost: return "lost";
  }
  return "open";
}

std::optional<DealStatus> parse_deal_status(std::string_view text) {
  std::string lower = to_lower_ascii(text);
  for (DealStatus d : {DealStatus::open, DealStatus::won, DealStatus::lost})
    if (deal_status_name(d) == lower) return d;
  return std::nullopt;
}

static const Cause kAllCauses[] = {Cause::none,     Cause::added,     Cause::converted, Cause::claimed,
                                   Cause::released, Cause::recycled,  Cause::assigned,  Cause::abandoned,
                                   Cause::left,     Cause::conflict,  Cause::edited};

std::string_view cause_name(Cause cause) {
  switch (cause) {
    case Cause::none: return "";
    case Cause::added: return "added";
    case Cause::converted: return "converted";
    case Cause::claimed: return "claimed";
    case Cause::released: return "released";
    case Cause::recycled: return "recycled";
    case Cause::assigned: return "assigned";
    case Cause::abandoned: return "abandoned";
    case Cause::left: return "left";
    case Cause::conflict: return "conflict";
    case Cause::edited: return "edited";
  }
  return "";
}

Cause parse_cause(std::string_view text) {
  for (Cause c : kAllCauses)
    if (cause_name(c) == text) return c;
  return Cause::none;
}

}  // namespace hopper
