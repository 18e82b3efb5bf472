#include "read/table_reader.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/contact.h"
#include "base/numbers.h"
#include "base/text.h"
#include "read/csv.h"
#include "read/encoding.h"

namespace kyosei {

Row::Row(std::shared_ptr<const ColumnSlots> slots) : slots_(std::move(slots)), cells_(slots_ ? slots_->size() : 0) {}

const Cell& Row::operator[](std::string_view column) const {
  static const Cell empty;
  if (slots_)
    if (auto it = slots_->find(column); it != slots_->end()) return cells_[it->second];
  auto it = extra_.find(column);
  return it == extra_.end() ? empty : it->second;
}

Cell& Row::at(std::string_view column) {
  if (slots_)
    if (auto it = slots_->find(column); it != slots_->end()) return cells_[it->second];
  auto it = extra_.find(column);
  if (it == extra_.end()) it = extra_.emplace(std::string(column), Cell{}).first;
  return it->second;
}

Location Row::where(const std::string& column) const {
  std::string header = column;
  if (headers) {
    auto it = headers->find(column);
    if (it != headers->end()) header = it->second;
  }
  return {file, line, header};
}

std::optional<std::string> read_text_file(const FileSystem& fs, const std::string& path, Diagnostics& diags) {
  auto bytes = fs.read(path);
  if (!bytes) {
    diags.error({path}, "ファイルを読めません");
    return std::nullopt;
  }
  DecodeFailure failure;
  auto decoded = decode_text(*bytes, &failure);
  if (!decoded) {
    diags.error({path, failure.line, ""},
                std::to_string(failure.line) + " 行目の " + std::to_string(failure.column) +
                    " 文字目で文字コードを判別できません（UTF-8 でも CP932（Shift_JIS）でもない文字があります）",
                "UTF-8（BOMの有無は問わない）または CP932（Shift_JIS）で保存したファイル");
    return std::nullopt;
  }
  return std::move(decoded->utf8);
}

namespace {

std::string allowed_list(const std::vector<std::string>& values) { return quoted_list(values); }

bool is_id(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return false;
  return true;
}

// A value shown in a message: at most 60 characters (a hostile 1 MB cell
// must not make a 1 MB message); line breaks are escaped when printed.
std::string quote(const std::string& s) {
  constexpr size_t kShown = 60;
  size_t chars = 0, i = 0;
  for (; i < s.size() && chars < kShown; ++chars) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return "「" + (i < s.size() ? s.substr(0, i) + "…" : s) + "」";
}

void check_bounds(const ColumnSpec& col, double v, const std::string& raw, const Location& where,
                  Diagnostics& diags, bool& ok) {
  if ((col.min && v < *col.min) || (col.max && v > *col.max)) {
    std::string range;
    auto num = [](double x) {
      char b[32];
      std::snprintf(b, sizeof b, "%g", x);
      return std::string(b);
    };
    const char* kind = col.type == ColumnType::Integer ? "整数" : "数";
    if (col.min && col.max) range = num(*col.min) + "〜" + num(*col.max) + " の範囲の" + kind;
    else if (col.min) range = num(*col.min) + " 以上の" + kind;
    else range = num(*col.max) + " 以下の" + kind;
    diags.error(where, quote(raw) + "は範囲外です", range);
    ok = false;
  }
}

// Checks one (single) value; returns false when it was reported as wrong.
bool check_one(const ColumnSpec& col, const std::string& raw, const Location& where, Cell& cell,
               Diagnostics& diags) {
  // Free text is kept as written (trimmed); everything else is read after NFKC.
  bool free_text = col.type == ColumnType::Text || col.type == ColumnType::Markdown;
  std::string v = free_text ? std::string() : normalize(raw);
  switch (col.type) {
    case ColumnType::Text:
    case ColumnType::Markdown:
      cell.items.push_back(trim(raw));
      return true;
    case ColumnType::Id:
      if (!is_id(v)) {
        diags.error(where, quote(raw) + "はIDとして使えません", "半角英数字・ハイフン・アンダースコアだけのID（例: S001）");
        return false;
      }
      cell.items.push_back(v);
      return true;
    case ColumnType::Enum: {
      for (size_t i = 0; i < col.values.size(); ++i) {
        const std::string& norm = i < col.normalized_values.size() ? col.normalized_values[i] : col.values[i];
        if (norm == v) {
          cell.items.push_back(col.values[i]);
          return true;
        }
      }
      if (col.unknown_is_warning) {
        diags.warning(where, quote(raw) + "は既知の値ではありません（そのまま読み込みます）", allowed_list(col.values));
        cell.items.push_back(v);
        return true;
      }
      diags.error(where, quote(raw) + "は使えない値です", allowed_list(col.values) + " のいずれか");
      return false;
    }
    case ColumnType::Integer: {
      auto n = parse_integer(v);
      if (!n) {
        diags.error(where, quote(raw) + "は整数として読めません", kExpectedInteger);
        return false;
      }
      bool ok = true;
      check_bounds(col, static_cast<double>(*n), raw, where, diags, ok);
      if (ok) cell.integer = n;
      return ok;
    }
    case ColumnType::Decimal:
    case ColumnType::Percent:
    case ColumnType::Fraction: {
      auto d = parse_decimal(v);
      if (!d) {
        const char* expected = col.type == ColumnType::Percent ? "0〜100 の数（例: 29.4）"
                               : col.type == ColumnType::Fraction ? "0〜1 の数（例: 0.5）"
                                                                  : "数値（例: 12.5）";
        diags.error(where, quote(raw) + "は数値として読めません", expected);
        return false;
      }
      bool ok = true;
      check_bounds(col, *d, raw, where, diags, ok);
      if (ok) {
        if (col.multi) cell.decimals.push_back(*d);
        else cell.decimal = d;
      }
      return ok;
    }
    case ColumnType::Year: {
      auto y = parse_fiscal_year(v);
      if (!y) {
        diags.error(where, quote(raw) + "は年度として読めません", kExpectedYear);
        return false;
      }
      cell.integer = y;
      return true;
    }
    case ColumnType::Date: {
      auto d = parse_date(v);
      if (!d) {
        diags.error(where, quote(raw) + "は日付として読めません", kExpectedDate);
        return false;
      }
      cell.date = d;
      return true;
    }
    case ColumnType::YearMonth: {
      auto m = parse_year_month(v);
      if (!m) {
        diags.error(where, quote(raw) + "は年月として読めません", kExpectedMonth);
        return false;
      }
      cell.month = m;
      return true;
    }
    case ColumnType::Yen: {
      auto y = parse_yen(v);
      if (!y) {
        diags.error(where, quote(raw) + "は金額として読めません", kExpectedYen);
        return false;
      }
      if (*y > kMaxYen) {
        diags.error(where, quote(raw) + "は金額として大きすぎます", "円単位の整数で " + with_commas(kMaxYen) + " 以下");
        return false;
      }
      cell.integer = y;
      return true;
    }
    case ColumnType::CodeYen: {
      size_t colon = v.rfind(':');
      std::string code = colon == std::string::npos ? "" : trim(v.substr(0, colon));
      auto yen = colon == std::string::npos ? std::nullopt : parse_yen(v.substr(colon + 1));
      const auto& codes = col.values;  // filled from the jusou vocabulary by the reader
      bool code_ok = std::find(codes.begin(), codes.end(), code) != codes.end();
      if (yen && !code.empty() && !code_ok) {
        diags.error(where, "按分の「" + code + "」は重層区分のキーではありません", allowed_list(codes) + " のいずれか");
        return false;
      }
      if (!yen || !code_ok) {
        diags.error(where, quote(raw) + "は「重層区分:金額」として読めません",
                    "重層区分:円 を ; で区切る（例: 1ニ:6000000;5:4000000）");
        return false;
      }
      if (*yen > kMaxYen) {
        diags.error(where, quote(raw) + "の金額が大きすぎます", "円単位の整数で " + with_commas(kMaxYen) + " 以下");
        return false;
      }
      cell.code_amounts.push_back({code, *yen});
      return true;
    }
    case ColumnType::YearValue: {
      size_t colon = v.find(':');
      auto year = colon == std::string::npos ? std::nullopt : parse_fiscal_year(v.substr(0, colon));
      auto value = colon == std::string::npos ? std::nullopt : parse_decimal(v.substr(colon + 1));
      if (!year || !value) {
        diags.error(where, quote(raw) + "は「年度:値」として読めません", "年度:値 を ; で区切る（例: 2025:12;2026:18）");
        return false;
      }
      cell.year_values.push_back({*year, *value});
      return true;
    }
    case ColumnType::Path: {
      std::string p = v;
      std::replace(p.begin(), p.end(), '\\', '/');
      while (p.rfind("./", 0) == 0) p = p.substr(2);
      if (p.rfind("documents/", 0) == 0) p = p.substr(10);
      if (p.find("/./") != std::string::npos) {
        // "a/./b.pdf" is a/b.pdf: one file, one name (the confidentiality check compares names).
        std::string joined;
        bool first = true;
        for (const auto& part : split(p, '/')) {
          if (part == ".") continue;
          joined += (first ? "" : "/") + part;
          first = false;
        }
        p = joined;
      }
      bool leaves = p.empty() || p[0] == '/' || p.find(':') != std::string::npos;
      for (const auto& part : split(p, '/'))
        if (part == ".." || part.empty()) leaves = true;
      if (leaves) {
        diags.error(where, quote(raw) + "は documents/ フォルダの外を指しています",
                    "documents/ の中の PDF の相対パス（例: 第1回資料.pdf）");
        return false;
      }
      std::string lower = p.size() >= 4 ? p.substr(p.size() - 4) : p;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      if (lower != ".pdf") {
        diags.error(where, quote(raw) + "は PDF ではありません", "拡張子 .pdf のファイル");
        return false;
      }
      cell.items.push_back(p);
      return true;
    }
    case ColumnType::Phone:
      // Kept as typed (after NFKC) for display; the site dials dialable_phone().
      if (!dialable_phone(v)) {
        diags.error(where, quote(raw) + "は電話番号として読めません",
                    "市外局番からの電話番号（例: 000-123-4567、0120-000-000）、189 や #8000 などの短い番号");
        return false;
      }
      cell.items.push_back(v);
      return true;
    case ColumnType::Url:
      if (!is_web_address(v)) {
        diags.error(where, quote(raw) + "はURLとして使えません", "https:// または http:// で始まり、空白や引用符を含まないアドレス");
        return false;
      }
      cell.items.push_back(v);
      return true;
  }
  return true;
}

}  // namespace

// What Excel can hold in a cell (the workbooks are written from the
// inputs): 32,767 UTF-16 units, no NUL (it would cut the text there).
constexpr size_t kMaxCellUnits = 32767;

size_t utf16_units(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;  // a lead byte starts a code point
    if ((c & 0xF8) == 0xF0) ++n;  // beyond U+FFFF: a surrogate pair
  }
  return n;
}

