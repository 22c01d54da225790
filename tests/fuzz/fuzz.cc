// hopper_fuzz: a deterministic fuzzer of hopper's command line, of
// funnel.toml, of restores of exports and of imports' --rejects. Every case
// must end in exit 0, 2–7 or 9 with a message, within a time limit, never
// by a signal (but SIGPIPE when its stdout is a pipe nobody reads); after
// every refused case the database passes PRAGMA integrity_check and holds
// the same rows as before.
//
//   hopper_fuzz HOPPER [--cases N] [--seed S] [--mutants M] [--restores R] [--rejects J] [--long]
//
// The vocabulary (commands, their options, whether an option takes a value)
// is read from hopper's own --help, so a new option is fuzzed the day it is
// added. Values come from a list of hostile classes: too long, not UTF-8,
// controls, look-alikes, numbers and dates at their limits, formulas.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Result {
  int exit = -1;    // -1: killed by a signal or the time limit
  int signal = 0;
  bool timed_out = false;
  std::string out, err;
};

// Where a case's stdout goes: a file, a full disk, or a pipe whose reader
// has gone (| head).
enum class Stdout { file, full, closed_pipe };

// Runs hopper with `args` in `dir`, stdin from `input`, at most `limit`.
Result run(const std::string& hopper, const std::vector<std::string>& args, const fs::path& dir,
           Stdout to = Stdout::file, const fs::path& input = "/dev/null",
           std::chrono::seconds limit = std::chrono::seconds(30)) {
  fs::path out_file = dir / ".fuzz.out", err_file = dir / ".fuzz.err";
  std::error_code ec;
  fs::remove(out_file, ec);
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(127);
    int in = open(input.c_str(), O_RDONLY), err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int out = -1;
    if (to == Stdout::file) out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (to == Stdout::full) out = open("/dev/full", O_WRONLY);
    if (to == Stdout::closed_pipe) {
      int ends[2];
      if (pipe(ends) != 0) _exit(127);
      close(ends[0]);
      out = ends[1];
    }
    dup2(in, 0), dup2(out, 1), dup2(err, 2);
    std::vector<char*> argv{const_cast<char*>(hopper.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(hopper.c_str(), argv.data());
    _exit(127);
  }
  Result r;
  auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      r.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!r.timed_out && WIFEXITED(status)) r.exit = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  r.out = slurp(out_file);
  r.err = slurp(err_file);
  return r;
}

struct Option {
  std::string name;
  bool takes_value;
  bool required;  // always given, so that cases reach past parsing
};
struct CommandSpec {
  std::vector<std::string> words;  // {"opp", "promote"}
  std::vector<Option> options;
  int positionals = 0;
};

// Reads "hopper WORDS --help": its subcommands, options and positionals.
void discover(const std::string& hopper, const fs::path& dir, std::vector<std::string> words,
              std::vector<CommandSpec>& out) {
  auto args = words;
  args.push_back("--help");
  std::istringstream help(run(hopper, args, dir).out);
  std::string line, section;
  CommandSpec spec{words, {}, 0};
  std::vector<std::string> subcommands;
  while (std::getline(help, line)) {
    if (!line.empty() && line.back() == ':' && line[0] != ' ') {
      section = line;
      continue;
    }
    std::istringstream words_of(line);
    std::string first, second;
    words_of >> first >> second;
    if (first.empty()) continue;
    if (section == "Subcommands:" && line.starts_with("  ")) subcommands.push_back(first);
    if (section == "Positionals:" && line.starts_with("  ")) ++spec.positionals;
    if (section == "Options:" && first.starts_with("-")) {
      std::string name = first.substr(first.rfind(',') == std::string::npos ? 0 : first.rfind(',') + 1);
      // CLI11 prints a value's type in capitals ("TEXT", "INT", "KEY=VALUE ...",
      // "TEXT:{a,b}"); a flag has its description or "Excludes:" next.
      bool takes = !second.empty() && std::isupper(static_cast<unsigned char>(second[0])) && second != "Excludes:" &&
                   second != "Needs:";
      if (name != "--help" && name != "-h")
        spec.options.push_back({name, takes, line.find("REQUIRED") != std::string::npos});
    }
  }
  if (subcommands.empty()) {
    out.push_back(spec);
    return;
  }
  for (const auto& sub : subcommands) {
    auto next = words;
    next.push_back(sub);
    discover(hopper, dir, next, out);
  }
}

