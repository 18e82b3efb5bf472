#include "read/xlsx_reader.h"

#include <expat.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>

#include "base/file_system.h"
#include "base/text.h"
#include "base/zip_reader.h"

namespace kyosei {

namespace {

constexpr int kMaxRows = 1048576;
constexpr int kMaxColumns = 16384;
constexpr const char* kRelOfficeDocument = "/officeDocument";
constexpr const char* kRelStyles = "/styles";
constexpr const char* kRelSharedStrings = "/sharedStrings";

// ------------------------------------------------------------------ XML

// A thin SAX layer over expat with namespace processing: handlers see local
// names ("c", not "x:c"), so files from any producer read the same.
class XmlReader {
 public:
  std::function<void(std::string_view name, const char** attrs)> on_start = [](auto, auto) {};
  std::function<void(std::string_view name)> on_end = [](auto) {};
  std::function<void(std::string_view text)> on_text = [](auto) {};

  // Empty on success; otherwise what went wrong, in Japanese, with the line.
  std::string parse(std::string_view xml) {
    XML_Parser p = XML_ParserCreateNS(nullptr, '|');
    if (!p) return "XML を読む準備ができませんでした";
    parser_ = p;
    XML_SetUserData(p, this);
    XML_SetElementHandler(
        p, [](void* self, const XML_Char* name, const XML_Char** attrs) {
          static_cast<XmlReader*>(self)->on_start(local_name(name), attrs);
        },
        [](void* self, const XML_Char* name) { static_cast<XmlReader*>(self)->on_end(local_name(name)); });
    XML_SetCharacterDataHandler(p, [](void* self, const XML_Char* s, int len) {
      static_cast<XmlReader*>(self)->on_text(std::string_view(s, static_cast<size_t>(len)));
    });
    // Workbook parts never declare a DTD; refusing one rules out entity tricks.
    XML_SetStartDoctypeDeclHandler(p, [](void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
      auto* r = static_cast<XmlReader*>(self);
      r->refused_ = "DTD（<!DOCTYPE>）を含んでいます";
      XML_StopParser(r->parser_, XML_FALSE);
    });
    std::string error;
    if (XML_Parse(p, xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_ERROR) {
      error = "XML の形式が正しくありません（" + std::to_string(XML_GetCurrentLineNumber(p)) + "行目";
      error += refused_.empty() ? std::string("。expat: ") + XML_ErrorString(XML_GetErrorCode(p)) : "。" + refused_;
      error += "）";
    }
    XML_ParserFree(p);
    parser_ = nullptr;
    return error;
  }

  // Stops the parse from a handler; parse() then reports `why`.
  void stop(std::string why) {
    refused_ = std::move(why);
    if (parser_) XML_StopParser(parser_, XML_FALSE);
  }

  static std::string_view local_name(const XML_Char* name) {
    std::string_view n(name);
    size_t bar = n.rfind('|');
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
  }

  // The value of an attribute by local name, or nullptr.
  static const char* attr(const char** attrs, std::string_view name) {
    for (size_t i = 0; attrs[i]; i += 2)
      if (local_name(attrs[i]) == name) return attrs[i + 1];
    return nullptr;
  }

 private:
  XML_Parser parser_ = nullptr;
  std::string refused_;
};

// Excel escapes characters XML cannot hold as _xHHHH_ (and a literal
// "_x" as _x005F_x).
std::string decode_excel_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '_' && i + 7 <= s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2])) && std::isxdigit(static_cast<unsigned char>(s[i + 3])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 4])) && std::isxdigit(static_cast<unsigned char>(s[i + 5]))) {
      unsigned cp = static_cast<unsigned>(std::strtoul(std::string(s.substr(i + 2, 4)).c_str(), nullptr, 16));
      if (cp >= 0xD800 && cp <= 0xDFFF) {  // half a surrogate pair: not a character, keep as written
        out += s[i++];
        continue;
      }
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
      i += 7;
      continue;
    }
    out += s[i++];
  }
  return out;
}

// ------------------------------------------------------------------ paths

