// The command table: each command says what it needs (no workspace, the
// workspace only, a read transaction, a write transaction) and main opens
// exactly that, so no command can forget its transaction or its event log.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hopper/config.h"
#include "hopper/import.h"
#include "hopper/output.h"
#include "hopper/session.h"
#include "hopper/store.h"
#include "hopper/workspace.h"

namespace hopper::cli {

enum class Needs {
  nothing,    // runs anywhere: init, help
  workspace,  // finds the workspace and reads funnel.toml even when invalid: config check
  read,       // a valid workspace, the acting rep, a read transaction
  write,      // the same with BEGIN IMMEDIATE and an event in the log
};

struct Globals {
  std::optional<std::string> dir, now, as, format, at;
  std::string color = "auto";
  bool json = false, quiet = false, dry_run = false, yes = false;
  double wait_seconds = 5;
};

struct Context {
  explicit Context(const Globals& g) : globals(g) {}
  const Globals& globals;
  std::vector<std::string> argv;
  Time now{};        // the clock: --now, HOPPER_NOW, else the system time
  Time real_now{};   // the system time, always
  bool clock_moved = false;  // --now or HOPPER_NOW named the clock
  std::string os_user;  // the OS account running hopper (getpwuid(geteuid()))
  ActorSources actor_sources;  // --as, $HOPPER_USER, $USER, the OS account (main reads them once)
  OutputOptions out;
  std::optional<WorkspacePaths> paths;
  std::optional<ConfigResult> config;  // with Needs::workspace it may hold problems
  std::unique_ptr<Store> store;
  std::optional<Session> session;

  void print(const std::string& text) const;  // data: stdout
  void note(const std::string& text) const;   // a message of one line: stderr, every newline in it escaped
  // For long writes: commits what is done and opens the next transaction
  // (with its own event), so other writers get in. Under --dry-run it does
  // nothing: the whole command is rolled back at the end. What was printed
  // is written out first: output that cannot be written commits nothing.
  void checkpoint();
  bool committed_part = false;  // a checkpoint committed part of the change
  // Runs once the command's change is kept (committed, or nothing to keep),
  // never under --dry-run or after an error: for what goes outside the
  // database only when the change is made (an import's rejects file).
  void when_kept(std::function<void()> action) { kept_actions.push_back(std::move(action)); }
  std::vector<std::function<void()>> kept_actions;
  // Opens an event for this command line in the log, acting as `actor`.
  Id begin_event(Store& on, const std::string& actor) const;
  // When and by whom, for an event: the clock, the real time, the OS account.
  EventStamp stamp(const std::string& actor) const;
  // The workspace's store, migrated if older, a migration filed under the OS account.
  std::unique_ptr<Store> open_store() const;
  // Relative dates resolve against --now.
  Time parse_when(const std::string& text) const;
};

// A file a command writes beside its change (an import's --rejects):
// written aside while the command runs, and put in place only when the
// change is kept, so that a refused or --dry-run command leaves none. It
// never replaces `input` (the file the command reads, "-" for stdin:
// compared by device and inode, so a symlink or hard link to it is the
// same file), a directory, or, without `force`, a file that exists. A
// device or pipe (/dev/null, /dev/stdout) is output like stdout: it gets
// the text when the command ends, before the commit, unless --dry-run.
// `option` names it in messages (--rejects).
class KeptFile {
 public:
  static std::shared_ptr<KeptFile> open(Context& ctx, std::string option, std::string path, const std::string& input,
                                        bool force);
  KeptFile(std::string option, std::string path, const std::string& input, bool force, bool dry_run);
  ~KeptFile();
  std::ostream& stream() { return out_; }
  // Ends the writing, before the commit: Error when the text could not
  // all be written (the command then fails, and its change is not kept).
  void finish();