// What may not be fuzzed: commands and options that write files outside the
// workspace (init, backup, --rejects) or pick another workspace (-C).
bool excluded(const CommandSpec& c) {
  const std::string& first = c.words.empty() ? "" : c.words[0];
  return first == "init" || first == "backup";
}
bool excluded(const Option& o) { return o.name == "-C" || o.name == "--rejects"; }

std::vector<std::string> hostile_values() {
  std::vector<std::string> v = {
      "", " ", "0", "-1", "1", "C1", "C2", "L1", "O1", "T1", "Y1", "C0", "C-1", "C99999999999999999999", "O1x",
      "li", "wang", "zhao", "admin", "nobody", "li ", "LI", "contact", "proposal", "won", "M", "S", "A", "SMB",
      "resource", "signed", "30d", "0d", "11y", "3651d", "9999y", "today", "yesterday", "+1d", "-9999y", "+9999y",
      "2017-02-30", "2017-02-28", "0000-01-01", "9999-12-31", "10000-01-01", "2026-11-27T25:00", "03/04/17",
      "2017", "2017-Q5", "2017-13", "this-quarter", "last-year", "next-week", "1,000,000", "1000000000000",
      "1000000000000.01", "9223372036854775807", "-9223372036854775808", "1e309", "NaN", "inf", "-inf", "0.001",
      "3.5w", "3万", "2亿", "35%", "100", "101", "12.5", "12.555", "１３８００１３８０００", "13800138000",
      "+86 138-0013-8000", "a@b.co", "ａｎｎａ@ｅｘａｍｐｌｅ.com", "a@@b", "=cmd|' /C calc'!A0", "@SUM(A1)",
      "-2+3+cmd", "<script>alert(1)</script>", "%s%n%x", "{}", "[]", "{\"a\":1}", "'; DROP TABLE lead; --",
      "Robert'); DROP TABLE customer;--", "\\", "\"", "a\tb", "a\nb", "a\rb", "\x1b[2J", "\x07", "\xe2\x80\xae",
      "a\xe2\x80\x8b" "b", "华星科技有限公司", "Acme Co., Ltd.", "north", "call", "visit", "note", "top-seller",
      "round-robin", "balanced", "table", "csv", "tsv", "json", "jsonl", "md", "html", "xml", "key=value",
      "revenue=1", "=", "KEY=", "=VALUE", "a=b=c", "x.csv", "-", "--", "-x", "--name", "never", "always", "auto",
      "utf-8", "gbk", "latin1", "%Y-%m-%d", "%d/%m/%Y", "%", "skip", "update", "fail", "month", "quarter",
      "rep", "team", "weighted", "historical", "run-rate", "exit-codes", "limits", "nope"};
  v.push_back(std::string(10001, 'x'));
  v.push_back(std::string(201, 'y'));
  v.push_back(std::string(9000, '9'));
  v.push_back(std::string(60000, '1'));  // overflowed std::regex's stack once
  v.push_back(std::string(300, '('));
  v.push_back("\xff\xfe");
  v.push_back("a\xc0\x80");
  v.push_back("\xed\xa0\x80");
  v.push_back(std::string("a\0b", 3).substr(0, 1));
  return v;
}

