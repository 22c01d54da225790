#include "hopper/output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <sstream>

#include "hopper/csv.h"
#include "hopper/error.h"
#include "hopper/money.h"
#include "hopper/text.h"

namespace hopper {
namespace {

using nlohmann::json;

bool right_aligned(ColumnKind kind) {
  return kind == ColumnKind::integer || kind == ColumnKind::money || kind == ColumnKind::percent;
}

// Text for a cell; `human` adds thousands separators and % signs.
std::string cell(const json& v, ColumnKind kind, bool human) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_number()) {
    double d = v.get<double>();
    if (human && kind == ColumnKind::money) return format_money(std::llround(d * 100));
    if (human && kind == ColumnKind::percent) return format_percent(d);
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    std::string s = fmt::format("{:.2f}", d);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
  }
  if (v.is_array()) {
    std::vector<std::string> parts;
    for (const auto& item : v) parts.push_back(cell(item, ColumnKind::text, human));
    return join(parts, ", ");
  }
  return json_text(v, -1);
}

// A spreadsheet runs a cell starting = + - @ as a formula; a quote makes it
// text. Digits and arithmetic alone (-5, +86 138-0013-8000) call nothing, so
// numbers and phones stay as they are, and so does a lone - (what a list
// shows for nobody, or stdin).
std::string formula_safe(std::string text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) {
    bool arithmetic = text[0] != '=' && text[0] != '@' &&
                      text.find_first_not_of("0123456789 +-().,%", 1) == std::string::npos;
    if (!arithmetic) text = "'" + text;
  }
  return text;
}

// TSV is pasted into spreadsheets as often as it is cut: formula-safe, one
// line per row, no control characters.
std::string tsv_field(std::string text) {
  for (char& c : text)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return terminal_safe(formula_safe(std::move(text)));
}

// & < > as entities, and quotes too where the text may sit in an attribute.
std::string escape_markup(const std::string& text, bool quotes) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += quotes ? "&quot;" : "\""; break;
      case '\'': out += quotes ? "&#39;" : "'"; break;
      default: out += c;
    }
  }
  return out;
}

// Markdown renders inline HTML, links and images, so its markup characters
// are escaped: < > & as entities, | [ ] with a backslash, so no cell becomes
// a link (javascript:) or an image a viewer fetches; and a backslash before
// punctuation, which would otherwise undo the escape after it. Before
// anything else (\x1b) a backslash is a backslash.
std::string md_field(const std::string& text) {
  std::string marked = escape_markup(terminal_safe(text, true), false), out;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    char c = marked[i];
    auto next = i + 1 < marked.size() ? static_cast<unsigned char>(marked[i + 1]) : 0;
    if (c == '|' || c == '[' || c == ']' || (c == '\\' && next < 0x80 && std::ispunct(next))) out += '\\';
    if (c == '\n') out += "<br>";
    else out += c;
  }
  return out;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  std::size_t w = display_width(text);
  std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + text : text + fill;
}

// An aligned text table; on a TTY the widest columns shrink to fit the terminal.
std::string text_table(std::vector<std::vector<std::string>> cells, const std::vector<Column>& columns,
                       const OutputOptions& o, const std::vector<bool>& highlighted = {}) {
  for (auto& row : cells)
    for (auto& text : row) text = terminal_safe(text);
  std::vector<std::size_t> widths(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) widths[c] = display_width(columns[c].header);
  for (const auto& row : cells)
    for (std::size_t c = 0; c < columns.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  if (o.tty && o.terminal_width > 0) {
    // Text columns give way, the widest first; refs, dates and numbers are
    // never cut. A table still too wide wraps rather than lose a figure.
    constexpr std::size_t kNarrowest = 6;
    auto total = [&](bool narrowest) {
      std::size_t t = 0;
      for (std::size_t c = 0; c < columns.size(); ++c)
        t += (narrowest && columns[c].kind == ColumnKind::text ? std::min(widths[c], kNarrowest) : widths[c]) + 2;
      return t - 2;
    };
    // Cutting text is worth it only when the table then fits.
    const auto room = static_cast<std::size_t>(o.terminal_width);
    while (total(true) <= room && total(false) > room) {
      std::size_t widest = columns.size();
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].kind == ColumnKind::text && widths[c] > kNarrowest &&
            (widest == columns.size() || widths[c] > widths[widest]))
          widest = c;
      if (widest == columns.size()) break;
      --widths[widest];
    }
  }
  auto line = [&](const std::vector<std::string>& row, bool header) {
    std::string out;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::string text = truncate_to_width(row[c], widths[c]);
      bool last = c + 1 == columns.size();
      bool right = right_aligned(columns[c].kind);
      std::string padded = (last && !right) ? text : pad(text, widths[c], right);
      if (header && o.color) padded = "\033[1m" + padded + "\033[0m";
      out += padded + (last ? "" : "  ");
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<std::string> headers;
  for (const auto& c : columns) headers.push_back(terminal_safe(c.header));
  std::string out = line(headers, true);
  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::string text = line(cells[r], false);
    if (o.color && r < highlighted.size() && highlighted[r])  // yellow, before the newline
      text = "\033[33m" + text.substr(0, text.size() - 1) + "\033[0m\n";
    out += text;
  }
  return out;
}