// Resolves a relationship target against the folder of the part that
// holds the relationship ("xl/"): "worksheets/sheet1.xml" -> "xl/worksheets/
// sheet1.xml"; "/xl/styles.xml" is absolute; ".." goes up.
std::string resolve_target(const std::string& base_dir, const std::string& target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  for (const auto& part : split(joined, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return join(parts, "/");
}

std::string folder_of(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
  return folder_of(part) + "_rels/" + part.substr(folder_of(part).size()) + ".rels";
}

struct Relationship {
  std::string id, type, target;
};

std::vector<Relationship> read_relationships(const std::string& xml, std::string& error) {
  std::vector<Relationship> out;
  XmlReader r;
  r.on_start = [&](std::string_view name, const char** attrs) {
    if (name != "Relationship") return;
    Relationship rel;
    if (auto* v = XmlReader::attr(attrs, "Id")) rel.id = v;
    if (auto* v = XmlReader::attr(attrs, "Type")) rel.type = v;
    if (auto* v = XmlReader::attr(attrs, "Target")) rel.target = v;
    out.push_back(std::move(rel));
  };
  error = r.parse(xml);
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ------------------------------------------------------------------ numbers

enum class Shape { General, Percent, Date, YearMonth, DateTime, Time };

// Built-in number formats (ECMA-376 §18.8.30, and the Japanese-locale ones
// Excel stores by id only: 27–36, 50–58 are 和暦 and 年月日 forms).
Shape builtin_shape(int id) {
  switch (id) {
    case 9: case 10: return Shape::Percent;
    case 14: case 15: case 16: case 27: case 28: case 29: case 30: case 31: case 35: case 36:
    case 50: case 51: case 53: case 54: case 56: case 57: case 58:
      return Shape::Date;
    case 17: case 34: case 52: case 55: return Shape::YearMonth;
    case 22: return Shape::DateTime;
    case 18: case 19: case 20: case 21: case 32: case 33: case 45: case 46: case 47: return Shape::Time;
    default: return Shape::General;
  }
}

// What a custom format code shows: its first section, without quoted
// literals, escapes, colours and locale tags.
Shape custom_shape(std::string_view code) {
  std::string s;
  bool elapsed_time = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is a literal / padding
    } else if (c == '[') {
      size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      std::string inner(code.substr(i + 1, end - i - 1));
      for (auto& ch : inner) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!inner.empty() && inner.find_first_not_of("hms") == std::string::npos) elapsed_time = true;
      i = end;
    } else {
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  for (const char* word : {"general", "am/pm", "a/p"}) replace_all(s, word, "");
  bool y = false, d = false, g = false, e = false, m = false, h = false, sec = false;
  for (size_t i = 0; i < s.size(); ++i) {
    switch (s[i]) {
      case 'y': y = true; break;
      case 'd': d = true; break;
      case 'g': g = true; break;
      case 'e': e = !(i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')); break;  // E+00 is scientific
      case 'm': m = true; break;
      case 'h': h = true; break;
      case 's': sec = true; break;
      default: break;
    }
  }
  if (y || d || g || e) {
    if (!d && m) return Shape::YearMonth;
    return h ? Shape::DateTime : Shape::Date;
  }
  if (h || sec || elapsed_time) return Shape::Time;
  if (m) return Shape::Date;  // "m" alone is a month
  if (s.find('%') != std::string::npos) return Shape::Percent;
  return Shape::General;
}

// As Excel's General format: no ".0", 15 significant digits.
std::string general_number(double v) {
  if (v == 0) return "0";
  char buf[64];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.15g", v);
  }
  return buf;
}

std::string two(int n) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", n);
  return b;
}

std::string time_of_day(double serial, bool with_seconds_if_any) {
  double frac = serial - std::floor(serial);
  long long secs = std::llround(frac * 86400);
  if (secs >= 86400) secs = 86399;
  std::string t = two(static_cast<int>(secs / 3600)) + ":" + two(static_cast<int>(secs / 60 % 60));
  if (with_seconds_if_any && secs % 60) t += ":" + two(static_cast<int>(secs % 60));
  return t;
}

// ------------------------------------------------------------------ parts

struct Styles {
  std::vector<Shape> xf_shapes;  // cellXfs index -> shape
  Shape shape(int index) const {
    return index >= 0 && index < static_cast<int>(xf_shapes.size()) ? xf_shapes[index] : Shape::General;
  }
};

Styles read_styles(const std::string& xml, std::string& error) {
  Styles st;
  std::map<int, std::string> custom;
  std::vector<int> xf_ids;
  int in_cell_xfs = 0;
  XmlReader r;
  r.on_start = [&](std::string_view name, const char** attrs) {
    if (name == "numFmt") {
      const char* id = XmlReader::attr(attrs, "numFmtId");
      const char* code = XmlReader::attr(attrs, "formatCode");
      if (id && code) custom[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      ++in_cell_xfs;
    } else if (name == "xf" && in_cell_xfs) {
      const char* id = XmlReader::attr(attrs, "numFmtId");
      xf_ids.push_back(id ? std::atoi(id) : 0);
    }
  };
  r.on_end = [&](std::string_view name) {
    if (name == "cellXfs") --in_cell_xfs;
  };
  error = r.parse(xml);
  for (int id : xf_ids) {
    auto it = custom.find(id);
    st.xf_shapes.push_back(it != custom.end() ? custom_shape(it->second) : builtin_shape(id));
  }
  return st;
}

// Text of <t> elements, except inside <rPh> (phonetic guides, furigana).
class TextCollector {
 public:
  void start(std::string_view name) {
    if (name == "rPh") ++phonetic_;
    if (name == "t" && !phonetic_) in_t_ = true;
  }
  void end(std::string_view name) {
    if (name == "rPh") --phonetic_;
    if (name == "t") in_t_ = false;
  }
  void text(std::string_view s) {
    if (in_t_) text_ += s;
  }
  std::string take() {
    std::string s = decode_excel_escapes(text_);
    text_.clear();
    return s;
  }

 private:
  int phonetic_ = 0;
  bool in_t_ = false;
  std::string text_;
};

std::vector<std::string> read_shared_strings(const std::string& xml, std::string& error) {
  std::vector<std::string> out;
  TextCollector t;
  XmlReader r;
  r.on_start = [&](std::string_view name, const char**) {
    if (name == "si") t.take();
    t.start(name);
  };
  r.on_end = [&](std::string_view name) {
    t.end(name);
    if (name == "si") out.push_back(t.take());
  };
  r.on_text = [&](std::string_view s) { t.text(s); };
  error = r.parse(xml);
  return out;
}

// A workbook's cells are bounded: a 100 KB file whose cells all point at
// one long shared string would otherwise expand into gigabytes.
constexpr std::size_t kMaxWorkbookTextBytes = 64u << 20;
constexpr std::size_t kMaxWorkbookCells = 1'000'000;

struct BookContext {
  std::string display_name;
  const std::vector<std::string>* shared = nullptr;
  const Styles* styles = nullptr;
  bool date1904 = false;
  mutable std::size_t text_bytes = 0, cells = 0;  // over every sheet so far
  mutable bool too_large = false;
};

// Fills the cells of one sheet from its XML.
void read_sheet_xml(const std::string& xml, const BookContext& book, XlsxSheet& sheet, Diagnostics& diags) {
  const std::string file = workbook_location(book.display_name, sheet.name);
  int row = 0, next_col = 0;
  int cell_row = 0, cell_col = -1;  // the cell being read (for messages)
  bool in_cell = false, in_value = false, in_inline = false, has_value = false, has_formula = false;
  std::string type, value;
  int style = 0;
  TextCollector inline_text;
  std::string inline_value;

  auto error_here = [&](std::string message, std::string expected = "") {
    diags.error({file, cell_row, cell_col >= 0 ? column_letters(cell_col) : ""}, std::move(message), std::move(expected));
  };

  auto finish_cell = [&] {
    XlsxCell c;
    c.formula = has_formula;
    if (!has_value && type != "inlineStr") {
      if (has_formula)
        error_here("数式の計算結果が保存されていません", "Excel で開いて保存し直すか、値として貼り付ける");
      return;  // empty (a styled blank)
    }
    if (type == "s") {
      char* end = nullptr;
      long idx = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end || idx < 0 || idx >= static_cast<long>(book.shared->size())) {
        error_here("文字列の番号「" + value + "」が共有文字列表にありません（ブックが壊れています）",
                   "Excel で開いて保存し直したブック");
        return;
      }
      c.kind = XlsxCell::Kind::Text;
      c.text = (*book.shared)[static_cast<size_t>(idx)];
    } else if (type == "inlineStr") {
      c.kind = XlsxCell::Kind::Text;
      c.text = inline_value;
    } else if (type == "str") {
      c.kind = XlsxCell::Kind::Text;
      c.text = decode_excel_escapes(value);
    } else if (type == "b") {
      c.kind = XlsxCell::Kind::Boolean;
      c.text = trim(value) == "1" || trim(value) == "true" ? "TRUE" : "FALSE";
    } else if (type == "e") {
      c.kind = XlsxCell::Kind::Error;
      c.text = value;
      error_here("セルがエラー値「" + value + "」です", "値を直接入力するか、数式の誤りを直す");
    } else if (type == "d") {  // ISO 8601 date (strict files)
      c.kind = XlsxCell::Kind::Date;
      c.text = value.substr(0, value.find('T'));
    } else {  // number (t="n" or absent)
      std::string v = trim(value);
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      if (v.empty() || *end || !std::isfinite(d)) {
        error_here("数値「" + value + "」を読めません（ブックが壊れています）", "Excel で開いて保存し直したブック");
        return;
      }
      c.kind = XlsxCell::Kind::Number;
      c.number = d;
      Shape shape = book.styles->shape(style);
      std::optional<Date> date;
      if (shape == Shape::Date || shape == Shape::YearMonth || shape == Shape::DateTime)
        date = excel_serial_to_date(d, book.date1904);
      if (date) {
        c.kind = XlsxCell::Kind::Date;
        char ym[16];
        std::snprintf(ym, sizeof ym, "%04d-%02d", date->year, date->month);
        c.text = shape == Shape::YearMonth ? std::string(ym) : format_iso(*date);
        if (shape == Shape::DateTime && d != std::floor(d)) c.text += " " + time_of_day(d, true);
      } else if (shape == Shape::Time && d >= 0) {
        c.text = time_of_day(d, true);
      } else if (shape == Shape::Percent) {
        c.text = general_number(d * 100) + "%";
      } else {
        c.text = general_number(d);
      }
    }
    if (c.text.empty() && c.kind == XlsxCell::Kind::Text) return;  // an empty string is an empty cell
    book.text_bytes += c.text.size();
    if (++book.cells > kMaxWorkbookCells || book.text_bytes > kMaxWorkbookTextBytes) {
      if (!book.too_large)
        error_here(book.cells > kMaxWorkbookCells
                       ? "入力様式のセルが多すぎます（" + with_commas(static_cast<long long>(kMaxWorkbookCells)) + " 個まで）。読むのをやめました"
                       : "入力様式のセルの文字が多すぎます（合計 " + std::to_string(kMaxWorkbookTextBytes >> 20) +
                             " MB まで。同じ長い文字列を多くのセルが使っていませんか）。読むのをやめました",
                   "kyosei template で作った入力様式に、必要な行だけを入力したブック");
      book.too_large = true;
      return;
    }
    sheet.rows[cell_row][cell_col] = std::move(c);
  };

  XmlReader r;
  r.on_start = [&](std::string_view name, const char** attrs) {
    if (name == "row") {
      const char* rr = XmlReader::attr(attrs, "r");
      int n = rr ? std::atoi(rr) : row + 1;
      if (n < 1 || n > kMaxRows) n = row + 1;
      row = n;
      next_col = 0;
    } else if (name == "c") {
      in_cell = true;
      has_value = has_formula = false;
      value.clear();
      inline_value.clear();
      const char* ref = XmlReader::attr(attrs, "r");
      cell_row = row > 0 ? row : 1;
      cell_col = next_col;
      if (ref) {
        if (auto rc = parse_cell_ref(ref)) {
          cell_row = rc->first;
          cell_col = rc->second;
        } else {
          diags.error({file, cell_row, ""}, "セル番地「" + std::string(ref) + "」を読めません（ブックが壊れています）",
                      "A1〜XFD1048576 の形のセル番地");
          cell_col = -1;
        }
      }
      const char* t = XmlReader::attr(attrs, "t");
      type = t ? t : "n";
      const char* s = XmlReader::attr(attrs, "s");
      style = s ? std::atoi(s) : 0;
    } else if (in_cell && name == "v") {
      in_value = has_value = true;
    } else if (in_cell && name == "f") {
      has_formula = true;
    } else if (in_cell && name == "is") {
      in_inline = true;
    } else if (in_inline) {
      inline_text.start(name);
    }
  };
  r.on_end = [&](std::string_view name) {
    if (name == "c" && in_cell) {
      in_cell = false;
      if (cell_col >= 0) {
        finish_cell();
        if (book.too_large) r.stop("大きすぎます");
        next_col = cell_col + 1;
      }
    } else if (name == "v") {
      in_value = false;
    } else if (name == "is") {
      in_inline = false;
      inline_value = inline_text.take();
    } else if (in_inline) {
      inline_text.end(name);
    }
  };
  r.on_text = [&](std::string_view s) {
    if (in_value) value += s;
    else if (in_inline) inline_text.text(s);
  };
  std::string error = r.parse(xml);
  if (!error.empty() && !book.too_large)
    diags.error({file, cell_row, cell_col >= 0 ? column_letters(cell_col) : ""},
                "シートの XML が壊れているため、このセルから先を読めません（" + error + "）",
                "Excel で開いて「Excel ブック (*.xlsx)」として保存し直したブック");
}

std::optional<std::string> read_part(const std::string& path, const std::string& part) {
  return read_zip_entry(path, part);
}

}  // namespace

