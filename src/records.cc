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

void throw_damaged_value(std::string_view what, std::string_view text) {
  throw Error(Exit::config, fmt::format("the database holds '{}' where a {} belongs: it was changed outside "
                                        "hopper or is damaged; hopper doctor shows where, or restore the last backup",
                                        text, what));
}

Kind kind_from_table(std::string_view table) {
  for (Kind k : kAllKinds)
    if (kind_table(k) == table) return k;
  throw_damaged_value("kind of record", table);
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

std::string_view role_name(Role role) { return kRoles.name(role); }
std::optional<Role> parse_role(std::string_view text) { return kRoles.parse(text); }

std::string_view deal_status_name(DealStatus status) { return kDealStatuses.name(status); }
std::optional<DealStatus> parse_deal_status(std::string_view text) { return kDealStatuses.parse(to_lower_ascii(text)); }

std::string_view cause_name(Cause cause) { return kCauses.name(cause); }
Cause parse_cause(std::string_view text) { return kCauses.parse(text).value_or(Cause::none); }

}  // namespace hopper
