#include "write/sheet/csv_export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/file_system.h"
#include "base/text.h"
#include "read/csv.h"
#include "read/encoding.h"

namespace kyosei {

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";
constexpr const char* kLineEnd = "\r\n";

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// 1234000, 0.6, 29.4: at most three decimals, trailing zeros dropped.
std::string number_text(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Excel runs a cell that starts with one of these as a formula (OWASP's
// list: = + - @ tab CR). Spaces before them do not stop it, and Japanese
// Excel reads the full-width ＝ ＋ － ＠ the same way, so those count too.
std::string guarded(const std::string& text) {
  std::string_view rest(text);
  while (!rest.empty() && (rest[0] == ' ' || rest.substr(0, 3) == "\xE3\x80\x80"))
    rest.remove_prefix(rest[0] == ' ' ? 1 : 3);
  if (rest.empty()) return text;
  bool formula = std::string_view("=+-@\t\r\n").find(rest[0]) != std::string_view::npos;
  for (std::string_view wide : {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0"})
    formula = formula || rest.substr(0, 3) == wide;
  return formula ? "'" + text : text;
}

std::string field_text(const SheetCell& c, CellFormat f) {
  switch (c.kind) {
    case SheetCell::Kind::Blank: return "";
    case SheetCell::Kind::Text: return guarded(c.text);
    case SheetCell::Kind::Number:
    case SheetCell::Kind::Formula: return c.yen ? std::to_string(*c.yen) : number_text(c.number);  // yen: as the integer it is
    case SheetCell::Kind::Date: {
      std::string ym = std::to_string(c.date.year) + "-" + two_digits(c.date.month);
      return f == CellFormat::YearMonth ? ym : ym + "-" + two_digits(c.date.day);
    }
  }
  return "";
}

CellFormat format_of(const SheetTable& t, size_t column, const SheetCell& c) {
  if (c.format) return *c.format;
  return column < t.columns.size() ? t.columns[column].format : CellFormat::Text;
}

// The records: header first, then every row, as fields.
std::vector<std::vector<std::string>> records_of(const SheetTable& t) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> header;
  for (const auto& c : t.columns) header.push_back(guarded(c.header));  // a header can come from input (a role name)
  out.push_back(std::move(header));
  for (const auto& row : t.rows) {
    std::vector<std::string> fields;
    for (size_t c = 0; c < t.columns.size(); ++c)
      fields.push_back(c < row.cells.size() ? field_text(row.cells[c], format_of(t, c, row.cells[c])) : "");
    out.push_back(std::move(fields));
  }
  return out;
}

std::string code_point_label(std::string_view ch) {
  unsigned cp = 0;
  auto b = [&](size_t i) { return static_cast<unsigned char>(ch[i]); };
  if (ch.size() == 1) cp = b(0);
  else if (ch.size() == 2) cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
  else if (ch.size() == 3) cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  else if (ch.size() == 4) cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

// The characters of a UTF-8 text that CP932 cannot hold, each once, in order.
std::vector<std::string> unmappable(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    std::string ch(text.substr(i, n));
    if (!convert_encoding(ch, "UTF-8", "CP932")) {
      bool seen = false;
      for (const auto& o : out) seen = seen || o == ch;
      if (!seen) out.push_back(ch);
    }
    i += n;
  }
  return out;
}

std::string join_records(const std::vector<std::vector<std::string>>& records) {
  std::string out;
  for (const auto& r : records) {
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) out += ',';
      out += csv_quote(r[i]);
    }
    out += kLineEnd;
  }
  return out;
}

size_t line_breaks(const std::vector<std::string>& record) {
  size_t n = 0;
  for (const auto& f : record)
    for (char c : f) n += c == '\n' ? 1 : 0;
  return n;
}

}  // namespace

std::optional<CsvEncoding> parse_csv_encoding(std::string_view s) {
  std::string e = lower_ascii(s);
  if (e == "utf-8" || e == "utf8") return CsvEncoding::Utf8Bom;
  if (e == "cp932" || e == "shift_jis" || e == "sjis") return CsvEncoding::Cp932;
  return std::nullopt;
}

std::vector<CsvTable> csv_tables(const std::vector<Sheet>& sheets) {
  std::vector<CsvTable> out;
  for (const auto& s : sheets) {
    if (s.main.csv) out.push_back({std::string(kCsvFolder) + "/" + s.name + ".csv", &s.main});
    for (const auto& t : s.extras)
      if (t.csv) out.push_back({std::string(kCsvFolder) + "/" + s.name + "_" + t.name + ".csv", &t});
  }
  return out;
}

namespace {

// One cell CP932 cannot hold.
struct Unmappable {
  Location where;
  std::string message;
  std::vector<std::string> characters;
  bool at_input = false;  // located at an input row (else at the CSV place)
};

std::vector<Unmappable> unmappable_cells(const CsvTable& csv, const std::vector<std::vector<std::string>>& records) {
  std::vector<Unmappable> out;
  int line = 1;  // physical line in the CSV
  for (size_t r = 0; r < records.size(); ++r) {
    for (size_t c = 0; c < records[r].size(); ++c) {
      auto bad = unmappable(records[r][c]);
      if (bad.empty()) continue;
      std::vector<std::string> shown;
      for (const auto& ch : bad) shown.push_back("「" + ch + "」（" + code_point_label(ch) + "）");
      // Located at the input row the value comes from, when known, so the
      // officer can fix it there; the message names the CSV place.
      const std::string& header = csv.table->columns[c].header;
      Unmappable u{{csv.path, line, header}, "", bad, false};
      if (r > 0 && !csv.table->rows[r - 1].source.file.empty()) {
        u.where = csv.table->rows[r - 1].source;
        u.where.column = header;
        u.at_input = true;
      }
      u.message = join(shown, "") + " は CP932（Shift_JIS）にない文字のため、" + csv.path + " の " + std::to_string(line) +
                  " 行目「" + header + "」列に書き出せません";
      out.push_back(std::move(u));
    }
    line += 1 + static_cast<int>(line_breaks(records[r]));
  }
  return out;
}

constexpr const char* kUnmappableExpected =
    "CP932 にある文字への置き換え、または --encoding を指定しない UTF-8（BOM付き）での出力";

}  // namespace

std::optional<std::string> encode_csv(const CsvTable& csv, CsvEncoding encoding, Diagnostics& diags) {
  auto records = records_of(*csv.table);
  std::string utf8 = join_records(records);
  if (encoding == CsvEncoding::Utf8Bom) return kBom + utf8;
  if (auto bytes = convert_encoding(utf8, "UTF-8", "CP932")) return bytes;
  for (const auto& u : unmappable_cells(csv, records)) diags.error(u.where, u.message, kUnmappableExpected);
  return std::nullopt;
}

bool check_csv_tables(const std::vector<Sheet>& sheets, CsvEncoding encoding, Diagnostics& diags) {
  if (encoding == CsvEncoding::Utf8Bom) return true;
  std::vector<Unmappable> all;
  for (const auto& t : csv_tables(sheets)) {
    auto records = records_of(*t.table);
    if (convert_encoding(join_records(records), "UTF-8", "CP932")) continue;
    for (auto& u : unmappable_cells(t, records)) all.push_back(std::move(u));
  }
  // A cell with no input row (a list of service names, say) repeats what a
  // located cell already reports: drop it when its characters are covered.
  std::vector<std::string> located;
  for (const auto& u : all)
    if (u.at_input) located.insert(located.end(), u.characters.begin(), u.characters.end());
  for (const auto& u : all) {
    bool covered = !u.at_input;
    for (const auto& ch : u.characters)
      covered = covered && std::find(located.begin(), located.end(), ch) != located.end();
    if (!covered) diags.error(u.where, u.message, kUnmappableExpected);
  }
  return all.empty();
}

bool write_csv_tables(const std::vector<Sheet>& sheets, CsvEncoding encoding, const std::string& out_dir,
                      Diagnostics& diags) {
  bool ok = true;
  for (const auto& t : csv_tables(sheets)) {
    auto bytes = encode_csv(t, encoding, diags);
    if (!bytes) {
      ok = false;
      continue;
    }
    std::string path = out_dir + "/" + t.path;
    if (!write_file(path, *bytes)) {
      diags.error({path, 0, ""}, "CSV を書き込めませんでした（" + path + "）", "書き込みできる出力フォルダ");
      ok = false;
    }
  }
  return ok;
}

}  // namespace kyosei