// ------------------------------------------------------------------ public

const XlsxCell& XlsxSheet::cell(int row, int col) const {
  static const XlsxCell empty;
  auto r = rows.find(row);
  if (r == rows.end()) return empty;
  auto c = r->second.find(col);
  return c == r->second.end() ? empty : c->second;
}

int XlsxSheet::max_row() const { return rows.empty() ? 0 : rows.rbegin()->first; }

int XlsxSheet::column_count() const {
  int n = 0;
  for (const auto& [r, cells] : rows)
    if (!cells.empty()) n = std::max(n, cells.rbegin()->first + 1);
  return n;
}

const XlsxSheet* XlsxWorkbook::sheet(std::string_view name) const {
  for (const auto& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

std::string column_letters(int col) {
  std::string s;
  for (int n = col + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

std::optional<std::pair<int, int>> parse_cell_ref(std::string_view ref) {
  size_t i = 0;
  long col = 0, row = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  size_t letters = i;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    col = col * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (col > kMaxColumns) return std::nullopt;
    ++i;
  }
  if (i == letters) return std::nullopt;
  if (i < ref.size() && ref[i] == '$') ++i;
  size_t digits = i;
  while (i < ref.size() && std::isdigit(static_cast<unsigned char>(ref[i]))) {
    row = row * 10 + (ref[i] - '0');
    if (row > kMaxRows) return std::nullopt;
    ++i;
  }
  if (i == digits || i != ref.size() || row < 1) return std::nullopt;
  return std::pair<int, int>{static_cast<int>(row), static_cast<int>(col - 1)};
}

std::string workbook_location(std::string_view book, std::string_view sheet) {
  return std::string(book) + ":" + std::string(sheet);
}

std::string format_workbook_diagnostic(const Diagnostic& d) {
  const std::string& col = d.where.column;
  size_t letters = 0;
  while (letters < col.size() && col[letters] >= 'A' && col[letters] <= 'Z') ++letters;
  std::string where = d.where.file;
  if (d.where.line > 0 && letters > 0)
    where += "!" + col.substr(0, letters) + std::to_string(d.where.line) + col.substr(letters);
  else if (d.where.line > 0)
    where += "!" + std::to_string(d.where.line) + "行目" + col;
  else if (letters > 0)
    where += "!" + col.substr(0, letters) + "列" + col.substr(letters);
  else if (!col.empty())
    where += "!" + col;
  Diagnostic plain = d;
  plain.where = Location{where, 0, ""};
  return format_diagnostic(plain);
}

std::optional<Date> excel_serial_to_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466) return std::nullopt;
  long long days = static_cast<long long>(std::floor(serial));
  // Days since 1970-01-01. The 1900 system counts a 1900-02-29 that never
  // was (serial 60), so serials before it are one day later than their
  // count from 1899-12-30.
  long long z;
  if (date1904) z = days - 24107;  // 1904-01-01 is day -24107
  else z = (days < 60 ? days + 1 : days) - 25569;
  if (!date1904 && days == 60) return std::nullopt;  // the fictitious 1900-02-29
  // Howard Hinnant's civil_from_days.
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<XlsxWorkbook> read_xlsx(const std::string& path, const std::string& display_name, Diagnostics& diags) {
  auto not_a_workbook = [&](const std::string& why) {
    diags.error({display_name}, why, "Excel で「Excel ブック (*.xlsx)」として保存したファイル");
    return std::nullopt;
  };
  auto head = read_file(path);
  if (!head) return not_a_workbook("ファイルを読めません");
  if (head->rfind("\xD0\xCF\x11\xE0", 0) == 0)
    return not_a_workbook("古い形式の Excel ブック（.xls）か、パスワードで保護されたブックです（読み込めません）");
  if (head->rfind("PK", 0) != 0) return not_a_workbook("Excel ブック（.xlsx）ではありません");

  // _rels/.rels -> the workbook part; its .rels -> sheets, styles, strings.
  std::string workbook_part = "xl/workbook.xml";
  if (auto rels = read_part(path, "_rels/.rels")) {
    std::string err;
    for (const auto& rel : read_relationships(*rels, err))
      if (ends_with(rel.type, kRelOfficeDocument)) workbook_part = resolve_target("", rel.target);
  }
  auto workbook_xml = read_part(path, workbook_part);
  if (!workbook_xml) return not_a_workbook("Excel ブック（.xlsx）ではありません（" + workbook_part + " がありません）");

  struct SheetRef {
    std::string name, rel_id;
    bool hidden = false;
  };
  std::vector<SheetRef> refs;
  bool date1904 = false;
  {
    XmlReader r;
    r.on_start = [&](std::string_view name, const char** attrs) {
      if (name == "sheet") {
        SheetRef s;
        if (auto* v = XmlReader::attr(attrs, "name")) s.name = v;
        if (auto* v = XmlReader::attr(attrs, "id")) s.rel_id = v;  // r:id
        if (auto* v = XmlReader::attr(attrs, "state")) s.hidden = std::string_view(v) != "visible";
        refs.push_back(std::move(s));
      } else if (name == "workbookPr") {
        if (auto* v = XmlReader::attr(attrs, "date1904")) date1904 = std::string_view(v) == "1" || std::string_view(v) == "true";
      }
    };
    std::string err = r.parse(*workbook_xml);
    if (!err.empty()) return not_a_workbook("ブックの目次（" + workbook_part + "）が壊れています（" + err + "）");
  }

  std::string base = folder_of(workbook_part);
  std::map<std::string, std::string> targets;  // r:id -> part
  std::string styles_part = base + "styles.xml", strings_part = base + "sharedStrings.xml";
  if (auto rels = read_part(path, rels_of(workbook_part))) {
    std::string err;
    for (const auto& rel : read_relationships(*rels, err)) {
      std::string part = resolve_target(base, rel.target);
      targets[rel.id] = part;
      if (ends_with(rel.type, kRelStyles)) styles_part = part;
      if (ends_with(rel.type, kRelSharedStrings)) strings_part = part;
    }
    if (!err.empty()) return not_a_workbook("ブックの目次（" + rels_of(workbook_part) + "）が壊れています（" + err + "）");
  }

  std::vector<std::string> shared;
  if (auto xml = read_part(path, strings_part)) {
    std::string err;
    shared = read_shared_strings(*xml, err);
    if (!err.empty()) diags.error({display_name}, "共有文字列表（" + strings_part + "）が壊れています（" + err + "）",
                                  "Excel で開いて保存し直したブック");
  }
  Styles styles;
  if (auto xml = read_part(path, styles_part)) {
    std::string err;
    styles = read_styles(*xml, err);
    if (!err.empty()) diags.error({display_name}, "書式の表（" + styles_part + "）が壊れています（" + err + "）",
                                  "Excel で開いて保存し直したブック");
  }

  BookContext ctx{display_name, &shared, &styles, date1904};
  XlsxWorkbook book;
  for (const auto& ref : refs) {
    XlsxSheet sheet;
    sheet.name = ref.name;
    sheet.hidden = ref.hidden;
    auto target = targets.find(ref.rel_id);
    std::optional<std::string> xml;
    if (target != targets.end()) xml = read_part(path, target->second);
    if (!xml) {
      diags.error({workbook_location(display_name, ref.name)}, "シートの中身がブックにありません（ブックが壊れています）",
                  "Excel で開いて保存し直したブック");
    } else {
      read_sheet_xml(*xml, ctx, sheet, diags);
    }
    book.sheets.push_back(std::move(sheet));
    if (ctx.too_large) break;  // reported once; the rest is not read
  }
  return book;
}

}  // namespace kyosei
