#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>

#include "hopper/output.h"

using namespace hopper;
using nlohmann::json;

static const std::vector<Column> kColumns = {{"ref", "REF"}, {"name", "NAME"}, {"amount", "AMOUNT", ColumnKind::money}};
static std::vector<json> rows() {
  return {{{"ref", "C1"}, {"name", "华星科技"}, {"amount", 1000000}},
          {{"ref", "C2"}, {"name", "Acme"}, {"amount", 2500.5}}};
}
static OutputOptions as(Format f) {
  OutputOptions o;
  o.format = f;
  return o;
}

TEST_CASE("tables align by display width") {
  std::string out = render_list(rows(), kColumns, as(Format::table));
  CHECK(out ==
        "REF  NAME         AMOUNT\n"
        "C1   华星科技  1,000,000\n"
        "C2   Acme       2,500.50\n");
}

TEST_CASE("tsv has no header and plain numbers") {
  CHECK(render_list(rows(), kColumns, as(Format::tsv)) == "C1\t华星科技\t1000000\nC2\tAcme\t2500.5\n");
}

TEST_CASE("csv quotes per RFC 4180 and neutralises formulas") {
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_field("@SUM") == "'@SUM");
  CHECK(csv_field("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0");
  CHECK(csv_field("-2+3+SUM(A1)") == "'-2+3+SUM(A1)");
  // Digits and arithmetic call nothing: numbers and phones stay as typed.
  CHECK(csv_field("-12.5") == "-12.5");
  CHECK(csv_field("+86 138-0013-8000") == "+86 138-0013-8000");
  // A lone sign (hopper's "-" for nobody, or stdin) calls nothing either.
  CHECK(csv_field("-") == "-");
  CHECK(csv_field("+") == "+");
  CHECK(csv_field("=") == "'=");
  CHECK(csv_field("- released") == "'- released");
  std::string out = render_list(rows(), kColumns, as(Format::csv));
  CHECK(out.starts_with("ref,name,amount\r\n"));
}

TEST_CASE("json is an array of the whole objects; quiet prints refs") {
  auto j = json::parse(render_list(rows(), kColumns, as(Format::json)));
  CHECK(j.is_array());
  CHECK(j[0]["amount"] == 1000000);
  OutputOptions q = as(Format::table);
  q.quiet = true;
  CHECK(render_list(rows(), kColumns, q) == "C1\nC2\n");
}

TEST_CASE("tsv neutralises formulas as csv does, and keeps one line per row") {
  std::vector<json> r = {{{"ref", "C1"}, {"name", "=HYPERLINK(\"x\")\tfake\nC9"}, {"amount", 1}}};
  CHECK(render_list(r, kColumns, as(Format::tsv)) == "C1\t'=HYPERLINK(\"x\") fake C9\t1\n");
}

TEST_CASE("text that would act on a terminal is shown escaped in tables and records") {
  std::vector<json> r = {{{"ref", "C1"}, {"name", "ok\x1b[2J\a\r\nC9  fake\xe2\x80\xae"}, {"amount", 1}}};
  std::string table = render_list(r, kColumns, as(Format::table));
  CHECK(table.find('\x1b') == std::string::npos);
  CHECK(table.find("ok\\x1b[2J\\x07\\r\\nC9  fake\\u202e") != std::string::npos);
  CHECK(std::count(table.begin(), table.end(), '\n') == 2);  // header and one row, no fake one
  std::string record = render_record(r[0], kColumns, as(Format::table));
  CHECK(record.find('\x1b') == std::string::npos);
  CHECK(std::count(record.begin(), record.end(), '\n') == 3);
  // JSON keeps the text exactly (escaped by JSON itself).
  CHECK(json::parse(render_list(r, kColumns, as(Format::json)))[0]["name"] == r[0]["name"]);
}

