// The import verbs of lead, customer and opp: one set of options, one
// summary, whatever the noun.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "command.h"
#include "hopper/error.h"
#include "hopper/import.h"
#include "views.h"

namespace hopper::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string format;  // csv | jsonl; empty: from the file name
  std::string on_duplicate = "fail", unknown_columns = "fail";
  std::optional<std::string> rejects;
  bool skip_invalid = false, force = false;
  ImportOptions options;
};

const char* noun_of(ImportKind kind) {
  switch (kind) {
    case ImportKind::lead: return "lead";
    case ImportKind::customer: return "customer";
    case ImportKind::opportunity: return "opp";
    case ImportKind::rep: return "rep";
  }
  return "lead";
}

// "12,000 rows  3,100 rows/s  41%  ETA 0:19" over itself on a TTY.
class Progress {
 public:
  explicit Progress(std::int64_t total_bytes) : total_(total_bytes), start_(std::chrono::steady_clock::now()) {}
  void operator()(const TextLines& lines, long rows) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (seconds < 1) return;
    std::string line = fmt::format("\r{} rows  {:.0f} rows/s", rows, static_cast<double>(rows) / seconds);
    if (total_ > 0) {
      double done = static_cast<double>(lines.bytes_read()) / static_cast<double>(total_);
      if (done > 0) {
        auto left = static_cast<long>(seconds / done - seconds);
        line += fmt::format("  {:.0f}%  ETA {}:{:02}", done * 100, left / 60, left % 60);
      }
    }
    std::cerr << line << "   " << std::flush;
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  std::int64_t total_;
  std::chrono::steady_clock::time_point start_;
  bool shown_ = false;
};

}  // namespace

