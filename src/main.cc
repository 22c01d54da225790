// hopper: parse the command line, open what the chosen command needs, run it
// in one transaction, and turn every failure into its documented exit code.
#include <fcntl.h>
#include <pwd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cmd/command.h"
#include "hopper/error.h"
#include "hopper/stored_keys.h"
#include "hopper/text.h"
#include "hopper/validation.h"

using namespace hopper;
using namespace hopper::cli;

namespace {

void add_global_options(CLI::App& app, Globals& g) {
  app.add_option("-C", g.dir, "Run in the workspace at DIR")->type_name("DIR");
  app.add_option("--now", g.now, "The clock: DATE[THH:MM[:SS]] (env HOPPER_NOW)")->type_name("DATE");
  app.add_option("--as", g.as, "The acting rep (env HOPPER_USER; default: default_user, then $USER)")->type_name("NAME");
  app.add_option("-o,--format", g.format, "Output: " + join(format_names(), "|") + " (default: table on a TTY, tsv otherwise)")
      ->type_name("FMT");
  app.add_flag("--json", g.json, "Same as --format json");
  app.add_flag("-q,--quiet", g.quiet, "Print only what a script needs (refs)");
  app.add_option("--color", g.color, "auto|always|never (NO_COLOR turns auto off)")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--dry-run", g.dry_run, "Show what would change, change nothing");
  app.add_flag("-y,--yes", g.yes, "Answer yes to the question a destructive command asks on a terminal");
  app.add_option("--at", g.at, "Record a change as happening at DATE (back-dating)")->type_name("DATE");
  app.add_option("--wait", g.wait_seconds, "Seconds to wait for a busy workspace (default 5)")->type_name("SECS");
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Every argument is UTF-8 and no longer than a value can be, checked before
// anything parses it: no layer below meets bytes it cannot store or show.
void check_arguments(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    std::string name = fmt::format("argument {}", i);
    std::size_t value_at = 0;
    if (arg.starts_with("--") && arg.find('=') != std::string_view::npos) {
      value_at = arg.find('=') + 1;
      name = fmt::format("the value of {}", arg.substr(0, value_at - 1));
    } else if (i > 1 && argv[i - 1][0] == '-' && !arg.starts_with("-")) name = fmt::format("the value of {}", argv[i - 1]);
    if (auto at = invalid_utf8_at(arg); at != std::string_view::npos)
      throw Error(Exit::invalid, fmt::format("{}: byte {} (0x{:02X}) is not UTF-8; hopper reads text as UTF-8 (a GBK "
                                             "terminal or file needs converting: iconv -f GBK -t UTF-8)",
                                             name, at - value_at + 1, static_cast<unsigned char>(arg[at])));
    if (auto p = length_problem(std::string(arg), kMaxTextChars)) throw Error(Exit::invalid, name + " " + *p);
  }
  for (const char* variable : {"HOPPER_USER", "HOPPER_NOW", "HOPPER_DIR", "HOPPER_FORCE_TTY"}) {
    std::string value = env(variable);
    if (invalid_utf8_at(value) != std::string_view::npos)
      throw Error(Exit::invalid, fmt::format("${} is not UTF-8; set it to a name or date in UTF-8", variable));
    if (auto p = length_problem(value, kMaxTextChars)) throw Error(Exit::invalid, fmt::format("${} {}", variable, *p));
  }
}

// What to do when the machine, not hopper, failed: the file, its
// permissions, the disk, the server. Every write is one transaction, so
// nothing was half written.
std::pair<Exit, std::string> store_failure(const StoreFailure& e) {
  using K = StoreFailure::Kind;
  std::string what = e.what();
  switch (e.kind()) {
    case K::busy:
      return {Exit::busy, "the workspace is busy (another hopper is writing); try again, or wait longer with --wait SECS"};
    case K::denied:
      return {Exit::denied, what + ": the server does not let your role do this (see docs/team.md); nothing was changed"};
    case K::unreachable:
      return {Exit::config, what + "; check that the server runs and that [store] url, PGHOST, PGPORT, PGUSER or "
                                   "PGSERVICE name it, and that ~/.pgpass holds your password. Nothing was changed"};
    case K::read_only:
      return {Exit::config, what + ": you cannot write the workspace database or its folder .hopper/; check their owner "
                                   "and mode (ls -la .hopper), or run as the user who owns them. Nothing was changed"};
    case K::cannot_open:
      return {Exit::config, what + ": the workspace database cannot be opened: it must be a file you can read and write "
                                   "in a folder you can write (ls -la .hopper)"};
    case K::damaged:
      return {Exit::config, what + ": the workspace database is damaged or not a database at all. Restore the last "
                                   "backup (hopper backup makes them) by copying it to .hopper/hopper.db; while the file "
                                   "still opens, hopper doctor shows what is wrong"};
    case K::disk:
      return {Exit::config, what + ": the database could not be read or written: the disk is full, a file-size limit "
                                   "was reached, or the disk failed. Free space and run the command again; nothing was "
                                   "changed"};
    case K::constraint:
    case K::other: break;
  }
  return {Exit::internal, "database error: " + what};
}

std::string command_path(const CLI::App* app) {
  std::vector<std::string> words;
  for (; app; app = app->get_parent()) words.insert(words.begin(), app->get_name());
  return join(words, " ");
}

// The commands under `app` that --help shows (not __complete).
std::vector<std::string> visible_commands(CLI::App* app) {
  std::vector<std::string> names;
  for (const CLI::App* a : app->get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); }))
    names.push_back(a->get_name());
  return names;
}