// -q prints what a script needs: a record's ref, one a line; a row that is
// no record (a doctor check, a report row) prints nothing, its exit code says it.
std::string quiet_line(const json& row) {
  auto ref = row.find("ref");
  return ref != row.end() && ref->is_string() ? ref->get<std::string>() + "\n" : "";
}

std::string html_cells(const std::vector<std::vector<std::string>>& cells, const std::vector<Column>& columns) {
  std::string out = "<table>\n<tr>";
  for (const auto& c : columns) out += "<th>" + html_escape(c.header) + "</th>";
  out += "</tr>\n";
  for (const auto& row : cells) {
    out += "<tr>";
    for (std::size_t c = 0; c < columns.size(); ++c)
      out += (right_aligned(columns[c].kind) ? "<td class=\"n\">" : "<td>") + html_escape(row[c]) + "</td>";
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

}  // namespace

std::string json_text(const json& j, int indent) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

namespace {
const std::pair<const char*, Format> kFormats[] = {{"table", Format::table}, {"csv", Format::csv},
                                                   {"tsv", Format::tsv},     {"json", Format::json},
                                                   {"jsonl", Format::jsonl}, {"md", Format::md},
                                                   {"html", Format::html}};
}  // namespace

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const auto& [name, format] : kFormats) names.emplace_back(name);
  return names;
}

Format parse_format(const std::string& name) {
  for (const auto& [n, f] : kFormats)
    if (name == n) return f;
  std::vector<std::string> names = format_names();
  std::string last = names.back();
  names.pop_back();
  throw Error(Exit::usage, fmt::format("unknown format '{}': use {} or {}", name, join(names, ", "), last));
}

std::string csv_field(const std::string& text) { return csv_quote(formula_safe(text)); }

// A browser ignores an escape sequence, a terminal showing the file does not.
std::string html_escape(const std::string& text) { return escape_markup(terminal_safe(text, true), true); }

std::string html_page(const std::string& title, const std::string& body, const std::string& subtitle) {
  std::string full = subtitle.empty() ? title : title + " — " + subtitle;
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width\"><title>" +
         html_escape(full) +
         "</title>\n<style>body{font-family:\"Noto Sans CJK SC\",\"Noto Sans\",sans-serif;margin:2em;color:#222}"
         "table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd}td.n{text-align:right}"
         "th{text-align:left}p.meta{color:#555}p.empty{font-size:1.2em}figure{margin:1em 0}"
         "figcaption{font-weight:bold;margin-bottom:.5em}"
         "svg text{font-family:\"Noto Sans CJK SC\",\"Noto Sans\",sans-serif;font-size:12px}</style></head><body>\n<h1>" +
         html_escape(full) + "</h1>\n" + body + "</body></html>\n";
}

std::string html_figure(const std::string& title, const std::string& svg) {
  if (svg.empty()) return "";
  return "<figure>\n<figcaption>" + html_escape(title) + "</figcaption>\n" + svg + "</figure>\n";
}

std::string html_table(const std::vector<json>& rows, const std::vector<Column>& columns) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& r : rows) {
    std::vector<std::string> row;
    for (const auto& c : columns) {
      std::string text = cell(r.contains(c.key) ? r[c.key] : json(), c.kind, true);
      row.push_back(text.empty() ? "-" : text);
    }
    cells.push_back(std::move(row));
  }
  return html_cells(cells, columns);
}

std::string svg_funnel(const std::vector<std::string>& labels, const std::vector<double>& values) {
  const int width = 600, band = 34, gap = 4;
  double top = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  int height = static_cast<int>(labels.size()) * (band + gap);
  std::string out = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
                                "role=\"img\" aria-label=\"funnel\">\n",
                                width + 220, height);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    double w = top > 0 ? std::max(2.0, values[i] / top * width) : 2.0;
    double x = (width - w) / 2;
    int y = static_cast<int>(i) * (band + gap);
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#4a7fb5\"/>"
                       "<text x=\"{}\" y=\"{}\">{}</text>\n",
                       x, y, w, band, width + 10, y + band / 2 + 4, html_escape(labels[i]));
  }
  return out + "</svg>\n";
}

