#include "command.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "hopper/error.h"
#include "hopper/text.h"

namespace hopper::cli {

void Context::print(const std::string& text) const { std::cout << text << std::flush; }
void Context::note(const std::string& text) const {
  std::cout.flush();  // what was printed comes first, as on a terminal
  std::cerr << terminal_safe(text) << "\n";
}
void Context::checkpoint() {
  if (globals.dry_run || !store || !session) return;
  std::cout.flush();
  store->commit();
  committed_part = true;
  store->begin(true);
  begin_event(*store, session->actor.name);
}

std::shared_ptr<KeptFile> KeptFile::open(Context& ctx, std::string option, std::string path, const std::string& input,
                                         bool force) {
  auto file = std::make_shared<KeptFile>(std::move(option), std::move(path), input, force, ctx.globals.dry_run);
  ctx.when_kept([file] { file->put_in_place(); });
  return file;
}

KeptFile::KeptFile(std::string option, std::string path, const std::string& input, bool force, bool dry_run)
    : option_(std::move(option)), path_(std::move(path)), force_(force), dry_run_(dry_run) {
  if (path_.empty() || path_ == "-")
    throw Error(Exit::invalid, fmt::format("{} '{}': name a file (stdout carries the command's own output)", option_,
                                           path_));
  struct stat target {}, read {};
  bool exists = ::stat(path_.c_str(), &target) == 0;
  bool has_input = input == "-" ? ::fstat(STDIN_FILENO, &read) == 0 : ::stat(input.c_str(), &read) == 0;
  if (exists && has_input && S_ISREG(read.st_mode) && target.st_dev == read.st_dev && target.st_ino == read.st_ino)
    throw Error(Exit::invalid, fmt::format("{} '{}' is the file being read{}; name another file", option_, path_,
                                           input == "-" ? " (stdin)" : ""));
  if (exists && S_ISDIR(target.st_mode))
    throw Error(Exit::invalid, fmt::format("{} '{}' is a directory; name a file in it", option_, path_));
  struct stat link {};
  if ((exists && S_ISREG(target.st_mode)) || (!exists && ::lstat(path_.c_str(), &link) == 0)) {
    if (!force_)
      throw Error(Exit::config, fmt::format("{} '{}' exists; it is never overwritten: choose another name, or add "
                                            "--force",
                                            option_, path_));
    if (exists) path_ = std::filesystem::canonical(path_).string();  // through a symlink, to the file it names
  }
  special_ = exists && !S_ISREG(target.st_mode);  // a device or a pipe
  // Aside: an unnamed file beside it (O_TMPFILE), of which a killed hopper
  // leaves nothing and which putting in place gives its name; where the
  // file system has none, a hidden named one. A device's text waits in the
  // temporary directory.
  std::filesystem::path dir = special_ ? std::filesystem::temp_directory_path()
                                       : std::filesystem::path(path_).parent_path();
  if (dir.empty()) dir = ".";
  fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);  // 0600: rejected rows hold contacts
  if (fd_ < 0) {
    std::string pattern = (dir / ("." + std::filesystem::path(path_).filename().string() + ".hopper-XXXXXX")).string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ >= 0) aside_ = pattern;
  }
  if (fd_ < 0)
    throw Error(Exit::invalid, fmt::format("{}: cannot write '{}' ({})", option_, path_, std::strerror(errno)));
  buffer_ = std::make_unique<OutputBuffer>(fd_, false);
  out_.rdbuf(buffer_.get());
  out_.exceptions(std::ios::badbit);  // a failed write is OutputFailed, as on stdout
}

KeptFile::~KeptFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!aside_.empty() && !placed_) std::remove(aside_.c_str());
}

void KeptFile::finish() {
  try {
    out_.flush();
    if (special_ && !dry_run_) {  // a device or a pipe gets the text now, as stdout does
      int to = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
      if (to < 0) throw OutputFailed(errno);
      OutputBuffer sink(to, false);
      std::ostream copy(&sink);
      copy.exceptions(std::ios::badbit);
      char block[1 << 16];
      try {
        ssize_t n = 0;
        for (off_t at = 0; (n = ::pread(fd_, block, sizeof block, at)) > 0; at += n) copy.write(block, n);
        if (n < 0) throw OutputFailed(errno);
        copy.flush();
      } catch (...) {
        ::close(to);
        throw;
      }
      ::close(to);
    }
  } catch (const OutputFailed& e) {
    throw Error(Exit::config, fmt::format("{}: writing '{}' failed ({}); nothing was changed", option_, path_, e.what()));
  }
}