// How far a command line that CLI11 refused got: the deepest command it
// named, and what it got wrong, said in words a person can act on (the
// unknown command or option, the closest known one, where to look) where
// CLI11 says "A subcommand is required" or "arguments were not expected".
struct UsageWalk {
  CLI::App* command;
  std::optional<std::string> problem;
  bool unknown_command = false;  // a word named no command: no help to show for it
};

UsageWalk walk_command_line(CLI::App& app, int argc, char** argv) {
  CLI::App* current = &app;
  auto find_option = [&](const std::string& name) -> CLI::Option* {
    for (CLI::App* a = current; a; a = a->get_parent())
      if (CLI::Option* o = a->get_option_no_throw(name)) return o;
    return nullptr;
  };
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "--") break;
    if (word.starts_with("-") && word.size() > 1 && !std::isdigit(static_cast<unsigned char>(word[1]))) {
      std::string name = word.substr(0, word.find('='));
      CLI::Option* opt = find_option(name);
      if (!opt && !name.starts_with("--") && name.size() > 2) opt = find_option(name.substr(0, 2));  // -Cdir
      if (!opt) {
        std::vector<std::string> names;
        for (CLI::App* a = current; a; a = a->get_parent())
          for (const CLI::Option* o : a->get_options())
            for (auto& n : option_names(*o)) names.push_back(std::move(n));
        return {current, fmt::format("unknown option '{}' for '{}'{} ({} --help lists its options)", name,
                                     command_path(current), did_you_mean(name, names), command_path(current))};
      }
      if (opt->get_expected_max() > 0 && word.find('=') == std::string::npos && name == word) ++i;  // skip its value
      continue;
    }
    auto subs = current->get_subcommands({});
    if (subs.empty()) continue;  // a positional argument
    auto found = std::find_if(subs.begin(), subs.end(), [&](CLI::App* a) { return a->get_name() == word; });
    if (found == subs.end()) {
      std::vector<std::string> names = visible_commands(current);
      std::string where = command_path(current);
      return {current,
              fmt::format("unknown command '{} {}'{} ({} has: {})", where, word, did_you_mean(word, names), where,
                          join(names, ", ")),
              true};
    }
    current = *found;
  }
  if (current == &app || current->get_subcommands({}).empty()) return {current, std::nullopt};
  return {current, fmt::format("'{}' needs a command: {} (see {} --help)", command_path(current),
                               join(visible_commands(current), ", "), command_path(current))};
}

// What to say about a command line CLI11 refused: our own account where we
// have one, else CLI11's ("--close: 1 required TEXT missing") and where to read more.
std::string usage_message(CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  UsageWalk walk = walk_command_line(app, argc, argv);
  if (walk.problem) return *walk.problem;
  std::string what = e.what();
  while (!what.empty() && (what.back() == '\n' || what.back() == '.')) what.pop_back();
  return fmt::format("{}; see {} --help", what, command_path(walk.command));
}

// $HOPPER_FORCE_TTY=COLUMNS: output as on a terminal that wide, piped or not
// (for `watch`, a pager, a test), as gh's GH_FORCE_TTY.
std::optional<int> forced_terminal_width() {
  std::string text = env("HOPPER_FORCE_TTY");
  if (text.empty()) return std::nullopt;
  int columns = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), columns);
  if (error != std::errc() || end != text.data() + text.size() || columns < 20 || columns > 10000)
    throw Error(Exit::invalid, "$HOPPER_FORCE_TTY is the width of the terminal to write for: a number of columns "
                               "from 20 to 10000, such as 120");
  return columns;
}