// Rows of every table, to see that a refused command changed nothing. A
// denial is recorded as an event (docs/team.md), so denied events do not count;
// nor do the planner's statistics.
std::string state_of(const fs::path& db_path) {
  SQLite::Database db(db_path.string(), SQLite::OPEN_READONLY);
  std::string state = db.execAndGet("PRAGMA integrity_check").getString();
  SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  while (tables.executeStep()) {
    std::string name = tables.getColumn(0).getString();
    std::string where = name == "event" ? " WHERE outcome <> 'denied'" : "";
    state += fmt::format(" {}={}", name, db.execAndGet("SELECT count(*) FROM \"" + name + "\"" + where).getInt64());
  }
  return state;
}

std::string quoted(const std::vector<std::string>& args) {
  std::string s = "hopper";
  for (const auto& a : args) {
    std::string shown;
    for (unsigned char c : a) shown += c < 0x20 || c >= 0x7f ? fmt::format("\\x{:02x}", c) : std::string(1, char(c));
    if (shown.size() > 60) shown = shown.substr(0, 60) + fmt::format("…({} bytes)", a.size());
    s += " '" + shown + "'";
  }
  return s;
}

// One verdict for one case; empty when it held.
std::string judge(const Result& r, Stdout to = Stdout::file) {
  if (r.timed_out) return "hung (killed after the time limit)";
  if (r.signal == SIGPIPE && to == Stdout::closed_pipe) return "";  // as git: the reader's choice
  if (r.signal) return fmt::format("killed by signal {}", r.signal);
  if (r.exit == 1) return "exit 1 (internal error): " + r.err.substr(0, 300);
  if (r.exit == 8) return "exit 8 (busy) with no other writer";
  if (r.exit > 9 || r.exit < 0) return fmt::format("exit {}", r.exit);
  if (r.exit != 0 && r.err.empty()) return fmt::format("exit {} without a message", r.exit);
  return "";
}

const char* kSetup[][8] = {
    {"rep", "add", "wang", "--team", "east", "--role", "manager", nullptr},
    {"rep", "add", "li", "--team", "east", nullptr},
    {"rep", "add", "zhao", "--team", "west", nullptr},
    {"customer", "add", "华星科技", "--owner", "li", nullptr},
    {"customer", "add", "远航物流", "--pool", nullptr},
    {"lead", "add", "--name", "张伟", "--phone", "13800138000", nullptr},
    {"opp", "add", "C1", "--name", "ERP", "--amount", "30万", nullptr},
    {"todo", "add", "call back", "--due", "+2d", nullptr},
};

