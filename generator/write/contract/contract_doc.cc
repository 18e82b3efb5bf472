#include "write/contract/contract_doc.h"

#include "base/text.h"

namespace kyosei {

namespace {

// What a type means to someone filling the sheet in.
std::string type_text(const ColumnSpec& c) {
  std::string t;
  switch (c.type) {
    case ColumnType::Id: t = "ID（半角英数字・-・_）"; break;
    case ColumnType::Text: t = "文字"; break;
    case ColumnType::Markdown: t = "Markdown（HTML は表示しない）"; break;
    case ColumnType::Integer: t = "整数"; break;
    case ColumnType::Decimal: t = "数値"; break;
    case ColumnType::Percent: t = "百分率（%）"; break;
    case ColumnType::Fraction: t = "0〜1 の数"; break;
    case ColumnType::Year: t = "年度（2026・R8・令和8年度）"; break;
    case ColumnType::Date: t = "日付（2026-05-12・令和8年5月12日・R8.5.12）"; break;
    case ColumnType::YearMonth: t = "年月（2024-04・R6.4・令和6年4月）"; break;
    case ColumnType::Yen: t = "円（1,234,000・1234000円）"; break;
    case ColumnType::Enum:
      if (c.values_from == "jusou") t = "重層区分のキー（1イ〜1ニ・2・3イ〜3ニ・3柱・4・5・6）";
      else if (c.values_from == "roles") t = "役割（data/roles.csv。未知の役割は警告）";
      else if (c.values_from == "assessment") t = "自己点検項目のID（A1〜I4）";
      else t = join(c.values, " / ");
      break;
    case ColumnType::CodeYen: t = "重層区分:円（1ニ:6000000）"; break;
    case ColumnType::YearValue: t = "年度:値（2025:12）"; break;
    case ColumnType::Path: t = "documents/ 内の PDF のパス"; break;
    case ColumnType::Phone: t = "電話番号（000-123-4567・0120-000-000・#8000）"; break;
    case ColumnType::Url: t = "URL（https://〜）"; break;
  }
  if (c.multi) t = "複数可（; ；、で区切る）: " + t;
  if (!c.ref.empty()) t += "。" + c.ref + " の ID";
  if (c.min || c.max) {
    auto num = [](double v) {
      char b[32];
      std::snprintf(b, sizeof b, "%g", v);
      return std::string(b);
    };
    t += "。範囲 " + (c.min ? num(*c.min) : std::string("")) + "〜" + (c.max ? num(*c.max) : std::string(""));
  }
  if (!c.default_value.empty()) t += "。空欄は " + c.default_value;
  return t;
}

std::string cell(std::string s) {
  replace_all(s, "|", "\\|");
  replace_all(s, "\n", " ");
  return s;
}

}  // namespace

std::string render_contract_tables(const Schema& schema) {
  std::string out;
  for (const auto& f : schema.files) {
    out += "### " + f.name + " — " + f.title + (f.required ? "（必須）" : "（任意）") + "\n\n";
    out += "| 列 | 必須 | 値 | 説明 |\n|---|---|---|---|\n";
    for (const auto& c : f.columns) {
      std::string req = c.required ? "必須" : "";
      if (!c.required_if_column.empty()) req = c.required_if_column + "が" + join(c.required_if_values, "・") + "のとき必須";
      std::string help = c.help;
      if (c.personal) help += "（個人情報）";
      if (c.unique) help += "（重複不可）";
      out += "| " + cell(c.name) + " | " + cell(req) + " | " + cell(type_text(c)) + " | " + cell(help) + " |\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace kyosei