OutputOptions output_options(const Globals& g) {
  OutputOptions o;
  auto forced = forced_terminal_width();
  o.tty = forced || isatty(STDOUT_FILENO);
  o.format = g.json ? Format::json : g.format ? parse_format(*g.format) : (o.tty ? Format::table : Format::tsv);
  o.quiet = g.quiet;
  o.color = g.color == "always" || (g.color == "auto" && o.tty && env("NO_COLOR").empty());
  if (forced) {
    o.terminal_width = *forced;
  } else if (o.tty) {
    winsize ws{};
    o.terminal_width = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
  }
  return o;
}

// The clock a command runs under: --now, else $HOPPER_NOW, else the system
// time; on a server run() puts the server's time in place of the system's.
// Either one named moves the clock (what [security] strict and a server
// allow only admins on a change).
void resolve_clock(Context& ctx, const Globals& g) {
  std::optional<std::string> named = g.now;
  if (std::string from_env = env("HOPPER_NOW"); !named && !from_env.empty()) named = from_env;
  ctx.real_now = system_now();
  ctx.clock_moved = named.has_value();
  ctx.now = named && !named->empty() ? parse_absolute_time(*named) : ctx.real_now;
}

// The account the kernel says runs us; $USER can say anything.
std::string os_account() {
  if (const passwd* pw = getpwuid(geteuid())) return pw->pw_name;
  return fmt::format("uid {}", geteuid());
}

Rep resolve_actor(Store& store, const std::string& name) {
  auto rep = store.find_rep(name);
  if (!rep)
    throw Error(Exit::denied, fmt::format("'{}' is not a rep of this workspace; pass --as NAME or set HOPPER_USER "
                                          "(see hopper rep list; an admin adds reps with hopper rep add)",
                                          name));
  if (!rep->active) throw Error(Exit::denied, fmt::format("rep '{}' has left this workspace", name));
  return *rep;
}

// An error as the terminal shows it: each of the message's own lines, with
// whatever acts on a terminal inside one escaped, a newline included.
std::string shown(const Error& e) {
  std::vector<std::string> lines;
  for (const auto& line : e.lines()) lines.push_back(terminal_safe(line));
  return join(lines, "\n");
}

// A change hard to take back asks first, on a terminal only: -y answers yes,
// --dry-run changes nothing anyway, and a script's stdin is never read.
void confirm(const Command& cmd, const Globals& g) {
  if (!cmd.question || g.yes || g.dry_run || !isatty(STDIN_FILENO) || !isatty(STDERR_FILENO)) return;
  std::cerr << "hopper: " << terminal_safe(cmd.question()) << " [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  answer = to_lower_ascii(trim(answer));
  if (answer != "y" && answer != "yes")
    throw Error(Exit::refused, "not confirmed: nothing was changed (-y answers yes for scripts)");
}