void add_import_command(Commands& c, CLI::App* noun, ImportKind kind) {
  auto a = std::make_shared<ImportArgs>();
  a->options.kind = kind;
  std::string what = kind == ImportKind::opportunity ? "opportunities" : std::string(noun_of(kind)) + "s";
  CLI::App* app = c.add(noun, "import", fmt::format("Import {} from CSV or JSONL, each row checked as add checks it", what),
                        Needs::write, [a](Context& ctx) {
    ImportOptions o = a->options;
    o.name = a->file;
    o.jsonl = a->format.empty() ? a->file.ends_with(".jsonl") || a->file.ends_with(".ndjson") : a->format == "jsonl";
    o.on_duplicate = a->on_duplicate == "skip" ? OnDuplicate::skip : a->on_duplicate == "update" ? OnDuplicate::update : OnDuplicate::fail;
    o.skip_unknown_columns = a->unknown_columns == "skip";
    if (a->skip_invalid != a->rejects.has_value())
      throw Error(Exit::usage, "--skip-invalid needs --rejects FILE (and --rejects needs --skip-invalid): the bad rows "
                               "go there, so none is lost");
    std::ifstream file;
    std::istream* in = &std::cin;
    std::int64_t size = 0;
    if (a->file != "-") {
      file.open(a->file, std::ios::binary);
      if (!file) throw Error(Exit::not_found, fmt::format("cannot read '{}'", a->file));
      std::error_code ec;
      size = static_cast<std::int64_t>(std::filesystem::file_size(a->file, ec));
    }
    in = a->file == "-" ? in : &file;
    std::shared_ptr<KeptFile> rejects;  // in place only once the import is committed
    if (a->rejects) {
      rejects = KeptFile::open(ctx, "--rejects", *a->rejects, a->file, a->force);
      o.rejects = &rejects->stream();
    }
    std::optional<Progress> progress;
    if (isatty(STDERR_FILENO) && !ctx.out.quiet) {
      progress.emplace(size);
      o.progress = [&progress](const TextLines& lines, long rows) { (*progress)(lines, rows); };
    }
    ImportResult r = import_records(*ctx.session, *in, o);
    progress.reset();
    if (rejects) rejects->finish();
    bool rejects_kept = a->rejects && !ctx.globals.dry_run;
    json j = {{"file", a->file},       {"rows", r.rows},       {"added", r.added},
              {"updated", r.updated},  {"skipped", r.skipped}, {"rejected", r.rejected},
              {"first", r.first ? json(make_ref(r.first->kind, r.first->id)) : json()},
              {"last", r.last ? json(make_ref(r.last->kind, r.last->id)) : json()},
              {"rejects", rejects_kept ? json(*a->rejects) : json()},
              {"notes", r.notes},
              {"dry_run", ctx.globals.dry_run}};
    if (!ctx.out.quiet)
      print_record(ctx, j, {{"file", "FILE"}, {"rows", "ROWS", ColumnKind::integer}, {"added", "ADDED", ColumnKind::integer},
                          {"first", "FIRST", ColumnKind::ref}, {"last", "LAST", ColumnKind::ref}, {"updated", "UPDATED", ColumnKind::integer},
                          {"skipped", "SKIPPED (DUPLICATES)", ColumnKind::integer},
                          {"rejected", "REJECTED", ColumnKind::integer}, {"rejects", "REJECTS"}});
    if (r.rejected && rejects_kept)
      ctx.note(fmt::format("{} {} rejected; {} in {} with the reason", r.rejected, r.rejected == 1 ? "row" : "rows",
                           r.rejected == 1 ? "it is" : "each is", *a->rejects));
    else if (r.rejected)
      ctx.note(fmt::format("{} {} would be rejected (a dry run writes no --rejects file)", r.rejected,
                           r.rejected == 1 ? "row" : "rows"));
    for (const auto& note : r.notes) ctx.note(note);
  });
  app->add_option("file", a->file, "The file, or - for stdin")->required();
  app->add_option("--map", a->options.map, "A column's field: COLUMN=FIELD (repeatable); COLUMN= leaves it out")
      ->type_name("COL=FIELD")
      ->allow_extra_args(false);  // one value per --map: the FILE after it stays the file
  app->add_option("--map-value", a->options.map_values,
                  "A value as the file writes it: FIELD:VALUE=NEW (repeatable; any case), e.g. 'stage:Closed Won=won'")
      ->type_name("FIELD:VALUE=NEW")
      ->allow_extra_args(false);
  app->add_option("--default", a->options.defaults, "A field's value where its cell is empty or no column fills it: "
                                                     "FIELD=VALUE (repeatable)")
      ->type_name("FIELD=VALUE")
      ->allow_extra_args(false);
  app->add_option("--unknown-columns", a->unknown_columns,
                  "A column that is no field and not mapped: fail (default) or skip (left out)")
      ->check(CLI::IsMember({"fail", "skip"}));
  app->add_option("--encoding", a->options.encoding, "utf-8 (default; a BOM is fine) or gbk (Chinese Excel)");
  app->add_option("--input-format", a->format, "csv or jsonl (default: from the file name: .jsonl, .ndjson; else csv)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  app->add_option("--date-format", a->options.date_format,
                  "How dates are written, as strptime(3): '%d-%m-%y', '%m/%d/%Y' (default YYYY-MM-DD)");
  app->add_option("--on-duplicate", a->on_duplicate, "A row that duplicates a record (or an earlier row): fail, skip or update")
      ->check(CLI::IsMember({"fail", "skip", "update"}));
  app->add_flag("--skip-invalid", a->skip_invalid, "Import the good rows; bad ones go to --rejects");
  auto* rejects = app->add_option("--rejects", a->rejects,
                                  "Where --skip-invalid writes the bad rows, each with its reason: a new file, written "
                                  "once the import is committed (never the file imported)");
  app->add_flag("--force", a->force, "Let --rejects replace a file that exists")->needs(rejects);
  std::string fields, example;
  switch (kind) {
    case ImportKind::lead:
      fields = "name company contact phone email source grade owner created, and custom fields by key";
      example = "hopper lead import leads.csv --encoding gbk --date-format '%d-%m-%y' --map 公司=company";
      break;
    case ImportKind::customer:
      fields = "name grade segment owner (a rep; empty or 'pool': the shared pool) contact phone email layer created, "
               "and custom fields by key";
      example = "hopper customer import deals.csv --map 'Account Name=name' --map 'Opportunity Owner=owner' "
                "--unknown-columns skip --on-duplicate skip";
      break;
    case ImportKind::opportunity:
      fields = "customer (C12 or exact name) name amount pipeline stage (won or lost: the status) close prob status "
               "(open|won|lost) closed (default: close, for a closed deal) lost_reason owner (won, lost: who closed it; "
               "open: the customer's owner) created, and custom fields by key";
      example = "hopper opp import deals.csv --map 'Opportunity Name=name' --map 'Account Name=customer' "
                "--map-value 'stage:Closed Won=won' --map-value 'stage:Prospecting=contact' --default lost_reason=other "
                "--date-format '%m/%d/%Y'";
      break;
    case ImportKind::rep:
      fields = "name team role (rep|manager|admin) capacity";
      example = "hopper rep import deals.csv --map 'Opportunity Owner=name' --unknown-columns skip --on-duplicate skip";
      break;
  }
  app->footer(fmt::format(
      "Columns: {}. A header names them (any case), or --map does; --map-value and --default shape the values.\n"
      "Each row is checked as `hopper {} add` checks it. One bad row: exit 6 listing FILE:LINE: column: problem, and "
      "nothing is imported.\nMoving in from another CRM: docs/moving-in.md.\nExample: {}",
      fields, noun_of(kind), example));
}

}  // namespace hopper::cli