fs::path make_workspace(const std::string& hopper, const fs::path& root, const std::string& name) {
  fs::path ws = root / name;
  fs::create_directories(ws);
  if (run(hopper, {"init", ".", "-q"}, ws).exit != 0) throw std::runtime_error("hopper init failed in " + ws.string());
  for (const auto& step : kSetup) {
    std::vector<std::string> args;
    for (int i = 0; step[i]; ++i) args.push_back(step[i]);
    auto r = run(hopper, args, ws);
    if (r.exit != 0) throw std::runtime_error(quoted(args) + " failed: " + r.err);
  }
  return ws;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: hopper_fuzz HOPPER [--cases N] [--seed S] [--mutants M] [--long]\n";
    return 2;
  }
  std::string hopper = fs::absolute(argv[1]).string();
  long cases = 2000, mutants = 150, restores = 120, rejects = 80;
  unsigned seed = 1;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--cases" && i + 1 < argc) cases = std::atol(argv[++i]);
    else if (a == "--mutants" && i + 1 < argc) mutants = std::atol(argv[++i]);
    else if (a == "--restores" && i + 1 < argc) restores = std::atol(argv[++i]);
    else if (a == "--rejects" && i + 1 < argc) rejects = std::atol(argv[++i]);
    else if (a == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::atol(argv[++i]));
    else if (a == "--long") cases = 100000, mutants = 5000, restores = 5000, rejects = 3000;
  }
  setenv("HOPPER_NOW", "2026-11-27T09:00", 1);
  setenv("HOPPER_USER", "admin", 1);
  setenv("NO_COLOR", "1", 1);
  unsetenv("HOPPER_DIR");
  fs::path root = fs::temp_directory_path() / fmt::format("hopper-fuzz-{}", getpid());
  fs::create_directories(root);
  std::mt19937 rng(seed);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  std::vector<std::string> failures;
  std::map<int, long> exits;  // how the cases ended, to see that they reach past parsing

  // 1. The command line.
  fs::path ws = make_workspace(hopper, root, "args");
  std::vector<CommandSpec> commands;
  discover(hopper, ws, {}, commands);
  std::erase_if(commands, [](const CommandSpec& c) { return excluded(c); });
  auto values = hostile_values();
  fs::path db = ws / ".hopper" / "hopper.db";
  std::string before = state_of(db);
  for (long n = 0; n < cases; ++n) {
    const CommandSpec& c = commands[pick(commands.size())];
    std::vector<std::string> args = c.words;
    int positionals = c.positionals + (pick(8) == 0 ? 1 : 0);
    for (int p = 0; p < positionals; ++p) args.push_back(values[pick(values.size())]);
    for (const Option& o : c.options)
      if (o.required && pick(10) != 0) args.insert(args.end(), {o.name, values[pick(values.size())]});
    std::size_t option_count = pick(5);
    for (std::size_t k = 0; k < option_count && !c.options.empty(); ++k) {
      const Option& o = c.options[pick(c.options.size())];
      if (excluded(o)) continue;
      args.push_back(o.name);
      if (o.takes_value) args.push_back(values[pick(values.size())]);
    }
    if (pick(10) == 0) args.push_back("--dry-run");
    if (pick(8) == 0) args.insert(args.begin(), {"--as", values[pick(values.size())]});
    // Now and then the output cannot be written: exit 7, and a change not made.
    Stdout to = pick(12) == 0 ? Stdout::full : pick(12) == 0 ? Stdout::closed_pipe : Stdout::file;
    Result r = run(hopper, args, ws, to);
    ++exits[r.exit];
    std::string verdict = judge(r, to);
    if (verdict.empty() && r.exit != 0) {
      std::string after = state_of(db);
      if (after != before) verdict = "refused, yet the database changed: " + before + " → " + after;
    }
    if (r.exit == 0) before = state_of(db);
    if (!verdict.empty())
      failures.push_back(quoted(args) + (to == Stdout::full ? " > /dev/full" : to == Stdout::closed_pipe ? " | (closed)" : "") +
                         ": " + verdict);
  }
  auto spread_of = [](std::map<int, long>& tally) {
    std::string spread;
    for (const auto& [code, count] : tally) spread += fmt::format(" exit {}: {}", code, count);
    tally.clear();
    return spread;
  };
  std::string spread = spread_of(exits);
  std::cout << fmt::format("hopper_fuzz: {} command lines over {} commands (seed {}):{}\n", cases, commands.size(),
                           seed, spread);

  // 2. funnel.toml: lines dropped, doubled or given hostile values, bytes flipped.
  fs::path mutant_ws = make_workspace(hopper, root, "toml");
  std::string original;
  {
    std::ifstream in(mutant_ws / "funnel.toml");
    std::ostringstream s;
    s << in.rdbuf();
    original = s.str();
  }
  std::vector<std::string> lines;
  {
    std::istringstream in(original);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  const std::vector<std::vector<std::string>> probes = {
      {"config", "check"}, {"funnel", "report"}, {"lead", "add", "--name", "X", "--phone", "13900139000"},
      {"forecast"},         {"pool", "recycle", "--dry-run"}, {"opp", "promote", "O1"}, {"customer", "list"},
      {"agenda"}};
  for (long n = 0; n < mutants; ++n) {
    auto mutated = lines;
    for (std::size_t k = 0; k <= pick(3); ++k) {
      std::size_t at = pick(mutated.size());
      switch (pick(5)) {
        case 0: mutated.erase(mutated.begin() + static_cast<long>(at)); break;
        case 1: mutated.insert(mutated.begin() + static_cast<long>(at), mutated[at]); break;
        case 2: {
          auto eq = mutated[at].find('=');
          if (eq != std::string::npos) mutated[at] = mutated[at].substr(0, eq + 1) + " " + values[pick(values.size())];
          break;
        }
        case 3: {
          auto eq = mutated[at].find('=');
          const char* forms[] = {" -1", " 0", " 99999999999999999999", " 1e308", " nan", " -nan", " +nan", " inf",
                                 " -inf", " true", " \"\"", " []", " '^(\\d+)+$'", " '(('", " 2017-02-30", " { a = 1 }"};
          if (eq != std::string::npos) mutated[at] = mutated[at].substr(0, eq + 1) + forms[pick(std::size(forms))];
          break;
        }
        default:
          if (!mutated[at].empty()) mutated[at][pick(mutated[at].size())] = static_cast<char>(pick(256));
      }
      if (mutated.empty()) break;
    }
    {
      std::ofstream out(mutant_ws / "funnel.toml");
      for (const auto& l : mutated) out << l << "\n";
    }
    fs::path mdb = mutant_ws / ".hopper" / "hopper.db";
    std::string state = state_of(mdb);
    for (const auto& probe : probes) {
      Result r = run(hopper, probe, mutant_ws);
      std::string verdict = judge(r);
      if (verdict.empty() && r.exit != 0 && state_of(mdb) != state) verdict = "refused, yet the database changed";
      if (r.exit == 0) state = state_of(mdb);
      if (!verdict.empty()) failures.push_back(fmt::format("funnel.toml mutant {} (seed {}), {}: {}", n, seed, quoted(probe), verdict));
    }
  }
  std::cout << fmt::format("hopper_fuzz: {} funnel.toml mutants × {} commands\n", mutants, probes.size());

  // 3. Restores of mutated exports (lines dropped, doubled, swapped or cut,
  // values replaced by hostile ones, tables renamed, bytes flipped, the
  // header changed): each is refused with nothing kept, or restored whole,
  // doctor-clean and readable by every command.
  fs::path pristine = root / "pristine";
  fs::create_directories(pristine);
  if (run(hopper, {"init", ".", "-q"}, pristine).exit != 0) throw std::runtime_error("hopper init failed");
  std::vector<std::string> export_lines;
  {
    std::istringstream in(run(hopper, {"export"}, ws).out);
    for (std::string l; std::getline(in, l);) export_lines.push_back(l);
  }
  const std::vector<nlohmann::json> hostile_json = {
      nullptr, -1, 0, 1, 7, 99999, std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min(),
      std::numeric_limits<std::uint64_t>::max(), 1e308, -0.5, true, "", "x", "2V26-07-08", "2026-02-30",
      "9999-12-31T23:59:59", "{bad", "[\"x\"]", "{}", nlohmann::json::object(), nlohmann::json::array(),
      std::string(10001, 'x'), "=cmd|' /C calc'!A0", "\u202e\u001b[2J"};
  const std::vector<std::string> headers = {R"({"format":"hopper-export","schema":"6"})",
                                            R"({"format":"hopper-export","schema":{}})",
                                            R"({"format":"hopper-export","schema":5})",
                                            R"({"format":"hopper-export"})", R"({"schema":6})", "{}", "[]", "", "nope"};
  const std::vector<std::string> probes_after = {"doctor", "customer list", "opp list --status all", "lead list",
                                                 "history", "funnel report", "agenda", "export", "todo list --all"};
  for (long n = 0; n < restores; ++n) {
    auto mutated = export_lines;
    for (std::size_t k = 0; k <= pick(3) && !mutated.empty(); ++k) {
      std::size_t at = mutated.size() > 1 ? 1 + pick(mutated.size() - 1) : 0;  // the header has its own mutation
      switch (pick(9)) {
        case 0: mutated.erase(mutated.begin() + static_cast<long>(at)); break;
        case 1: mutated.insert(mutated.begin() + static_cast<long>(at), mutated[pick(mutated.size())]); break;
        case 2: std::swap(mutated[at], mutated[pick(mutated.size())]); break;
        case 3: mutated[at] = mutated[at].substr(0, pick(mutated[at].size() + 1)); break;
        case 4:
          if (!mutated[at].empty()) mutated[at][pick(mutated[at].size())] = static_cast<char>(pick(256));
          break;
        case 5: mutated[0] = headers[pick(headers.size())]; break;
        case 6: {
          auto j = nlohmann::json::parse(mutated[at], nullptr, false);
          if (!j.is_object() || !j.contains("row") || !j["row"].is_object() || j["row"].empty()) break;
          auto key = std::next(j["row"].begin(), static_cast<long>(pick(j["row"].size()))).key();
          j["row"][key] = hostile_json[pick(hostile_json.size())];
          mutated[at] = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
          break;
        }
        case 7: {
          auto j = nlohmann::json::parse(mutated[at], nullptr, false);
          if (!j.is_object() || !j.contains("table")) break;
          static const char* tables[] = {"rep", "lead", "customer", "opportunity", "history", "event", "nope", ""};
          j["table"] = tables[pick(std::size(tables))];
          mutated[at] = j.dump();
          break;
        }
        default:
          if (pick(20) == 0) mutated.push_back(R"({"table":"lead","row":{"name":")" + std::string(5 << 20, 'x') + "\"}}");
          else mutated.erase(mutated.begin() + static_cast<long>(at), mutated.end());  // cut short
      }
    }
    fs::path target = root / "restore";
    std::error_code ec;
    fs::remove_all(target, ec);
    fs::copy(pristine, target, fs::copy_options::recursive);
    fs::path file = root / "mutant.jsonl";
    {
      std::ofstream out(file, std::ios::binary);
      for (const auto& l : mutated) out << l << "\n";
    }
    fs::path tdb = target / ".hopper" / "hopper.db";
    std::string state = state_of(tdb);
    Result r = run(hopper, {"import", file.string()}, target);
    ++exits[r.exit];
    std::string verdict = judge(r);
    if (verdict.empty() && r.exit != 0 && state_of(tdb) != state) verdict = "refused, yet the database changed";
    if (verdict.empty() && r.exit == 0)
      for (const auto& probe : probes_after) {
        std::vector<std::string> args;
        std::istringstream words(probe);
        for (std::string w; words >> w;) args.push_back(w);
        Result p = run(hopper, args, target);
        std::string v = judge(p);
        // A restore replaces the reps: the export may have no rep named admin (exit 9).
        if (v.empty() && probe == "doctor" && p.exit != 0 && p.exit != 9) v = "doctor is not clean: " + p.err.substr(0, 300);
        if (!v.empty()) {
          verdict = fmt::format("restored, then hopper {}: {}", probe, v);
          break;
        }
      }
    if (!verdict.empty()) {
      fs::path kept = root / fmt::format("restore-{}.jsonl", n);
      fs::copy_file(file, kept, fs::copy_options::overwrite_existing);
      failures.push_back(fmt::format("hopper import of a mutated export (kept as {}): {}", kept.string(), verdict));
    }
  }
  std::cout << fmt::format("hopper_fuzz: {} restores of mutated exports:{}\n", restores, spread_of(exits));

  // 4. Imports with hostile --rejects: the input is never written, a
  // refused or --dry-run import writes no rejects file, a file that exists
  // is replaced only with --force, and nothing is left behind.
  fs::path rws = make_workspace(hopper, root, "rejects");
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  const std::vector<std::string> targets = {
      "input.csv", "./input.csv", "sub/../input.csv", "link-to-input", "hard-to-input", "existing.csv",
      "link-to-existing", "dir", "dangling", "/dev/null", "/dev/full", "missing/x.csv", "new.csv", "", "-",
      "/proc/self/mem", "dir/new.csv"};
  for (long n = 0; n < rejects; ++n) {
    std::error_code ec;
    for (const char* f : {"input.csv", "link-to-input", "hard-to-input", "existing.csv", "link-to-existing", "dangling",
                          "new.csv", "dir/new.csv", "-", "sub"})
      fs::remove_all(rws / f, ec);
    std::string input = "name,phone\n";
    for (std::size_t row = 0, rows = 1 + pick(6); row < rows; ++row)
      input += pick(2) ? fmt::format("客户{}-{},139{:08}\n", n, row, n * 10 + row)
                       : values[pick(values.size())].substr(0, 300) + "," + values[pick(values.size())].substr(0, 300) + "\n";
    {
      std::ofstream(rws / "input.csv", std::ios::binary) << input;
      std::ofstream(rws / "existing.csv", std::ios::binary) << "an earlier file\n";
    }
    fs::create_directories(rws / "dir");
    fs::create_directories(rws / "sub");
    fs::create_symlink("input.csv", rws / "link-to-input");
    fs::create_hard_link(rws / "input.csv", rws / "hard-to-input");
    fs::create_symlink("existing.csv", rws / "link-to-existing");
    fs::create_symlink("nowhere.csv", rws / "dangling");
    std::string target = targets[pick(targets.size())];
    bool from_stdin = pick(4) == 0, force = pick(2) == 0, dry = pick(4) == 0;
    std::vector<std::string> args = {"lead", "import", from_stdin ? "-" : "input.csv", "--skip-invalid", "--rejects", target};
    if (force) args.push_back("--force");
    if (dry) args.push_back("--dry-run");
    if (pick(10) == 0) args.insert(args.end(), {"--input-format", "jsonl"});
    std::string state = state_of(rws / ".hopper" / "hopper.db");
    Result r = run(hopper, args, rws, Stdout::file, from_stdin ? rws / "input.csv" : fs::path("/dev/null"));
    ++exits[r.exit];
    std::string verdict = judge(r);
    bool kept = r.exit == 0 && !dry;
    if (verdict.empty() && slurp(rws / "input.csv") != input) verdict = "the input was written";
    if (verdict.empty() && !kept && state_of(rws / ".hopper" / "hopper.db") != state)
      verdict = "refused or a dry run, yet the database changed";
    if (verdict.empty() && (!kept || !force) && slurp(rws / "existing.csv") != "an earlier file\n")
      verdict = "an existing file was replaced";
    if (verdict.empty() && !kept && (fs::exists(rws / "new.csv") || fs::exists(rws / "dir/new.csv")))
      verdict = "a refused or dry-run import wrote a rejects file";
    if (verdict.empty() && kept && (target == "new.csv" || target == "dir/new.csv") &&
        !slurp(rws / target).starts_with("name,phone,reason\n"))
      verdict = "the rejects file is not whole";
    std::vector<fs::path> left;
    for (const auto& entry : fs::recursive_directory_iterator(rws))
      if (entry.path().filename().string().find(".hopper-") != std::string::npos) left.push_back(entry.path());
    for (const auto& p : left) {
      if (verdict.empty()) verdict = "left " + p.string() + " behind";
      fs::remove(p, ec);  // so that the next case is judged on its own
    }
    if (!verdict.empty()) failures.push_back(quoted(args) + " (rejects case " + std::to_string(n) + "): " + verdict);
  }
  std::cout << fmt::format("hopper_fuzz: {} imports with hostile --rejects:{}\n", rejects, spread_of(exits));

  for (const auto& f : failures) std::cout << "FAIL " << f << "\n";
  std::error_code ec;
  if (failures.empty()) fs::remove_all(root, ec);
  else std::cout << "workspaces kept in " << root.string() << "\n";
  std::cout << (failures.empty() ? "hopper_fuzz: ok\n" : fmt::format("hopper_fuzz: {} failures\n", failures.size()));
  return failures.empty() ? 0 : 1;
}