// Opens the workspace, the store and the transaction the command needs, runs
// it, and commits (or rolls back for --dry-run and on any error).
void run(const Command& cmd, Context& ctx, const Globals& g) {
  if (cmd.needs == Needs::nothing) return cmd.run(ctx);
  ctx.paths = discover_workspace(g.dir);
  ctx.config = parse_config(read_file(ctx.paths->config()));
  ctx.out.currency = ctx.config->config.workspace.currency;
  if (cmd.needs == Needs::workspace) return cmd.run(ctx);
  if (!ctx.config->ok()) {
    std::vector<std::string> lines{fmt::format("{} is invalid; fix it (hopper config check) before running commands:",
                                               display_path(ctx.paths->config()))};
    for (auto& line : format_problems(ctx.config->problems, display_path(ctx.paths->config()))) lines.push_back(line);
    throw Error(Exit::config, lines);
  }
  ctx.store = ctx.open_store();
  SecuritySettings security = effective_security(ctx.config->config.security, *ctx.store);
  if (auto cut_short = rules_cut_short(ctx.config->config, *ctx.store, display_path(ctx.paths->config())))
    throw Error(Exit::config, *cut_short);
  bool write = cmd.needs == Needs::write;
  if (g.at && !write) throw Error(Exit::usage, "--at applies only to commands that change something");
  // Refused changes are logged (docs/team.md), by whoever was named, known or
  // not, and so are refused copies of the whole workspace; a refused
  // --dry-run writes that record and nothing else.
  auto record_denial = [&](const std::string& who) {
    if (!write && !cmd.records_refusal) return;
    ctx.store->begin(true);
    ctx.store->set_event_outcome(ctx.begin_event(*ctx.store, who), "denied");
    ctx.store->commit();
    if (g.dry_run) ctx.note("dry run: nothing was changed; the refusal is recorded in the event log");
  };
  bool clock_moved = ctx.clock_moved || g.at;
  std::optional<ServerSession> server = ctx.store->server_session();
  if (server && !ctx.clock_moved) ctx.now = parse_absolute_time(server->now);  // the server's clock, unless moved
  ActorSources sources = ctx.actor_sources;
  sources.strict = security.strict;
  if (server) sources.server_user = server->user;
  sources.default_user = ctx.config->config.workspace.default_user;
  std::string acting = acting_name(sources);
  Rep actor;
  try {
    actor = resolve_actor(*ctx.store, acting);
    if (server) require_server_identity(*ctx.store, *server, actor, write, clock_moved);
  } catch (const Error& e) {  // on a server, a refusal is on the record of who is connected
    if (e.code() == Exit::denied) record_denial(server && !server->owner ? server->user : acting);
    throw;
  }
  Time at = g.at ? ctx.parse_when(*g.at) : ctx.now;
  require_not_after_clock(at, ctx.now);
  confirm(cmd, g);  // before the write lock: a question left open must not block the team
  ctx.session.emplace(Session{ctx.config->config, *ctx.store, ctx.now, at, actor});
  ctx.store->begin(write);
  try {
    if (write) ctx.begin_event(*ctx.store, actor.name);
    require_strict_identity(security, *ctx.store, ctx.os_user, actor, write, clock_moved);
    cmd.run(ctx);
    std::cout.flush();  // before the commit: output that cannot be written changes nothing
    if (write && g.dry_run) {
      ctx.store->rollback();
      ctx.note("dry run: nothing was changed");
    } else if (write && !ctx.store->changed_anything()) {
      ctx.store->rollback();  // nothing happened: no empty event in the log
    } else {
      ctx.store->commit();
    }
  } catch (const Error& e) {
    ctx.store->rollback();
    if (e.code() == Exit::denied) record_denial(actor.name);
    throw;
  } catch (...) {
    ctx.store->rollback();
    throw;
  }
  if (!g.dry_run)
    for (const auto& action : ctx.kept_actions) action();
}

// A standard descriptor that is closed gets /dev/null, so that no file
// hopper opens (an import, a rejects file) takes its number; returns whether
// stdout was closed, which then stays an error to write to.
bool reserve_standard_descriptors() {
  bool stdout_closed = false;
  for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    open("/dev/null", O_RDWR);  // the lowest free number: fd
    stdout_closed = stdout_closed || fd == STDOUT_FILENO;
  }
  return stdout_closed;
}

// Output that could not be written (docs/exit-codes.md, 7): said so, with
// what became of the change. A reader that closed the pipe (head) chose to
// stop reading: hopper ends quietly, as git does.
int output_failed(const OutputFailed& e, bool write, bool committed_part) {
  std::cout.clear();  // the buffer drops the rest; stderr's flush of stdout must not throw again
  if (e.reader_gone()) return 0;
  std::cerr << "hopper: the output could not be written (" << e.what()
            << (e.error() == EBADF ? "); give it a file or a pipe" : "); free space, or send it elsewhere")
            << (committed_part ? ". The change was committed up to its last checkpoint (hopper history shows what); "
                                 "the rest was not"
                : write        ? "; nothing was changed"
                               : "")
            << "\n";
  return static_cast<int>(Exit::config);
}

// Writes out what stdout holds, before hopper says why it stops: the rows
// come before the message. A failure here is the exit's own problem.
void flush_before_message() {
  try {
    std::cout.flush();
  } catch (const OutputFailed&) {
    std::cout.clear();  // the command already failed; its message is the one to give
  }
}

