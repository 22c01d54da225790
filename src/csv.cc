#include "hopper/csv.h"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>

#include "hopper/error.h"
#include "hopper/text.h"

namespace hopper {

TextLines::TextLines(std::istream& in, const std::string& encoding, std::string name) : in_(in), name_(std::move(name)) {
  std::string e = to_lower_ascii(encoding);
  if (e == "utf-8" || e == "utf8") return;
  if (e != "gbk" && e != "gb18030" && e != "gb2312" && e != "cp936")
    throw Error(Exit::invalid, fmt::format("--encoding '{}' is not known: use utf-8 (the default) or gbk", encoding));
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw Error(Exit::invalid, "this system's iconv cannot read GBK");
  iconv_ = cd;
}

TextLines::~TextLines() {
  if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
}

// std::getline with a bound. A file whose bytes cannot be read (a
// directory, /proc/self/mem, a failing disk) is named, not an internal error.
bool TextLines::read_raw_line() {
  raw_.clear();
  std::streambuf* buffer = in_.rdbuf();
  try {
    for (int c = buffer->sbumpc();; c = buffer->sbumpc()) {
      if (c == std::char_traits<char>::eof()) return !raw_.empty();
      if (c == '\n') return true;
      if (raw_.size() == kMaxLineBytes)
        throw Error(Exit::invalid, fmt::format("{}:{}: a line longer than {} MB; is this a CSV or JSONL file?", name_,
                                               line_number_ + 1, kMaxLineBytes >> 20));
      raw_.push_back(static_cast<char>(c));
    }
  } catch (const std::ios_base::failure& e) {
    throw Error(Exit::invalid, fmt::format("{}: cannot be read ({}); name a file of rows", name_, e.code().message()));
  }
}

bool TextLines::next(std::string& line) {
  if (!read_raw_line()) return false;
  ++line_number_;
  bytes_read_ += static_cast<std::int64_t>(raw_.size()) + 1;
  if (!raw_.empty() && raw_.back() == '\r') raw_.pop_back();
  if (!iconv_) {
    if (line_number_ == 1 && raw_.starts_with("\xEF\xBB\xBF")) raw_.erase(0, 3);
    if (auto at = invalid_utf8_at(raw_); at != std::string_view::npos)
      throw Error(Exit::invalid,
                  fmt::format("{}:{}: byte {} (0x{:02X}) is not UTF-8; a spreadsheet saved by Chinese Excel needs "
                              "--encoding gbk",
                              name_, line_number_, at + 1, static_cast<unsigned char>(raw_[at])));
    line.swap(raw_);
    return true;
  }
  // GBK's second bytes are never a line break, so each line converts alone.
  line.resize(raw_.size() * 2 + 4);
  char* from = raw_.data();
  std::size_t from_left = raw_.size();
  char* to = line.data();
  std::size_t to_left = line.size();
  iconv(static_cast<iconv_t>(iconv_), nullptr, nullptr, nullptr, nullptr);
  if (iconv(static_cast<iconv_t>(iconv_), &from, &from_left, &to, &to_left) == static_cast<std::size_t>(-1))
    throw Error(Exit::invalid, fmt::format("{}:{}: byte {} is not GBK{}", name_, line_number_,
                                           raw_.size() - from_left + 1,
                                           errno == EINVAL ? " (a character is cut off)" : ""));
  line.resize(line.size() - to_left);
  return true;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  do {
    if (!lines_.next(text_)) return false;
  } while (text_.empty());  // blank lines (a trailing one, most often) hold no record
  line_ = lines_.line_number();
  std::string field;
  std::size_t i = 0;
  for (;;) {
    if (i < text_.size() && text_[i] == '"') {  // quoted: up to the closing quote, across lines
      ++i;
      for (;;) {
        std::size_t q = text_.find('"', i);
        if (q == std::string::npos) {
          field.append(text_, i, std::string::npos);
          if (!lines_.next(text_))
            throw Error(Exit::invalid, fmt::format("{}:{}: a quoted field is never closed", lines_.name(), line_));
          field += '\n';
          if (field.size() > TextLines::kMaxLineBytes)
            throw Error(Exit::invalid, fmt::format("{}:{}: a record longer than {} MB; is a quote never closed?",
                                                   lines_.name(), line_, TextLines::kMaxLineBytes >> 20));
          i = 0;
          continue;
        }
        field.append(text_, i, q - i);
        if (q + 1 < text_.size() && text_[q + 1] == '"') {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the comma is kept as written.
      std::size_t comma = text_.find(',', i);
      field.append(text_, i, comma == std::string::npos ? std::string::npos : comma - i);
      i = comma;
    } else {
      std::size_t comma = text_.find(',', i);
      field.assign(text_, i, comma == std::string::npos ? std::string::npos : comma - i);
      i = comma;
    }
    fields.push_back(std::move(field));
    field.clear();
    if (i == std::string::npos) return true;
    ++i;  // past the comma
  }
}

std::string csv_quote(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace hopper
