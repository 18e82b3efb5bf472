#include "read/population_reader.h"

#include <map>
#include <regex>

#include "base/numbers.h"
#include "base/text.h"
#include "read/csv.h"
#include "read/encoding.h"

namespace kyosei {

namespace {

// Header as compared: NFKC, spaces removed.
std::string key_of(const std::string& h) {
  std::string n = nfkc(h), out;
  for (char c : n)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Index of the first header equal to, or ending in, one of names; -1 if none.
int find_column(const std::vector<std::string>& headers, std::initializer_list<const char*> names) {
  for (const char* name : names)
    for (size_t i = 0; i < headers.size(); ++i)
      if (headers[i] == name) return static_cast<int>(i);
  for (const char* name : names)
    for (size_t i = 0; i < headers.size(); ++i)
      if (ends_with(headers[i], std::string("_") + name)) return static_cast<int>(i);
  return -1;
}

struct Band {
  int column = 0;
  int from = 0;
  int to = -1;  // -1: open (「85歳以上」)
};

// 「0-4歳」「0～4歳」「5歳」「85歳以上」 (after NFKC: 〜 may stay as is).
std::optional<Band> band_of(const std::string& header, int column) {
  static const std::regex range(R"(^(?:.*_)?(\d+)(?:-|~|〜|～|－)(\d+)歳$)");
  static const std::regex single(R"(^(?:.*_)?(\d+)歳$)");
  static const std::regex open(R"(^(?:.*_)?(\d+)歳以上$)");
  std::smatch m;
  if (std::regex_match(header, m, range)) return Band{column, std::stoi(m[1]), std::stoi(m[2])};
  if (std::regex_match(header, m, open)) return Band{column, std::stoi(m[1]), -1};
  if (std::regex_match(header, m, single)) return Band{column, std::stoi(m[1]), std::stoi(m[1])};
  return std::nullopt;
}

std::optional<long long> count_of(const std::string& cell) {
  std::string t = normalize(cell), digits;
  for (char c : t)
    if (c != ',') digits += c;
  if (digits.empty() || digits == "-" || digits == "－") return 0;  // 該当者なし
  for (char c : digits)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoll(digits);
}

bool is_total_sex(const std::string& v) {
  std::string t = normalize(v);
  return t.empty() || t == "総数" || t == "計" || t == "男女計" || t == "合計" || t == "総計";
}

}  // namespace

std::vector<PopulationRow> read_population_csv(const std::string& bytes, const std::string& file, Diagnostics& diags) {
  std::vector<PopulationRow> out;
  DecodeFailure failure;
  auto text = decode_text(bytes, &failure);
  if (!text) {
    diags.error({file, failure.line, ""}, "文字コードを読み取れません", "UTF-8（BOM 付きも可）または Shift_JIS（CP932）の CSV");
    return out;
  }
  CsvParseResult csv = parse_csv(text->utf8);
  for (const auto& e : csv.errors) diags.error({file, e.line, ""}, e.message);
  if (csv.records.empty()) {
    diags.error({file, 1, ""}, "データがありません", "1行目に列名、2行目から地域ごとの人口");
    return out;
  }
  std::vector<std::string> headers;
  for (const auto& h : csv.records[0].fields) headers.push_back(key_of(h));
  const int name_col = find_column(headers, {"地域名", "町丁名", "町丁字名", "地区名"});
  const int code_col = find_column(headers, {"地域コード", "町丁コード", "地区コード"});
  const int sex_col = find_column(headers, {"性別", "男女別"});
  const int total_col = find_column(headers, {"総数", "人口総数", "総人口", "人口", "計"});
  if (name_col < 0) diags.error({file, 1, "地域名"}, "地域名の列がありません", "「地域名」の列（自治体標準オープンデータセット「地域・年齢別人口」）");
  std::vector<Band> bands;
  for (size_t i = 0; i < headers.size(); ++i)
    if (auto b = band_of(headers[i], static_cast<int>(i))) bands.push_back(*b);
  if (total_col < 0 && bands.empty())
    diags.error({file, 1, "総数"}, "総数の列も年齢の列もありません", "「総数」の列、または「0-4歳」…「85歳以上」の列");
  for (const Band& b : bands)
    if (b.from < 65 && (b.to < 0 || b.to >= 65))
      diags.error({file, 1, csv.records[0].fields[static_cast<size_t>(b.column)]}, "年齢の区切りが65歳をまたいでいるため、高齢化率を計算できません",
                  "65歳で区切れる年齢の列（例: 60-64歳・65-69歳）");
  if (diags.has_errors()) return out;

  // 地域 -> its row; 男 and 女 rows are added when there is no total row.
  std::map<std::string, size_t> index;
  std::map<std::string, bool> has_total;
  for (size_t r = 1; r < csv.records.size(); ++r) {
    const CsvRecord& rec = csv.records[r];
    auto cell = [&](int c) { return c >= 0 && static_cast<size_t>(c) < rec.fields.size() ? rec.fields[static_cast<size_t>(c)] : std::string(); };
    std::string name = trim(cell(name_col));
    if (name.empty()) continue;
    bool total_row = sex_col < 0 || is_total_sex(cell(sex_col));
    std::string code = trim(cell(code_col));
    std::string key = code + "\t" + name;
    bool bad = false;
    long long total = 0;
    std::optional<long long> aged;
    if (!bands.empty()) aged = 0;
    long long band_sum = 0;
    for (const Band& b : bands) {
      auto v = count_of(cell(b.column));
      if (!v) {
        diags.error({file, rec.line, csv.records[0].fields[static_cast<size_t>(b.column)]}, "人数として読めません", "0以上の整数");
        bad = true;
        continue;
      }
      band_sum += *v;
      if (b.from >= 65) *aged += *v;
    }
    if (total_col >= 0) {
      auto v = count_of(cell(total_col));
      if (!v) {
        diags.error({file, rec.line, csv.records[0].fields[static_cast<size_t>(total_col)]}, "人数として読めません", "0以上の整数");
        bad = true;
      } else {
        total = *v;
      }
    } else {
      total = band_sum;
    }
    if (bad) continue;
    auto it = index.find(key);
    if (total_row) {
      if (it != index.end() && has_total[key]) {
        diags.warning({file, rec.line, "地域名"}, "地域「" + name + "」の総数の行が2つあります。最初の行を使います");
        continue;
      }
      PopulationRow row{rec.line, code, name, total, aged};
      if (it == index.end()) {
        index[key] = out.size();
        out.push_back(row);
      } else {
        out[it->second] = row;  // a total row wins over 男・女 added so far
      }
      has_total[key] = true;
    } else if (!has_total[key]) {
      if (it == index.end()) {
        index[key] = out.size();
        out.push_back({rec.line, code, name, total, aged});
      } else {
        PopulationRow& row = out[it->second];
        row.total += total;
        if (row.aged && aged) *row.aged += *aged;
      }
    }
  }
  return out;
}

}  // namespace kyosei