int hopper_main(int argc, char** argv, OutputBuffer& standard_output) {
  CLI::App app{"hopper — a sales-funnel manager for the terminal.\nEvery command takes the options below; "
               "'hopper help' lists the help topics (dates, money, formats, config, scripting, exit codes …).",
               "hopper"};
  app.set_version_flag("--version", fmt::format("hopper {} (schema {})", HOPPER_VERSION, Store::kSchemaVersion));
  app.require_subcommand(1);
  app.fallthrough();
  Globals globals;
  add_global_options(app, globals);
  Commands commands(app);
  add_init_commands(commands);
  add_config_commands(commands);
  add_rep_commands(commands);
  add_lead_commands(commands);
  add_customer_commands(commands);
  add_person_commands(commands);
  add_log_commands(commands);
  add_conflict_commands(commands);
  add_opp_commands(commands);
  add_pool_commands(commands);
  add_funnel_commands(commands);
  add_forecast_commands(commands);
  add_todo_commands(commands);
  add_reorder_commands(commands);
  add_agenda_commands(commands);
  add_history_commands(commands);
  add_doctor_commands(commands);
  add_archive_commands(commands);
  add_help_commands(commands);
  add_completion_commands(commands);

  try {
    check_arguments(argc, argv);
  } catch (const Error& e) {
    std::cerr << "hopper: " << shown(e) << "\n";
    return static_cast<int>(e.code());
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help on any group or command, --version
      // `hopper NOPE --help` is a typo, not a request for the root's help.
      UsageWalk walk = walk_command_line(app, argc, argv);
      if (walk.unknown_command) {
        std::cerr << "hopper: " << terminal_safe(*walk.problem, true) << "\n";
        return static_cast<int>(Exit::usage);
      }
      try {
        int code = app.exit(e);
        std::cout.flush();
        return code;
      } catch (const OutputFailed& failed) {
        return output_failed(failed, false, false);
      }
    }
    if (argc == 1) {  // bare `hopper`: show what there is
      std::cerr << app.help();
      return static_cast<int>(Exit::usage);
    }
    std::cerr << "hopper: " << terminal_safe(usage_message(app, e, argc, argv)) << "\n";
    return static_cast<int>(Exit::usage);
  }
  const Command* cmd = commands.selected();
  if (!cmd) {
    std::cerr << app.help();
    return static_cast<int>(Exit::usage);
  }
  try {
    if (!std::isfinite(globals.wait_seconds) || globals.wait_seconds < 0 || globals.wait_seconds > 3600)
      throw Error(Exit::invalid, fmt::format("--wait {}: use a number of seconds from 0 to 3600", globals.wait_seconds));
    Context ctx(globals);
    ctx.argv.assign(argv + 1, argv + argc);
    resolve_clock(ctx, globals);
    ctx.os_user = os_account();
    ctx.actor_sources.as = globals.as;
    ctx.actor_sources.hopper_user = env("HOPPER_USER");
    ctx.actor_sources.login = env("USER");
    ctx.actor_sources.os_user = ctx.os_user;
    ctx.out = output_options(globals);
    bool write = cmd->needs == Needs::write;
    // A write command a reader stopped listening to still makes its change:
    // whether `| head` closed the pipe before or after is no way to decide.
    if (write) standard_output.keep_going_without_reader();
    try {
      run(*cmd, ctx, globals);
      std::cout.flush();
    } catch (const OutputFailed& e) {
      return output_failed(e, write, ctx.committed_part);
    }
    return 0;
  } catch (const Error& e) {
    flush_before_message();
    std::cerr << "hopper: " << shown(e) << "\n";
    return static_cast<int>(e.code());
  } catch (const StoreFailure& e) {
    flush_before_message();
    auto [code, message] = store_failure(e);
    std::cerr << "hopper: " << terminal_safe(message) << "\n";
    return static_cast<int>(code);
  } catch (const std::exception& e) {
    flush_before_message();
    std::cerr << "hopper: internal error: " << e.what() << "\n";
    return static_cast<int>(Exit::internal);
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file-size limit, a write should fail and be reported, not kill us;
  // a closed pipe is EPIPE on the write, handled there.
  std::signal(SIGXFSZ, SIG_IGN);
  std::signal(SIGPIPE, SIG_IGN);
  static OutputBuffer standard_output(STDOUT_FILENO, reserve_standard_descriptors());
  std::streambuf* original = std::cout.rdbuf(&standard_output);
  std::cout.exceptions(std::ios::badbit);  // a failed write throws OutputFailed where it happens
  // stderr does not flush stdout by itself (a destructor's message must not
  // meet a failed stdout): notes and main flush it first.
  std::cerr.tie(nullptr);
  int code = hopper_main(argc, argv, standard_output);
  std::cout.exceptions(std::ios::goodbit);
  std::cout.rdbuf(original);  // nothing of ours is left for the streams' own exit
  return code;
}