std::string svg_bars(const std::vector<std::string>& labels, const std::vector<double>& values,
                     const std::vector<std::string>& shown) {
  const int bar = 72, gap = 16, height = 200, top_margin = 20;
  double top = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  int width = static_cast<int>(labels.size()) * (bar + gap) + gap;
  std::string out = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
                                "role=\"img\" aria-label=\"bars\">\n",
                                std::max(width, 100), height + top_margin + 24);
  // The baseline, so a zero bar still shows where it stands.
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#666\"/>\n", gap / 2,
                     top_margin + height, std::max(width, 100) - gap / 2, top_margin + height);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    double h = top > 0 ? values[i] / top * height : 0;
    int x = gap + static_cast<int>(i) * (bar + gap);
    double y = top_margin + height - h;
    out += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#4a7fb5\"/>"
                       "<text x=\"{}\" y=\"{:.1f}\">{}</text><text x=\"{}\" y=\"{}\">{}</text>\n",
                       x, y, bar, h, x, y - 4, html_escape(shown[i]), x, top_margin + height + 16,
                       html_escape(labels[i]));
  }
  return out + "</svg>\n";
}

std::string text_bars(const std::vector<std::string>& labels, const std::vector<double>& values,
                      const std::vector<std::string>& shown, int width) {
  double top = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  std::size_t label_width = 0;
  for (const auto& l : labels) label_width = std::max(label_width, display_width(terminal_safe(l)));
  int room = std::max(10, width - static_cast<int>(label_width) - 20);
  std::string out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    int n = top > 0 ? static_cast<int>(std::lround(values[i] / top * room)) : 0;
    std::string bar;
    for (int k = 0; k < n; ++k) bar += "█";
    out += pad(terminal_safe(labels[i]), label_width, false) + "  " + bar + " " + shown[i] + "\n";
  }
  return out;
}

std::vector<Column> with_currency(std::vector<Column> columns, const std::string& currency) {
  if (currency.empty()) return columns;
  for (auto& c : columns)
    if (c.kind == ColumnKind::money) c.header += " (" + currency + ")";
  return columns;
}

ListWriter::ListWriter(std::ostream& out, std::vector<Column> columns, OutputOptions options, std::optional<long> limit)
    : out_(out), columns_(std::move(columns)), o_(std::move(options)), limit_(limit) {
  if (o_.format == Format::table || o_.format == Format::md || o_.format == Format::html)
    columns_ = with_currency(std::move(columns_), o_.currency);
  if (!o_.quiet && o_.format == Format::csv) {
    std::vector<std::string> header;
    for (const auto& c : columns_) header.push_back(csv_field(c.key));
    out_ << join(header, ",") << "\r\n";
  }
}

std::vector<std::string> ListWriter::cells(const json& r) const {
  bool human = o_.format == Format::table || o_.format == Format::md || o_.format == Format::html;
  std::vector<std::string> row;
  for (const auto& c : columns_) {
    std::string text = cell(r.contains(c.key) ? r[c.key] : json(), c.kind, human);
    row.push_back(text.empty() && human ? "-" : text);
  }
  return row;
}

void ListWriter::add(const json& r) {
  if (limit_ && shown_ >= *limit_) {
    ++left_out_;
    return;
  }
  ++shown_;
  if (o_.quiet) {
    out_ << quiet_line(r);
    return;
  }
  switch (o_.format) {
    case Format::json: {  // as json::dump(2) prints an array, one element at a time
      std::string element = json_text(r, 2), indented = "  ";
      for (char c : element) indented += c == '\n' ? std::string("\n  ") : std::string(1, c);
      out_ << (shown_ == 1 ? "[\n" : ",\n") << indented;
      return;
    }
    case Format::jsonl: out_ << json_text(r, -1) << "\n"; return;
    case Format::tsv: {  // no header, like gh: made for cut and awk
      std::vector<std::string> fields;
      for (auto& f : cells(r)) fields.push_back(tsv_field(std::move(f)));
      out_ << join(fields, "\t") << "\n";
      return;
    }
    case Format::csv: {
      std::vector<std::string> fields;
      for (const auto& f : cells(r)) fields.push_back(csv_field(f));
      out_ << join(fields, ",") << "\r\n";
      return;
    }
    case Format::table:
      if (!o_.highlight_key.empty()) highlighted_.push_back(r.value(o_.highlight_key, false));
      held_.push_back(cells(r));
      return;
    case Format::md:
    case Format::html: held_.push_back(cells(r)); return;
  }
}