TEST_CASE("markdown and html escape their specials") {
  std::vector<json> r = {{{"ref", "C1"}, {"name", "a|b <x>"}, {"amount", 1}}};
  CHECK(render_list(r, kColumns, as(Format::md)).find("a\\|b &lt;x&gt;") != std::string::npos);
  CHECK(render_list(r, kColumns, as(Format::html)).find("a|b &lt;x&gt;") != std::string::npos);
}

TEST_CASE("markdown makes no link or image of a cell; a backslash cannot undo an escape") {
  auto md = [](const std::string& name) {
    std::vector<json> r = {{{"ref", "C1"}, {"name", name}, {"amount", 1}}};
    std::string out = render_list(r, kColumns, as(Format::md));
    return out.substr(out.rfind("| C1 | ") + 7, out.rfind(" | 1 |") - out.rfind("| C1 | ") - 7);
  };
  CHECK(md("![t](http://evil/x.png)") == "!\\[t\\](http://evil/x.png)");
  CHECK(md("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
  CHECK(md("\\[x](javascript:y)") == "\\\\\\[x\\](javascript:y)");
  CHECK(md("a\\|b") == "a\\\\\\|b");
  CHECK(md("esc\x1b[1m") == "esc\\x1b\\[1m");  // a backslash before a letter stays one
}

TEST_CASE("html shows terminal controls escaped, in cells and titles") {
  std::vector<json> r = {{{"ref", "C1"}, {"name", "Esc\x1b[31mred\xe2\x80\xae"}, {"amount", 1}}};
  std::string html = render_list(r, kColumns, as(Format::html));
  CHECK(html.find('\x1b') == std::string::npos);
  CHECK(html.find("<td>Esc\\x1b[31mred\\u202e</td>") != std::string::npos);
  CHECK(html_page("t\x1b]0;x\a", "", "").find('\x1b') == std::string::npos);
}

TEST_CASE("tty tables shrink to the terminal with an ellipsis") {
  OutputOptions o = as(Format::table);
  o.tty = true;
  o.terminal_width = 24;
  std::vector<json> r = {{{"ref", "C1"}, {"name", "北京华星科技股份有限公司"}, {"amount", 1}}};
  std::string out = render_list(r, kColumns, o);
  CHECK(out.find("…") != std::string::npos);
  o.tty = false;
  CHECK(render_list(r, kColumns, o).find("…") == std::string::npos);
}

TEST_CASE("standard output fails loudly where a write fails; a closed pipe only when the command must stop") {
  auto write_through = [](OutputBuffer& buffer) {
    std::ostream out(&buffer);
    out.exceptions(std::ios::badbit);
    for (int i = 0; i < 20000; ++i) out << "a row of output\n";  // past any buffer
    out.flush();
  };
  int full = open("/dev/full", O_WRONLY);
  REQUIRE(full >= 0);
  OutputBuffer to_full(full, false);
  try {
    write_through(to_full);
    FAIL("a full disk was written to without an error");
  } catch (const OutputFailed& e) {
    CHECK(e.error() == ENOSPC);
    CHECK_FALSE(e.reader_gone());
  }
  close(full);

  OutputBuffer closed(STDOUT_FILENO, true);
  CHECK_THROWS_WITH_AS(write_through(closed), "stdout is closed", OutputFailed);

  ::signal(SIGPIPE, SIG_IGN);  // as main: a closed pipe is EPIPE on the write
  for (bool keep_going : {false, true}) {
    int ends[2];
    REQUIRE(pipe(ends) == 0);
    close(ends[0]);  // the reader left (head -1)
    OutputBuffer to_pipe(ends[1], false);
    if (keep_going) {
      to_pipe.keep_going_without_reader();
      CHECK_NOTHROW(write_through(to_pipe));
    } else {
      try {
        write_through(to_pipe);
        FAIL("a closed pipe went unnoticed");
      } catch (const OutputFailed& e) {
        CHECK(e.reader_gone());
      }
    }
    close(ends[1]);
  }
}
