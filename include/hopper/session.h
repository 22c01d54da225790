// What every rule needs: the rules file, the store, the clock and who acts.
// Permission checks live here so every command asks them the same way.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hopper/config.h"
#include "hopper/dates.h"
#include "hopper/records.h"
#include "hopper/store.h"

namespace hopper {

struct Session {
  const Config& config;
  Store& store;
  Time now;  // --now: rule evaluation, relative dates
  Time at;   // --at (default now): when the recorded activity happened
  Rep actor;

  std::string at_text() const { return format_time(at); }
  // A history row stamped with the event time and the actor.
  void record_change(Ref subject, const std::string& field, std::string_view from, std::string_view to,
                     const std::string& reason = "", Cause cause = Cause::none, const std::string& rule = "");
};

// Who may be named as the acting rep, as main and init read them.
struct ActorSources {
  std::optional<std::string> as;            // --as
  std::string hopper_user;                  // $HOPPER_USER
  std::string login;                        // $USER
  std::string os_user;                      // the OS account (getpwuid): empty for none
  bool strict = false;                      // [security] strict, as it binds the command
  std::optional<std::string> server_user;   // the PostgreSQL role connected, on a server
  std::optional<std::string> default_user;  // funnel.toml's [workspace] default_user
};
// The acting rep's name, the first of: --as, $HOPPER_USER, the OS account
// under [security] strict, the connected role on a server, default_user,
// $USER, the OS account. Only an admin may name another than the OS
// account (strict) or the role (server): require_strict_identity and
// require_server_identity check that. Empty when nothing names anyone.
std::string acting_name(const ActorSources& sources);

// --at records what already happened: Error(invalid) when it is later than
// the clock (--now, or the system time).
void require_not_after_clock(Time at, Time now);
// A workspace on a server: the connected PostgreSQL role is who acts.
// Another rep may be named, and a change's clock moved, only by an admin's
// role or the schema's owner; the server's policies hold either way.
void require_server_identity(Store& store, const ServerSession& server, const Rep& actor, bool write,
                             bool clock_moved);

// [security] as it binds a command: the stricter of funnel.toml's and what
// an admin recorded in the database, so a rep's own funnel.toml pointed at a
// shared workspace cannot turn strict off (docs/team.md).
SecuritySettings effective_security(const SecuritySettings& file, Store& store);
// hopper config strict on|off: records strict in the database (admins), in
// the event log as any change. Off there, funnel.toml's strict = true holds.
void record_strict(Session& s, bool on);

// [security] strict (`security`: effective_security's): the OS account is
// who acts. Another rep may be named (--as, HOPPER_USER) only when the OS
// account's own rep is an active admin, and so may a moved clock (--now,
// HOPPER_NOW, --at) on a change; Error(denied) otherwise. Does nothing when
// strict is off.
void require_strict_identity(const SecuritySettings& security, Store& store, const std::string& os_user,
                             const Rep& actor, bool write, bool clock_moved);

// Error(denied) unless the actor is a manager or an admin.
void require_manager(const Session& s, std::string_view action);
void require_admin(const Session& s, std::string_view action);
// Reps may change only what they own; managers and admins anything.
void require_owner_or_manager(const Session& s, std::optional<Id> owner, std::string_view what);
// Whose contacts (phones, emails, contact persons) the actor may read: their
// own records' and the shared pool's; a manager also their team's; an admin
// all. Another rep's private customer still shows its name, owner and stage.
// Built once per command (a manager's team is looked up once).
class ContactVisibility {
 public:
  explicit ContactVisibility(const Session& s);
  // A record owned by `owner` (nobody: the pool).
  bool visible(std::optional<Id> owner) const;
  // A conflict's value, when it is a phone or an email (a company is a
  // name): both records hold it, so it shows when either record's contacts
  // do, and is hidden from whoever sees neither.
  bool visible(const Conflict& conflict) const;
  // A logged change's contact values (hopper history): those of a lead,
  // customer or person whose contacts the actor may read, or of a command
  // the actor ran. A denial, or a change to any other table, carries
  // contacts only in its command's words: hidden from everyone else.
  bool visible(const ChangeEntry& change) const;

 private:
  Store& store_;
  Id actor_;
  std::string actor_name_;
  bool admin_;
  std::vector<Id> team_;  // a manager's team, themselves included
};
// What a hidden phone, email or contact shows instead.
inline constexpr const char* kHiddenContact = "(hidden)";

// An active rep by name; Error(not_found) otherwise.
Rep active_rep(Session& s, const std::string& name);
std::string owner_label(const std::string& owner);  // "pool" for nobody
// The rep whose work a command shows (agenda, to-dos): the actor, or the
// rep named, which only a manager may (Error(denied)).
Rep rep_to_view(Session& s, const std::optional<std::string>& name);

}  // namespace hopper