void KeptFile::put_in_place() {
  if (special_) return;  // written by finish()
  // Without --force a file that appeared meanwhile is still not replaced:
  // linkat and RENAME_NOREPLACE both refuse to.
  int error = 0;
  auto failed = [&error](int result) { return result != 0 && (error = errno) != 0; };
  if (aside_.empty()) {  // unnamed: it gets its name, or a passing one that then replaces the file
    std::string self = fmt::format("/proc/self/fd/{}", fd_);
    std::string name = force_ ? path_ + fmt::format(".hopper-{}", ::getpid()) : path_;
    if (!failed(::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW)) && force_ &&
        failed(std::rename(name.c_str(), path_.c_str())))
      ::unlink(name.c_str());
  } else if (force_) {
    failed(std::rename(aside_.c_str(), path_.c_str()));
  } else if (failed(::renameat2(AT_FDCWD, aside_.c_str(), AT_FDCWD, path_.c_str(), RENAME_NOREPLACE)) &&
             error == EINVAL) {  // a file system without RENAME_NOREPLACE: link does not replace either
    error = 0;
    if (!failed(::link(aside_.c_str(), path_.c_str()))) ::unlink(aside_.c_str());
  }
  if (error)
    throw Error(Exit::config, fmt::format("the change is made, but {} '{}' could not be written ({}){}", option_, path_,
                                          error == EEXIST ? "it exists now" : std::strerror(error),
                                          aside_.empty() ? "" : ": its text is in '" + aside_ + "'"));
  placed_ = true;
}

EventStamp Context::stamp(const std::string& actor) const {
  return {format_time(now), actor, nlohmann::json(argv).dump(), format_time(real_now), os_user};
}

Id Context::begin_event(Store& on, const std::string& actor) const { return on.begin_event(stamp(actor)); }

std::unique_ptr<Store> Context::open_store() const {
  EventStamp migration = stamp(os_user);
  int wait_ms = static_cast<int>(globals.wait_seconds * 1000);
  if (auto server = workspace_server(config->config)) {
    // Moving a team's schema forward is the owner's once: on a terminal it
    // takes --yes after the advice to dump first; a script goes on and says so.
    auto confirm = [this](int from, int to) {
      std::string advice = "take a backup first: pg_dump -n hopper (see docs/team.md#upgrading-hopper)";
      if (!globals.yes && isatty(STDIN_FILENO) && isatty(STDERR_FILENO))
        throw Error(Exit::refused, fmt::format("the server's hopper schema is version {}; this hopper moves it to {} "
                                               "in one transaction: {}, then run the command again with --yes",
                                               from, to, advice));
      note(fmt::format("hopper: moving the server's hopper schema from version {} to {} in one transaction; {}", from,
                       to, advice));
    };
    return std::make_unique<Store>(*server, wait_ms, false, &migration, confirm);
  }
  return std::make_unique<Store>(paths->database(), wait_ms, false, false, &migration);
}

Time Context::parse_when(const std::string& text) const { return parse_time(text, now); }

std::vector<std::string> with_all(std::vector<std::string> names) {
  names.emplace_back("all");
  return names;
}

CLI::Validator whole_number(long min, long max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        long n = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (error == std::errc() && end == text.data() + text.size() && n >= min && n <= max) return "";
        return fmt::format("'{}' is not a whole number from {} to {}", text, min, max);
      },
      fmt::format("{} to {}", min, max));
}

void add_limit_options(CLI::App* app, ListLimit& l) {
  auto* limit = app->add_option("--limit", l.limit, fmt::format("At most N rows (on a terminal the default is {})", ListLimit::kPage))
                    ->check(whole_number(1, ListLimit::kMost));
  app->add_flag("--all", l.all, "Every row, also on a terminal")->excludes(limit);
}

static std::optional<long> page_of(const Context& ctx, const ListLimit& l) {
  if (l.limit) return l.limit;
  if (l.all || !ctx.out.tty || ctx.out.format != Format::table) return std::nullopt;
  return ListLimit::kPage;
}

ListPrinter::ListPrinter(const Context& ctx, const std::vector<Column>& columns, const ListLimit& limit, OutputOptions out)
    : ctx_(ctx), writer_(std::cout, columns, std::move(out), page_of(ctx, limit)) {}

void ListPrinter::finish() {
  long more = writer_.finish();
  if (more > 0)
    ctx_.note(fmt::format("… and {} more; --all shows every row, --limit N the first N", more));
}

