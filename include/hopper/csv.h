// Reading the files spreadsheets and other tools export: text lines in UTF-8
// (with or without a BOM) or GBK, LF or CRLF; CSV records as RFC 4180 writes
// them (quoted fields with "" and line breaks inside). One line or record at
// a time, so a file of any size reads in constant memory.
#pragma once
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hopper {

class TextLines {
 public:
  // `encoding`: utf-8, or gbk (read as GB18030, its superset); `name` is the
  // file as messages show it. Error(invalid) for an unknown encoding.
  TextLines(std::istream& in, const std::string& encoding, std::string name);
  ~TextLines();
  // The next line as UTF-8 without its line break; false at the end.
  // Error(invalid) naming the line when it is not valid in the encoding, or
  // longer than kMaxLineBytes (a file that is one endless line must not
  // take all memory); Error(invalid) naming the file when its bytes cannot
  // be read (a directory).
  bool next(std::string& line);
  static constexpr std::size_t kMaxLineBytes = 4 << 20;
  long line_number() const { return line_number_; }
  std::int64_t bytes_read() const { return bytes_read_; }
  const std::string& name() const { return name_; }

 private:
  bool read_raw_line();  // into raw_, without the line break; false at the end
  std::istream& in_;
  std::string name_;
  void* iconv_ = nullptr;  // iconv_t, when not UTF-8
  std::string raw_;
  long line_number_ = 0;
  std::int64_t bytes_read_ = 0;
};

class CsvReader {
 public:
  explicit CsvReader(TextLines& lines) : lines_(lines) {}
  // The next record's fields; false at the end. Error(invalid) naming the
  // line of a quoted field that is never closed, or of a record longer than
  // TextLines::kMaxLineBytes.
  bool next(std::vector<std::string>& fields);
  long line() const { return line_; }  // where the last record started

 private:
  TextLines& lines_;
  std::string text_;
  long line_ = 0;
};

// A field as CSV writes it, as it is: quoted when it holds a comma, quote or
// line break (output's csv_field also neutralises formulas, for spreadsheets).
std::string csv_quote(std::string_view text);

}  // namespace hopper
