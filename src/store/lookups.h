// The lookups a rule makes past a server's row-level security, one text
// each for every backend: a file runs it as it is; the server's
// sql/postgresql/security.sql wraps it in a SECURITY DEFINER function, in
// place of the marker @lookup(name), its named parameters the function's.
#pragma once
#include <string>

namespace hopper::lookups {

// Open leads and customers matching any given key, but the excepted record.
// Parameters :phone_key, :email_key, :company_key ('' when not given),
// :except_kind, :except_id; rows of kind, id, name, owner, where,
// phone_key, email_key, company_key, by kind and id.
std::string duplicates();
// When the rep last lost the customer, whoever released it ('' never).
// Parameters :customer, :rep; one text column.
std::string last_lost_at();
// `script` with each @lookup(name) replaced by that lookup.
std::string in_functions(std::string script);

}  // namespace hopper::lookups