 private:
  void put_in_place();
  std::string option_, path_;
  std::string aside_;  // the name of where it is written until kept; empty when that has none
  bool force_, dry_run_, special_ = false, placed_ = false;
  int fd_ = -1;
  std::unique_ptr<OutputBuffer> buffer_;
  std::ostream out_{nullptr};
};

// Every report takes --period P or --from A --to B (both inclusive).
struct PeriodOptions {
  std::optional<std::string> period, from, to;
};
void add_period_options(CLI::App* app, PeriodOptions& options, const std::string& default_help);
// The period asked for, else `fallback` (this-month, last-month …), against --now.
Period resolve_period(Context& ctx, const PeriodOptions& options, const std::string& fallback);

// --limit N and --all for lists that grow with the workspace. On a TTY a
// table shows a page and says how many rows it left out; piped, and as CSV
// or JSON, a list is complete unless --limit is given (scripts depend on it).
struct ListLimit {
  std::optional<long> limit;
  bool all = false;
  static constexpr long kPage = 50;
  static constexpr long kMost = 1000000000;  // what --limit takes at most
};
// An option that takes a whole number from `min` to `max`; anything else is
// a usage error saying so ("--capacity: '-1' is not a whole number from 0 to
// 1000000"), read before CLI11 converts it.
CLI::Validator whole_number(long min, long max);
// A --status filter's values: a status table's names, then "all" (no filter).
std::vector<std::string> with_all(std::vector<std::string> names);
// An optional choice option's value, checked against the table's names.
template <class E, std::size_t N>
std::optional<E> parse_choice(const NameTable<E, N>& table, const std::optional<std::string>& text) {
  return text ? table.parse(*text) : std::nullopt;
}
void add_limit_options(CLI::App* app, ListLimit& limit);
// Rows stream to stdout as the caller adds them; finish() notes what a page left out.
class ListPrinter {
 public:
  ListPrinter(const Context& ctx, const std::vector<Column>& columns, const ListLimit& limit, OutputOptions out);
  ListPrinter(const Context& ctx, const std::vector<Column>& columns, const ListLimit& limit)
      : ListPrinter(ctx, columns, limit, ctx.out) {}
  void add(const nlohmann::json& row) { writer_.add(row); }
  void finish();

 private:
  const Context& ctx_;
  ListWriter writer_;
};

struct Command {
  CLI::App* app;
  Needs needs;
  std::function<void(Context&)> run;
  // For a change that is hard to take back: the question a person at a
  // terminal answers before it runs (-y, --dry-run and a script skip it).
  std::function<std::string()> question;
  // A read that copies the whole workspace (export, backup): its refusal is
  // on the record, as a refused change's is.
  bool records_refusal = false;
};

class Commands {
 public:
  explicit Commands(CLI::App& root) : root_(root) {}
  // A noun such as `lead`; it needs one of its verbs.
  CLI::App* noun(const std::string& name, const std::string& help);
  // A verb under a noun (or a top-level command when parent is the root).
  CLI::App* add(CLI::App* parent, const std::string& name, const std::string& help, Needs needs,
                std::function<void(Context&)> run);
  // Adds "Example: TEXT" to the help of the command at `path` ("lead add").
  void example(const std::string& path, const std::string& text);
  // Makes `app` ask before it changes anything; `question` sees the parsed options.
  void confirm(CLI::App* app, std::function<std::string()> question);
  // Makes a read command's refusal (exit 9) an event in the log.
  void record_refusals(CLI::App* app);
  CLI::App& root() { return root_; }
  const Command* selected() const;

 private:
  CLI::App& root_;
  std::vector<Command> commands_;
};

// What the command tree says about itself, for the reference, the man page
// and shell completion: generated from the same CLI11 definitions that parse
// the command line, so none of them can drift from it.
struct OptionDoc {
  std::vector<std::string> names;   // "--owner", "-o"; a positional's own name ("ref")
  std::string value;                // "NAME", "DATE"; empty for a flag
  std::string help;
  std::vector<std::string> choices;  // from IsMember checks
  bool positional = false;
  bool required = false;
};
struct CommandDoc {
  std::string path;  // "lead add"; "" for hopper itself
  std::string help;
  std::string footer;  // the example
  std::vector<OptionDoc> options;  // without --help
  std::vector<std::string> subcommands;
};
// "--owner", "-o": how an option is written on the command line.
std::vector<std::string> option_names(const CLI::Option& option);
// Every visible command, depth first, hopper itself first.
std::vector<CommandDoc> describe_commands(const CLI::App& root);

// One function per command noun, each in its own file.
void add_init_commands(Commands& c);
void add_config_commands(Commands& c);
void add_rep_commands(Commands& c);
void add_lead_commands(Commands& c);
void add_customer_commands(Commands& c);
void add_person_commands(Commands& c);
void add_log_commands(Commands& c);
void add_conflict_commands(Commands& c);
void add_history_commands(Commands& c);
void add_opp_commands(Commands& c);
void add_todo_commands(Commands& c);
void add_reorder_commands(Commands& c);
void add_agenda_commands(Commands& c);
void add_pool_commands(Commands& c);
void add_funnel_commands(Commands& c);
void add_forecast_commands(Commands& c);
void add_doctor_commands(Commands& c);
void add_help_commands(Commands& c);
void add_completion_commands(Commands& c);
void add_archive_commands(Commands& c);
// `NOUN import FILE`: the same options for leads, customers and opportunities.
void add_import_command(Commands& c, CLI::App* noun, ImportKind kind);

}  // namespace hopper::cli
