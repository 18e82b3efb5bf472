#include "read/workbook_import.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "base/numbers.h"
#include "base/text.h"
#include "model/input_workbook.h"
#include "read/csv.h"

namespace kyosei {

namespace {

bool is_blank(const std::string& s) { return normalize(s).empty(); }

// 「1イ：地域包括支援センターの運営;2：参加支援事業」 (the template's drop-down
// shows each 重層区分 with its name) -> 「1イ;2」: each item keeps what comes
// before 「：」. Items without a name pass unchanged.
std::string strip_component_names(const std::string& text) {
  static const std::string colon = "：", seps[] = {";", "；", "、"};
  std::string out;
  bool skipping = false;
  for (size_t i = 0; i < text.size();) {
    bool sep = false;
    for (const auto& s : seps)
      if (text.compare(i, s.size(), s) == 0) {
        out += s;
        i += s.size();
        skipping = false;
        sep = true;
        break;
      }
    if (sep) continue;
    if (text.compare(i, colon.size(), colon) == 0) {
      skipping = true;
      i += colon.size();
      continue;
    }
    if (!skipping) out += text[i];
    ++i;
  }
  return out;
}

// A cell as text for the CSV: as Excel shows it, but a date in a 年月
// column keeps only its month.
std::string cell_value(const XlsxCell& cell, const ColumnSpec* spec) {
  if (cell.kind == XlsxCell::Kind::Error) return "";  // reported by the reader
  if (spec && spec->type == ColumnType::YearMonth && cell.kind == XlsxCell::Kind::Date && cell.text.size() >= 7)
    return cell.text.substr(0, 7);
  if (spec && spec->values_from == "jusou") return strip_component_names(cell.text);
  return cell.text;
}

std::string header_label(const std::string& header) { return header.empty() ? "" : "（" + header + "）"; }

ImportedFile import_csv_sheet(const XlsxSheet& sheet, const FileSpec& spec, const std::string& book,
                              Diagnostics& diags) {
  ImportedFile out;
  out.path = spec.name;
  out.sheet = sheet.name;
  const std::string where = workbook_location(book, sheet.name);

  // Row 1: the header. Columns after the last header are not part of the table.
  std::vector<std::string> headers;
  for (int c = 0; c < sheet.column_count(); ++c) headers.push_back(trim(sheet.cell(1, c).text));
  while (!headers.empty() && headers.back().empty()) headers.pop_back();
  if (headers.empty()) {
    diags.error({where, 1, ""}, "1行目に見出しがありません",
                "1行目に列名（例: " + spec.columns[0].name + "）。kyosei template で作った様式の見出し");
    return out;
  }
  std::vector<const ColumnSpec*> specs;
  for (size_t c = 0; c < headers.size(); ++c) {
    const ColumnSpec* match = nullptr;
    for (const auto& col : spec.columns)
      if (normalize(col.name) == normalize(headers[c])) match = &col;
    specs.push_back(match);
    if (!headers[c].empty()) out.column_of_header.emplace(headers[c], static_cast<int>(c));
  }
  // Values under no header, there or further right, would be lost: say so.
  std::set<int> reported;
  for (const auto& [r, cells] : sheet.rows) {
    if (r == 1) continue;
    for (const auto& [c, cell] : cells) {
      bool headless = c >= static_cast<int>(headers.size()) || headers[c].empty();
      if (headless && !is_blank(cell.text) && reported.insert(c).second)
        diags.warning({where, r, column_letters(c)}, "見出しのない列に値があります。この列は読み飛ばします",
                      "1行目に列名を書く（入力データ仕様の列名）");
    }
  }

  std::string csv;
  std::vector<std::string> fields;
  for (const auto& h : headers) fields.push_back(csv_quote(h));
  csv += join(fields, ",") + "\n";
  std::vector<int> rows{1};
  for (const auto& [r, cells] : sheet.rows) {
    if (r == 1) continue;
    fields.clear();
    bool any = false;
    for (size_t c = 0; c < headers.size(); ++c) {
      std::string v = headers[c].empty() ? "" : cell_value(sheet.cell(r, static_cast<int>(c)), specs[c]);
      any |= !is_blank(v);
      fields.push_back(csv_quote(v));
    }
    if (!any) continue;  // a blank row
    csv += join(fields, ",") + "\n";
    rows.push_back(r);
  }
  // Where each record starts in the CSV just written, as the reader counts.
  auto parsed = parse_csv(csv);
  for (size_t i = 0; i < parsed.records.size() && i < rows.size(); ++i) out.row_of_line[parsed.records[i].line] = rows[i];
  out.bytes = std::move(csv);
  return out;
}

bool has_data_rows(const XlsxSheet& sheet) {
  for (const auto& [r, cells] : sheet.rows)
    if (r > 1)
      for (const auto& [c, cell] : cells)
        if (!is_blank(cell.text)) return true;
  return false;
}

// A value of municipality.toml with its TOML type.
std::string toml_value(const MunicipalityKey& k, const std::string& v) {
  std::string n = normalize(v);
  switch (k.type) {
    case KeyType::Integer:
      if (auto i = parse_integer(n)) return std::to_string(*i);
      break;
    case KeyType::Year:
      if (!n.empty() && n.find_first_not_of("0123456789") == std::string::npos && n.size() <= 4) return n;
      break;
    case KeyType::Decimal:
      if (auto d = parse_decimal(n)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.15g", *d);
        std::string s = buf;
        if (s.find_first_of(".en") == std::string::npos) s += ".0";
        return s;
      }
      break;
    case KeyType::Boolean: {
      std::string lower = n;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      if (lower == "true" || lower == "false") return lower;
      break;
    }
    case KeyType::Text:
    case KeyType::Enum:
      break;
  }
  return toml_string(trim(v));
}

ImportedFile import_municipality_sheet(const XlsxSheet& sheet, const std::vector<MunicipalityKey>& keys,
                                       const std::string& book, Diagnostics& diags) {
  ImportedFile out;
  out.path = kMunicipalityFile;
  out.sheet = sheet.name;
  const std::string where = workbook_location(book, sheet.name);
  int key_col = -1, value_col = -1;
  for (int c = 0; c < sheet.column_count(); ++c) {
    std::string h = normalize(sheet.cell(1, c).text);
    if (h == kKeyHeader && key_col < 0) key_col = c;
    if (h == kValueHeader && value_col < 0) value_col = c;
  }
  if (key_col < 0 || value_col < 0) {
    diags.error({where, 1, ""}, std::string("1行目に見出し「") + kKeyHeader + "」「" + kValueHeader + "」がありません",
                "kyosei template で作った様式の見出し（項目・値・説明）");
    return out;
  }
  out.column_of_header[kValueHeader] = value_col;

  std::map<std::string, std::string> values;  // key -> TOML value
  std::vector<std::string> known;
  for (const auto& k : keys) known.push_back(k.key);
  for (const auto& [r, cells] : sheet.rows) {
    if (r == 1) continue;
    std::string key = normalize(sheet.cell(r, key_col).text);
    std::string value = trim(sheet.cell(r, value_col).text);
    if (key.empty()) {
      if (!value.empty())
        diags.warning({where, r, column_letters(key_col)}, "項目が空の行の値は読み飛ばします", "項目（例: name）");
      continue;
    }
    auto k = std::find_if(keys.begin(), keys.end(), [&](const MunicipalityKey& m) { return m.key == key; });
    if (k == keys.end()) {
      diags.warning({where, r, column_letters(key_col)}, "「" + key + "」は入力データ仕様にない項目です。読み飛ばします",
                    quoted_list(known) + " のいずれか");
      continue;
    }
    if (out.row_of_key.count(key)) {
      diags.error({where, r, column_letters(key_col)},
                  "「" + key + "」が2回あります（最初は " + std::to_string(out.row_of_key[key]) + " 行目）", "1項目1行");
      continue;
    }
    out.row_of_key[key] = r;
    if (!value.empty()) values[key] = toml_value(*k, value);
  }

  // Top-level keys first, then one table after another ([plan], [site]).
  std::string book_file = book.substr(book.find_last_of('/') + 1);  // npos + 1 = 0
  std::string toml = "# kyosei import が入力様式（" + book_file + "）の「" + sheet.name + "」シートから作りました\n";
  std::vector<std::string> tables{""};
  for (const auto& k : keys)
    if (std::find(tables.begin(), tables.end(), k.table()) == tables.end()) tables.push_back(k.table());
  for (const auto& table : tables) {
    if (!table.empty()) toml += "\n[" + table + "]\n";
    for (const auto& k : keys) {
      if (k.table() != table) continue;
      auto v = values.find(k.key);
      if (v != values.end()) toml += k.name() + " = " + v->second + "\n";
    }
  }
  out.bytes = std::move(toml);
  return out;
}

}  // namespace

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

const ImportedFile* ImportedFolder::file(const std::string& path) const {
  for (const auto& f : files)
    if (f.path == path) return &f;
  return nullptr;
}

Diagnostic ImportedFolder::locate(const Diagnostic& d) const {
  const ImportedFile* f = file(d.where.file);
  if (!f) return d;
  Diagnostic out = d;
  out.where = Location{workbook_location(book, f->sheet), 0, ""};
  if (f->path == kMunicipalityFile) {
    // The reader names the key ("plan.title"); its value cell is on the key's row.
    auto row = f->row_of_key.find(d.where.column);
    auto col = f->column_of_header.find(kValueHeader);
    if (row != f->row_of_key.end() && col != f->column_of_header.end()) {
      out.where.line = row->second;
      out.where.column = column_letters(col->second) + header_label(d.where.column);
    } else if (!d.where.column.empty()) {
      out.message = "項目「" + d.where.column + "」: " + out.message;
    }
    return out;
  }
  if (d.where.line > 0) {
    auto it = f->row_of_line.upper_bound(d.where.line);
    if (it != f->row_of_line.begin()) out.where.line = std::prev(it)->second;
  }
  if (!d.where.column.empty()) {
    auto col = f->column_of_header.find(d.where.column);
    if (col != f->column_of_header.end())
      out.where.column = column_letters(col->second) + header_label(d.where.column);
    else
      out.where.column = "（" + d.where.column + "）";
  }
  return out;
}

ImportedFolder import_workbook(const XlsxWorkbook& book, const std::string& book_name, const Schema& schema,
                               const std::vector<MunicipalityKey>& keys, Diagnostics& diags) {
  ImportedFolder folder;
  folder.book = book_name;
  const XlsxSheet* municipality = nullptr;
  std::vector<const XlsxSheet*> by_file(schema.files.size(), nullptr);
  std::vector<std::string> expected{municipality_sheet_name()};
  for (const auto& f : schema.files) expected.push_back(sheet_name_for(f));

  for (const auto& sheet : book.sheets) {
    std::string n = normalize(sheet.name);
    if (n == normalize(kGuideSheet) || n == normalize(kChoicesSheet)) continue;
    const XlsxSheet** slot = nullptr;
    if (sheet_matches(sheet.name, kMunicipalityFile, kMunicipalityTitle)) {
      slot = &municipality;
    } else {
      for (size_t i = 0; i < schema.files.size(); ++i)
        if (sheet_matches(sheet.name, schema.files[i].name, schema.files[i].title)) slot = &by_file[i];
    }
    if (!slot) {
      diags.warning({workbook_location(book_name, sheet.name)}, "入力データ仕様のどのファイルにも当たらないシートです。読み飛ばします",
                    "シート名: " + quoted_list(expected));
      continue;
    }
    if (*slot) {
      diags.error({workbook_location(book_name, sheet.name)},
                  "「" + (*slot)->name + "」シートと同じファイルを表すシートが2枚あります", "1ファイルに1シート");
      continue;
    }
    *slot = &sheet;
  }

  auto missing = [&](const std::string& name, const std::string& file) {
    diags.error({book_name}, "「" + name + "」シートがありません（" + file + " の内容）",
                "kyosei template で作った様式のシート（シート名は変えない）");
  };
  if (municipality) folder.files.push_back(import_municipality_sheet(*municipality, keys, book_name, diags));
  else missing(municipality_sheet_name(), kMunicipalityFile);
  for (size_t i = 0; i < schema.files.size(); ++i) {
    const FileSpec& spec = schema.files[i];
    const XlsxSheet* sheet = by_file[i];
    if (!sheet) {
      if (spec.required) missing(sheet_name_for(spec), spec.name);
      continue;
    }
    // An optional file is written only when its sheet has rows: an empty
    // sheet of the template means "not provided".
    if (!spec.required && !has_data_rows(*sheet)) continue;
    folder.files.push_back(import_csv_sheet(*sheet, spec, book_name, diags));
  }
  return folder;
}

}  // namespace kyosei