long ListWriter::finish() {
  if (o_.quiet) return left_out_;
  switch (o_.format) {
    case Format::json: out_ << (shown_ == 0 ? "[]\n" : "\n]\n"); break;
    case Format::table: out_ << text_table(held_, columns_, o_, highlighted_); break;
    case Format::html: out_ << html_page("hopper", html_cells(held_, columns_), ""); break;
    case Format::md: {
      std::vector<std::string> header, rule;
      for (const auto& c : columns_) {
        header.push_back(md_field(c.header));
        rule.push_back(right_aligned(c.kind) ? "---:" : "---");
      }
      out_ << "| " << join(header, " | ") << " |\n| " << join(rule, " | ") << " |\n";
      for (const auto& row : held_) {
        std::vector<std::string> fields;
        for (const auto& f : row) fields.push_back(md_field(f));
        out_ << "| " << join(fields, " | ") << " |\n";
      }
      break;
    }
    default: break;
  }
  out_.flush();
  return left_out_;
}

std::string render_list(const std::vector<json>& rows, const std::vector<Column>& columns, const OutputOptions& o) {
  std::ostringstream out;
  ListWriter list(out, columns, o);
  for (const auto& r : rows) list.add(r);
  list.finish();
  return out.str();
}

std::string render_record(const json& record, const std::vector<Column>& fields, const OutputOptions& o) {
  if (o.quiet) return quiet_line(record);
  if (o.format == Format::json) return json_text(record, 2) + "\n";
  if (o.format == Format::jsonl) return json_text(record, -1) + "\n";
  if (o.format == Format::csv) return render_list({record}, fields, o);
  // Other formats: one "field value" row per field.
  std::vector<json> rows;
  for (const auto& f : fields) {
    json v = record.contains(f.key) ? record[f.key] : json();
    bool human = o.format != Format::tsv;
    std::string text = cell(v, f.kind, human);
    if (human && f.kind == ColumnKind::money && !text.empty() && !o.currency.empty()) text += " " + o.currency;
    rows.push_back({{"field", to_lower_ascii(f.header)}, {"value", text.empty() && human ? "-" : text}});
  }
  OutputOptions kv = o;
  if (o.format == Format::table) {  // "name    Acme" without a header line
    std::size_t width = 0;
    for (const auto& r : rows) width = std::max(width, display_width(r["field"].get<std::string>()));
    std::string out;
    for (const auto& r : rows) {
      std::string label = pad(r["field"].get<std::string>(), width, false);
      if (o.color) label = "\033[1m" + label + "\033[0m";
      out += label + "  " + terminal_safe(r["value"].get<std::string>()) + "\n";
    }
    return out;
  }
  return render_list(rows, {{"field", "Field"}, {"value", "Value"}}, kv);
}

OutputFailed::OutputFailed(int error)
    : std::runtime_error(error == EBADF ? std::string("stdout is closed") : std::strerror(error)), error_(error) {}
bool OutputFailed::reader_gone() const { return error_ == EPIPE; }

OutputBuffer::OutputBuffer(int fd, bool closed) : fd_(fd), closed_(closed), line_buffered_(!closed && isatty(fd)) {}

OutputBuffer::int_type OutputBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return sync() == 0 ? traits_type::not_eof(c) : traits_type::eof();
  char ch = traits_type::to_char_type(c);
  xsputn(&ch, 1);
  return c;
}

std::streamsize OutputBuffer::xsputn(const char* text, std::streamsize n) {
  if (dropping_) return n;
  held_.append(text, static_cast<std::size_t>(n));
  if (held_.size() >= (1 << 16) || (line_buffered_ && std::memchr(text, '\n', static_cast<std::size_t>(n)))) drain();
  return n;
}

int OutputBuffer::sync() {
  drain();
  return 0;
}

void OutputBuffer::drain() {
  std::string_view rest = held_;
  while (!rest.empty() && !dropping_) {
    ssize_t n = closed_ ? (errno = EBADF, -1) : ::write(fd_, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      dropping_ = true;
      held_.clear();
      if (error == EPIPE && keep_going_) return;
      throw OutputFailed(error);
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  held_.clear();
}

}  // namespace hopper