void check_cell(const ColumnSpec& col, const std::string& raw, const Location& where, Cell& cell,
                Diagnostics& diags) {
  if (raw.find('\0') != std::string::npos) {
    diags.error(where, "NUL 文字（\\0）が含まれています（Excel や HTML ではそこで文字が切れます）", "NUL を含まない文字");
    return;
  }
  if (size_t units = utf16_units(raw); units > kMaxCellUnits) {
    diags.error(where, std::to_string(units) + " 文字あり、Excel の1つのセルに入る 32,767 文字を超えています",
                "32,767 文字以内（長い説明は narrative/ の Markdown へ）");
    return;
  }
  std::string value = trim(raw);
  if (value.empty() || normalize(value).empty()) {
    if (!col.default_value.empty()) value = col.default_value;
    else return;  // empty = unknown; required-ness is checked by the caller
  }
  cell.present = true;
  bool all_ok = true;
  if (col.multi)
    for (const auto& p : split_multi(value)) all_ok = check_one(col, p, where, cell, diags) && all_ok;
  else
    all_ok = check_one(col, value, where, cell, diags);
  if (!all_ok) {
    cell = Cell{};  // a wrong value is not half-used
    return;
  }
  if (!col.multi && !cell.items.empty()) cell.text = cell.items[0];
  if (col.multi) cell.text = join(cell.items, ";");
  if (col.type == ColumnType::Enum && !col.multi && cell.items.size() == 1) {
    // A vocabulary of numbers (層 1–3, 評価 0–3) also gives the number.
    bool numeric = !col.values.empty();
    for (const auto& v : col.values) numeric = numeric && parse_integer(v).has_value();
    if (auto n = parse_integer(cell.items[0]); n && numeric) cell.integer = n;
  }
  if (col.type == ColumnType::Markdown) cell.text = value;  // keep line breaks
}

