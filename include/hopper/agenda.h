// To-dos, reorder cycles of consumables (reminders that make to-dos) and the
// day's agenda, bottom-up: signed customers, then deals, then leads.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "hopper/session.h"

namespace hopper {

struct TodoInput {
  std::string text;
  std::optional<std::string> due, on, owner;
};

Todo add_todo(Session& s, const TodoInput& input);
Todo finish_todo(Session& s, Id id);

struct ReorderInput {
  std::string product, every, from;
  std::optional<std::string> until;
  int remind_days = 3;
};
Reorder add_reorder(Session& s, Id customer, const ReorderInput& input);
Reorder stop_reorder(Session& s, Id id);
// The k-th due date of a cycle (k = 0 is `first_due`); months keep the day
// of `first_due`, clamped to short months.
Date reorder_occurrence(const Reorder& reorder, int k);
// The to-do each cycle owes now: its next occurrence has entered its
// reminder window and none of its to-dos is open (a cycle's next to-do
// follows only when the last one is done). Changes nothing.
std::vector<Todo> due_reorder_todos(Session& s);
// hopper reorder run, the nightly job: makes those to-dos. Idempotent: a
// made to-do is open, so its cycle owes nothing until it is done. For
// managers (Error(denied)).
std::vector<Todo> run_reorders(Session& s);

struct AgendaItem {
  std::string section;  // signed | release | opportunity | lead | todo
  std::string ref;
  std::string item;
  std::string due;
  std::string note;
  bool overdue = false;
  bool rotting = false;
  std::int64_t weighted = 0;  // opportunities, minor units
};
// The bottom-up order of a day (it changes nothing): signed customers
// first, with reorders due but not yet made, then the
// customers within warn_days of a forced release, then open opportunities (rotting first, then by weighted value, faster movers first),
// then leads, then the remaining to-dos.
std::vector<AgendaItem> build_agenda(Session& s, const Rep& rep);

}  // namespace hopper