void add_period_options(CLI::App* app, PeriodOptions& o, const std::string& default_help) {
  auto* period = app->add_option("--period", o.period,
                                 "2017, 2017-08, 2017-Q3, a date, this-|last-|next-month … (default " + default_help + ")");
  app->add_option("--from", o.from, "First day (with --to; both inclusive)")->excludes(period);
  app->add_option("--to", o.to, "Last day")->excludes(period);
}

Period resolve_period(Context& ctx, const PeriodOptions& o, const std::string& fallback) {
  if (o.from || o.to) {
    if (!o.from || !o.to) throw Error(Exit::usage, "give both --from and --to");
    Date first = parse_date(*o.from, ctx.now), last = parse_date(*o.to, ctx.now);
    if (last < first) throw Error(Exit::invalid, fmt::format("--to {} is before --from {}", format_date(last), format_date(first)));
    return {first, last, format_date(first) + ".." + format_date(last)};
  }
  return parse_period(o.period.value_or(fallback), ctx.now, ctx.session->config.calendar());
}

CLI::App* Commands::noun(const std::string& name, const std::string& help) {
  CLI::App* app = root_.add_subcommand(name, help);
  app->require_subcommand(1);
  return app;
}

CLI::App* Commands::add(CLI::App* parent, const std::string& name, const std::string& help, Needs needs,
                        std::function<void(Context&)> run) {
  CLI::App* app = parent->add_subcommand(name, help);
  commands_.push_back({app, needs, std::move(run), {}});
  return app;
}

void Commands::example(const std::string& path, const std::string& text) {
  CLI::App* app = &root_;
  for (std::size_t at = 0; at < path.size();) {
    std::size_t end = std::min(path.find(' ', at), path.size());
    app = app->get_subcommand(path.substr(at, end - at));
    at = end + 1;
  }
  std::string footer = app->get_footer();
  app->footer(footer + (footer.empty() ? "" : "\n") + "Example: " + text);
}

void Commands::confirm(CLI::App* app, std::function<std::string()> question) {
  for (auto& c : commands_)
    if (c.app == app) c.question = std::move(question);
}

void Commands::record_refusals(CLI::App* app) {
  for (auto& c : commands_)
    if (c.app == app) c.records_refusal = true;
}

std::vector<std::string> option_names(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const auto& l : option.get_lnames()) names.push_back("--" + l);
  for (const auto& s : option.get_snames()) names.push_back("-" + s);
  return names;
}

static OptionDoc describe_option(const CLI::Option& o) {
  OptionDoc d;
  d.names = option_names(o);
  d.positional = d.names.empty() && o.get_positional();
  if (d.positional) d.names.push_back(o.get_name());
  d.help = o.get_description();
  d.required = o.get_required();
  if (o.get_expected_max() > 0) {
    std::string type = o.get_type_name();
    // CLI11 writes an IsMember check into the type: "TEXT:{auto,always,never}".
    if (auto open = type.find(":{"); open != std::string::npos) {
      std::string list = type.substr(open + 2, type.rfind('}') - open - 2);
      type.resize(open);
      for (std::size_t at = 0; at <= list.size();) {
        std::size_t comma = std::min(list.find(',', at), list.size());
        d.choices.push_back(list.substr(at, comma - at));
        at = comma + 1;
      }
    }
    d.value = type.empty() ? "VALUE" : type;
  }
  return d;
}

static void describe(const CLI::App& app, const std::string& path, std::vector<CommandDoc>& out) {
  CommandDoc doc{path, app.get_description(), app.get_footer(), {}, {}};
  for (const CLI::Option* o : app.get_options())
    if (o != app.get_help_ptr() && !o->get_group().empty()) doc.options.push_back(describe_option(*o));
  std::vector<const CLI::App*> subs;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); })) {
    doc.subcommands.push_back(sub->get_name());
    subs.push_back(sub);
  }
  out.push_back(std::move(doc));
  for (const CLI::App* sub : subs) describe(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

std::vector<CommandDoc> describe_commands(const CLI::App& root) {
  std::vector<CommandDoc> out;
  describe(root, "", out);
  return out;
}

const Command* Commands::selected() const {
  for (const auto& c : commands_)
    if (c.app->parsed()) {
      bool leaf = true;
      for (const auto* sub : c.app->get_subcommands({}))
        if (sub->parsed()) leaf = false;
      if (leaf) return &c;
    }
  return nullptr;
}

}  // namespace hopper::cli
