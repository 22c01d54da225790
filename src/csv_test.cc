#include "hopper/csv.h"

#include <doctest/doctest.h>

#include <sstream>

#include "hopper/error.h"

using namespace hopper;

namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& text, const std::string& encoding = "utf-8") {
  std::istringstream in(text);
  TextLines lines(in, encoding, "t.csv");
  CsvReader csv(lines);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  while (csv.next(fields)) records.push_back(fields);
  return records;
}

}  // namespace

TEST_CASE("CSV reads quoted fields, doubled quotes, line breaks inside quotes, CRLF and a BOM") {
  auto r = read_csv("\xEF\xBB\xBFname,note\r\n\"Acme, Inc.\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",\r\n\r\n");
  REQUIRE(r.size() == 3);
  CHECK(r[0] == std::vector<std::string>{"name", "note"});
  CHECK(r[1] == std::vector<std::string>{"Acme, Inc.", "say \"hi\""});
  CHECK(r[2] == std::vector<std::string>{"two\nlines", ""});
}

TEST_CASE("CSV names the line where a quoted field never closes") {
  CHECK_THROWS_WITH_AS(read_csv("a\n\"open\nstill\n"), "t.csv:2: a quoted field is never closed", Error);
}

TEST_CASE("text that is not UTF-8 is refused with the line and a hint; GBK converts") {
  CHECK_THROWS_WITH_AS(read_csv("name\n\xBB\xAA\xD0\xC7\n"),
                       doctest::Contains("t.csv:2: byte 1 (0xBB) is not UTF-8"), Error);
  auto r = read_csv("name\n\xBB\xAA\xD0\xC7\xBF\xC6\xBC\xBC\n", "gbk");  // 华星科技
  REQUIRE(r.size() == 2);
  CHECK(r[1][0] == "华星科技");
  CHECK_THROWS_AS(read_csv("x", "latin9"), Error);
}

TEST_CASE("csv_quote quotes only what needs it") {
  CHECK(csv_quote("plain") == "plain");
  CHECK(csv_quote("a,b") == "\"a,b\"");
  CHECK(csv_quote("say \"hi\"") == "\"say \"\"hi\"\"\"");
}
