// The output layer: every command hands its rows here as JSON objects plus a
// column list; this renders them as table, csv, tsv, json, jsonl, md or html.
#pragma once
#include <cstdio>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hopper {

enum class Format { table, csv, tsv, json, jsonl, md, html };
Format parse_format(const std::string& name);  // Error(usage) when unknown
std::vector<std::string> format_names();       // what -o takes: table, csv, …

// How a column shows and whether a narrow terminal may cut it: only `text`
// is ever shortened; a ref, a date, a number or money never is.
enum class ColumnKind { text, ref, date, integer, money, percent, boolean };

struct Column {
  std::string key;     // JSON field
  std::string header;  // table / csv header
  ColumnKind kind = ColumnKind::text;
};

struct OutputOptions {
  Format format = Format::tsv;
  bool quiet = false;  // refs only
  bool color = false;
  bool tty = false;
  int terminal_width = 0;  // 0: never truncate
  std::string highlight_key;  // a boolean field: rows where it is true stand out in colour
  std::string currency;       // shown beside money where people read it (table, md, html), never in JSON
};

// Money headers as people read them: "AMOUNT (CNY)".
std::vector<Column> with_currency(std::vector<Column> columns, const std::string& currency);

// JSON text that never throws: bytes that are not UTF-8 (a hand-edited
// database) show as U+FFFD.
std::string json_text(const nlohmann::json& j, int indent = -1);
// Neutralises spreadsheet formulas (cells starting with = + - @).
std::string csv_field(const std::string& text);

// A list written as its rows come, so a million rows take the memory of
// one (docs/performance.md): JSON as an array, JSONL, TSV and CSV row by row. A table,
// Markdown or HTML needs every row for its column widths: it holds the rows
// it shows. With `limit` it shows that many and counts the rest.
class ListWriter {
 public:
  ListWriter(std::ostream& out, std::vector<Column> columns, OutputOptions options, std::optional<long> limit = {});
  void add(const nlohmann::json& row);
  // Ends the list; returns how many rows the limit left out.
  long finish();

 private:
  std::vector<std::string> cells(const nlohmann::json& row) const;
  std::ostream& out_;
  std::vector<Column> columns_;
  OutputOptions o_;
  std::optional<long> limit_;
  long shown_ = 0, left_out_ = 0;
  std::vector<std::vector<std::string>> held_;  // table, md, html
  std::vector<bool> highlighted_;
};

// A list of records: JSON prints an array, text formats a table.
std::string render_list(const std::vector<nlohmann::json>& rows, const std::vector<Column>& columns,
                        const OutputOptions& options);
// One record: JSON prints the object, text formats a two-column "field value" view.
std::string render_record(const nlohmann::json& record, const std::vector<Column>& fields,
                          const OutputOptions& options);
// Text for HTML (an element or an attribute): & < > " ' as entities, and
// terminal controls escaped as terminal_safe shows them (\x1b), so the file
// is safe to cat too.
std::string html_escape(const std::string& text);

// Where hopper's standard output goes (main puts it under std::cout):
// buffered writes to a file descriptor, each checked, so that a full disk,
// a closed stdout or a failing device is OutputFailed where it happens —
// never rows lost with exit 0. A reader that closed the pipe early (head)
// is OutputFailed with reader_gone(), unless keep_going_without_reader()
// was asked: then what is written goes nowhere and the command goes on.
class OutputFailed : public std::runtime_error {
 public:
  explicit OutputFailed(int error);
  int error() const { return error_; }
  bool reader_gone() const;

 private:
  int error_;
};

class OutputBuffer : public std::streambuf {
 public:
  // `closed`: the descriptor was closed when hopper started (main gave it
  // /dev/null so no file took its number); writing to it fails as EBADF.
  OutputBuffer(int fd, bool closed);
  void keep_going_without_reader() { keep_going_ = true; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize n) override;
  int sync() override;

 private:
  void drain();  // writes out what is held; OutputFailed when that fails
  int fd_;
  bool closed_;
  bool line_buffered_;  // on a terminal, as stdio: each line when it ends
  bool keep_going_ = false;
  bool dropping_ = false;  // after a failure: nothing more is written
  std::string held_;
};

// Charts for reports. A self-contained page: inline CSS and SVG, no scripts.
// `subtitle` (the workspace) follows the title in the heading and the window title.
std::string html_page(const std::string& title, const std::string& body, const std::string& subtitle);
// A chart with its title above it.
std::string html_figure(const std::string& title, const std::string& svg);
std::string html_table(const std::vector<nlohmann::json>& rows, const std::vector<Column>& columns);
// A funnel: one centred band per stage, its width following the value.
std::string svg_funnel(const std::vector<std::string>& labels, const std::vector<double>& values);
// Vertical bars, one per label.
std::string svg_bars(const std::vector<std::string>& labels, const std::vector<double>& values,
                     const std::vector<std::string>& shown);
// A text bar chart for a terminal: "label  ████████ value".
std::string text_bars(const std::vector<std::string>& labels, const std::vector<double>& values,
                      const std::vector<std::string>& shown, int width);

}  // namespace hopper