Table read_table(const FileSystem& fs, const FileSpec& spec, Diagnostics& diags) {
  Table table;
  table.file = spec.name;
  if (!fs.exists(spec.name)) {
    if (spec.required)
      diags.error({spec.name}, "必須のファイルがありません",
                  spec.name + "（" + spec.title + "）。`kyosei init` で見本を作れます");
    return table;
  }
  auto text = read_text_file(fs, spec.name, diags);
  if (!text) return table;
  auto parsed = parse_csv(*text);
  if (parsed.records.empty()) {
    diags.error({spec.name, 1, ""}, "見出し行がありません", "1行目に列名（例: " + spec.columns[0].name + "）");
    return table;
  }
  const auto& header = parsed.records[0].fields;
  for (const auto& e : parsed.errors) {
    std::string col = e.field < static_cast<int>(header.size()) ? trim(header[e.field]) : "";
    diags.error({spec.name, e.line, col}, e.message,
                "カンマ・改行・\" を含む値は全体を \" で囲み、中の \" は \"\" と二重にする（例: \"架空市, 北部\"）");
  }

  // Match headers after NFKC + trim; remember how the user wrote them.
  std::vector<const ColumnSpec*> by_index(header.size(), nullptr);
  std::map<std::string, int> seen;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = normalize(header[i]);
    const ColumnSpec* match = nullptr;
    for (const auto& c : spec.columns)
      if (normalize(c.name) == h) match = &c;
    if (!match) {
      if (!h.empty())
        diags.warning({spec.name, 1, trim(header[i])}, "未知の列です。読み飛ばします",
                      "この表の列: " + allowed_list([&] {
                        std::vector<std::string> n;
                        for (auto& c : spec.columns) n.push_back(c.name);
                        return n;
                      }()));
      continue;
    }
    if (seen.count(match->name)) {
      diags.error({spec.name, 1, trim(header[i])}, "同じ列が2回あります（" + std::to_string(seen[match->name] + 1) + "列目と" +
                                                       std::to_string(i + 1) + "列目）",
                  "列名はひとつずつ");
      continue;
    }
    seen[match->name] = static_cast<int>(i);
    by_index[i] = match;
    (*table.headers)[match->name] = trim(header[i]);
  }
  for (const auto& c : spec.columns)
    if (c.required && !seen.count(c.name))
      diags.error({spec.name, 1, c.name}, "必須の列「" + c.name + "」がありません", c.name + " という見出しの列");
  table.present = true;

  // A slot in the rows for each column read, and per header position where
  // its cells are (the line is set per row): built once, not per cell.
  auto slots = std::make_shared<ColumnSlots>();
  std::vector<Location> where_of(header.size());
  for (size_t i = 0; i < header.size(); ++i) {
    if (!by_index[i]) continue;
    slots->emplace(by_index[i]->name, slots->size());
    where_of[i] = {spec.name, 0, (*table.headers)[by_index[i]->name]};
  }
  // Per column of the spec: its header position, -1 when the file lacks it.
  std::vector<int> position(spec.columns.size(), -1);
  for (size_t k = 0; k < spec.columns.size(); ++k)
    if (auto it = seen.find(spec.columns[k].name); it != seen.end()) position[k] = it->second;

  static const std::string kNoValue;
  std::map<std::string, std::map<std::string, int>> unique_seen;  // column -> value -> line
  std::vector<char> given;  // per field of the record: not blank after NFKC
  for (size_t r = 1; r < parsed.records.size(); ++r) {
    const auto& rec = parsed.records[r];
    // Excel writes ",,,," for formatted but empty rows: skip them like blank lines.
    given.assign(rec.fields.size(), 0);
    bool all_empty = true;
    for (size_t i = 0; i < rec.fields.size(); ++i) {
      given[i] = !normalize(rec.fields[i]).empty();
      all_empty = all_empty && !given[i];
    }
    if (all_empty) continue;
    Row row(slots);
    row.line = rec.line;
    row.file = spec.name;
    if (rec.fields.size() > header.size()) {
      bool extra_nonempty = false;
      for (size_t i = header.size(); i < rec.fields.size(); ++i) extra_nonempty |= !trim(rec.fields[i]).empty();
      if (extra_nonempty)
        diags.error({spec.name, rec.line, ""},
                    "値が見出しより多くあります（見出し " + std::to_string(header.size()) + " 列、この行 " +
                        std::to_string(rec.fields.size()) + " 列）",
                    "見出しと同じ数の値。値にカンマを含めるときは \" で囲む");
    }
    for (size_t i = 0; i < header.size(); ++i) {
      const ColumnSpec* col = by_index[i];
      if (!col) continue;
      const std::string& raw = i < rec.fields.size() ? rec.fields[i] : kNoValue;
      where_of[i].line = rec.line;
      check_cell(*col, raw, where_of[i], row.at(col->name), diags);
    }
    row.headers = table.headers;
    // Required and conditionally required values.
    for (size_t k = 0; k < spec.columns.size(); ++k) {
      const ColumnSpec& c = spec.columns[k];
      bool has_column = position[k] >= 0;
      if (!has_column && !c.required_if_column.empty() && !seen.count(c.required_if_column)) continue;
      const Cell& cell = row[c.name];
      bool cell_given = has_column && position[k] < static_cast<int>(rec.fields.size()) && given[position[k]];
      if (c.required && has_column && !cell_given) {
        diags.error(row.where(c.name), "必須の値が空です", c.help.empty() ? c.name : c.help);
      }
      if (!c.required_if_column.empty() && !cell_given) {
        const std::string& other = row[c.required_if_column].text;
        if (std::find(c.required_if_values.begin(), c.required_if_values.end(), other) != c.required_if_values.end()) {
          Location w = has_column ? row.where(c.name) : Location{spec.name, rec.line, c.name};
          diags.error(w, c.required_if_column + "が「" + other + "」のときは必須です", c.help);
        }
      }
      if (c.unique && cell.present) {
        auto& lines = unique_seen[c.name];
        auto [it, inserted] = lines.emplace(cell.text, rec.line);
        if (!inserted)
          diags.error(row.where(c.name), "「" + cell.text + "」は " + std::to_string(it->second) + " 行目と重複しています",
                      "重複しない値");
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace kyosei
