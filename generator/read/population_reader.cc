#include "read/population_reader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>

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
  replace_all(out, "\xE3\x80\x80", "");  // NFKC keeps U+3000 as a space
  return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Index of the first header equal to, or ending in, one of names (skipping
// the columns in `skip`); -1 if none.
int find_column(const std::vector<std::string>& headers, std::initializer_list<const char*> names,
                const std::set<int>& skip = {}) {
  for (const char* name : names)
    for (size_t i = 0; i < headers.size(); ++i)
      if (!skip.count(static_cast<int>(i)) && headers[i] == name) return static_cast<int>(i);
  for (const char* name : names)
    for (size_t i = 0; i < headers.size(); ++i)
      if (!skip.count(static_cast<int>(i)) && ends_with(headers[i], std::string("_") + name)) return static_cast<int>(i);
  return -1;
}

enum class Sex { Both, Male, Female };

struct Band {
  int column = 0;
  int from = 0;
  int to = -1;  // -1: open (「85歳以上」)
  Sex sex = Sex::Both;
};

// The sex a header part names, if any: 男女計・総数 are both sexes.
std::optional<Sex> sex_in(const std::string& part) {
  for (const char* both : {"男女", "総数", "合計", "計"})
    if (part.find(both) != std::string::npos) return Sex::Both;
  if (part.find("女") != std::string::npos) return Sex::Female;
  if (part.find("男") != std::string::npos) return Sex::Male;
  return std::nullopt;
}

// 「0-4歳」「0～4歳」「5歳」「85歳以上」, with a sex before or after the band,
// in the same part or in another part of the header (「0-4歳の男性」
// 「0-4歳_男」「男_0-4歳」「0-4歳(女)」), and any prefix before a "_".
std::optional<Band> band_of(const std::string& header, int column) {
  // At most 3 digits: no age needs more, and std::stoi never overflows.
  static const std::regex range(R"(^(\d{1,3})(?:-|~|〜|－)(\d{1,3})歳$)");
  static const std::regex single(R"(^(\d{1,3})歳$)");
  static const std::regex open(R"(^(\d{1,3})歳以上$)");
  std::optional<Band> band;
  std::optional<Sex> sex;
  for (const std::string& part : split(header, '_')) {
    if (auto s = sex_in(part)) sex = sex ? sex : s;
    std::string rest = part;
    for (const char* word : {"男女計", "男女", "総数", "合計", "男性", "女性", "男", "女", "計", "の", "(", ")", "・"})
      replace_all(rest, word, "");
    std::smatch m;
    std::optional<Band> b;
    if (std::regex_match(rest, m, range)) b = Band{column, std::stoi(m[1]), std::stoi(m[2])};
    else if (std::regex_match(rest, m, open)) b = Band{column, std::stoi(m[1]), -1};
    else if (std::regex_match(rest, m, single)) b = Band{column, std::stoi(m[1]), std::stoi(m[1])};
    if (b) {
      if (band) return std::nullopt;  // two ages in one header: not a band column
      band = b;
    }
  }
  if (band) band->sex = sex.value_or(Sex::Both);
  return band;
}

std::optional<long long> count_of(const std::string& cell) {
  std::string t = normalize(cell), digits;
  for (char c : t)
    if (c != ',') digits += c;
  if (digits.empty() || digits == "-" || digits == "－" || digits == "*") return 0;  // 該当者なし・秘匿
  if (digits.size() > 12) return std::nullopt;
  for (char c : digits)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoll(digits);
}

// 「2024-01-01」「2024/1/1」「20240101」「令和6年1月1日」「R6.1.1」.
std::optional<Date> date_of(const std::string& cell) {
  std::string t = normalize(cell);
  if (t.size() == 8 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(4, 2)), d = std::stoi(t.substr(6, 2));
    if (is_valid_date(y, m, d)) return Date{y, m, d};
    return std::nullopt;
  }
  size_t time = t.find_first_of("T ");  // 「2024-01-01T00:00:00」
  if (time != std::string::npos) t = t.substr(0, time);
  return parse_date(t);
}

bool is_total_sex(const std::string& v) {
  std::string t = normalize(v);
  return t.empty() || t == "総数" || t == "計" || t == "男女計" || t == "合計" || t == "総計";
}

// A CSV the officer hands to import-population, decoded (UTF-8 or CP932)
// and parsed; nothing when it cannot be read or is empty (reported).
std::optional<CsvParseResult> parse_import_csv(const std::string& bytes, const std::string& file, Diagnostics& diags,
                                               const char* expected_rows) {
  DecodeFailure failure;
  auto text = decode_text(bytes, &failure);
  if (!text) {
    diags.error({file, failure.line, ""}, "文字コードを読み取れません", "UTF-8（BOM 付きも可）または Shift_JIS（CP932）の CSV");
    return std::nullopt;
  }
  CsvParseResult csv = parse_csv(text->utf8);
  for (const auto& e : csv.errors) diags.error({file, e.line, ""}, e.message);
  if (csv.records.empty()) {
    diags.error({file, 1, ""}, "データがありません", expected_rows);
    return std::nullopt;
  }
  return csv;
}

}  // namespace

PopulationTable read_population_table(const std::string& bytes, const std::string& file, Diagnostics& diags) {
  PopulationTable table;
  std::vector<PopulationRow>& out = table.rows;
  auto parsed = parse_import_csv(bytes, file, diags, "1行目に列名、2行目から地域ごとの人口");
  if (!parsed) return table;
  const CsvParseResult& csv = *parsed;
  const auto& raw_headers = csv.records[0].fields;
  std::vector<std::string> headers;
  for (const auto& h : raw_headers) headers.push_back(key_of(h));
  std::vector<Band> all_bands;
  std::set<int> band_columns;
  for (size_t i = 0; i < headers.size(); ++i)
    if (auto b = band_of(headers[i], static_cast<int>(i))) {
      all_bands.push_back(*b);
      band_columns.insert(static_cast<int>(i));
    }
  const int name_col = find_column(headers, {"地域名", "町字名", "町丁名", "町丁字名", "町丁字", "地区名", "町名"}, band_columns);
  const int code_col = find_column(headers, {"地域コード", "町字ID", "町丁コード", "町丁字コード", "地区コード"}, band_columns);
  const int sex_col = find_column(headers, {"性別", "男女別"}, band_columns);
  const int date_col = find_column(headers, {"調査年月日", "基準年月日", "基準日", "調査日", "時点"}, band_columns);
  const int total_col = find_column(headers, {"総数", "総人口", "人口総数", "人口", "男女計", "計", "合計"}, band_columns);
  const int male_col = find_column(headers, {"男性", "男", "男性人口"}, band_columns);
  const int female_col = find_column(headers, {"女性", "女", "女性人口"}, band_columns);
  auto header_name = [&](int c) { return raw_headers[static_cast<size_t>(c)]; };
  if (name_col < 0)
    diags.error({file, 1, "地域名"}, "地域名の列がありません", "「地域名」の列（自治体標準オープンデータセット「地域・年齢別人口」）");
  // The bands of both sexes when the file has them, else 男 and 女.
  std::vector<Band> bands;
  bool any_both = std::any_of(all_bands.begin(), all_bands.end(), [](const Band& b) { return b.sex == Sex::Both; });
  for (const Band& b : all_bands)
    if ((b.sex == Sex::Both) == any_both) bands.push_back(b);
  const bool by_sex_total = total_col < 0 && male_col >= 0 && female_col >= 0;
  if (total_col < 0 && !by_sex_total && bands.empty())
    diags.error({file, 1, "総数"}, "総数の列も年齢の列もありません", "「総数」（総人口）の列、「男性」と「女性」の列、または「0-4歳」…「85歳以上」の列");
  for (const Band& b : bands)
    if (b.from < 65 && (b.to < 0 || b.to >= 65))
      diags.error({file, 1, header_name(b.column)}, "年齢の区切りが65歳をまたいでいるため、高齢化率を計算できません",
                  "65歳で区切れる年齢の列（例: 60-64歳・65-69歳）");
  if (diags.has_errors()) return table;

  auto cell_of = [&](const CsvRecord& rec, int c) {
    return c >= 0 && static_cast<size_t>(c) < rec.fields.size() ? rec.fields[static_cast<size_t>(c)] : std::string();
  };
  // 調査年月日 of every row; the latest is used.
  std::vector<std::optional<Date>> dates(csv.records.size());
  std::set<Date> seen;
  if (date_col >= 0)
    for (size_t r = 1; r < csv.records.size(); ++r) {
      const CsvRecord& rec = csv.records[r];
      if (trim(cell_of(rec, name_col)).empty()) continue;
      auto d = date_of(cell_of(rec, date_col));
      if (!d) {
        diags.error({file, rec.line, header_name(date_col)}, "調査年月日として読めません",
                    "2025-01-01、2025/1/1、20250101、令和7年1月1日 のような日付");
        continue;
      }
      dates[r] = d;
      seen.insert(*d);
    }
  if (diags.has_errors()) return table;
  if (!seen.empty()) {
    table.survey_date = *seen.rbegin();
    table.older_dates.assign(seen.begin(), std::prev(seen.end()));
  }

  // 地域 -> its row; 男 and 女 rows are added when there is no total row.
  std::map<std::string, size_t> index;
  std::map<std::string, bool> has_total;
  for (size_t r = 1; r < csv.records.size(); ++r) {
    const CsvRecord& rec = csv.records[r];
    auto cell = [&](int c) { return cell_of(rec, c); };
    std::string name = trim(cell(name_col));
    if (name.empty()) continue;
    if (table.survey_date && dates[r] != table.survey_date) {
      ++table.older_rows;
      continue;
    }
    bool total_row = sex_col < 0 || is_total_sex(cell(sex_col));
    std::string code = trim(cell(code_col));
    std::string key = code + "\t" + name;
    bool bad = false;
    auto count = [&](int c) -> long long {
      auto v = count_of(cell(c));
      if (!v) {
        diags.error({file, rec.line, header_name(c)}, "人数として読めません", "0以上の整数");
        bad = true;
        return 0;
      }
      return *v;
    };
    long long total = 0;
    std::optional<long long> aged;
    if (!bands.empty()) aged = 0;
    long long band_sum = 0;
    for (const Band& b : bands) {
      long long v = count(b.column);
      band_sum += v;
      if (b.from >= 65) *aged += v;
    }
    if (total_col >= 0) total = count(total_col);
    else if (by_sex_total) total = count(male_col) + count(female_col);
    else total = band_sum;
    if (bad) continue;
    auto it = index.find(key);
    if (total_row) {
      if (it != index.end() && has_total[key]) {
        diags.warning({file, rec.line, name_col >= 0 ? header_name(name_col) : "地域名"},
                      "地域「" + name + "」の総数の行が2つあります。最初の行を使います");
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
  return table;
}

std::vector<PopulationRow> read_population_csv(const std::string& bytes, const std::string& file, Diagnostics& diags) {
  return read_population_table(bytes, file, diags).rows;
}

TownAreaTable read_town_area_csv(const std::string& bytes, const std::string& file, Diagnostics& diags) {
  TownAreaTable table;
  auto parsed = parse_import_csv(bytes, file, diags, "1行目に列名「町丁字,圏域」、2行目から町丁字ごとの行");
  if (!parsed) return table;
  const CsvParseResult& csv = *parsed;
  std::vector<std::string> headers;
  for (const auto& h : csv.records[0].fields) headers.push_back(key_of(h));
  const int town_col = find_column(headers, {"町丁字", "町丁名", "町字", "地域名", "町字ID"});
  const int area_col = find_column(headers, {"圏域", "圏域ID", "地域コード", "圏域名"});
  if (town_col < 0) diags.error({file, 1, "町丁字"}, "町丁字の列がありません", "1行目に列名「町丁字」（人口データの地域名・地域コード・町字ID）");
  if (area_col < 0) diags.error({file, 1, "圏域"}, "圏域の列がありません", "1行目に列名「圏域」（areas.csv の ID または名称）");
  if (town_col < 0 || area_col < 0) return table;
  table.town_column = csv.records[0].fields[static_cast<size_t>(town_col)];
  table.area_column = csv.records[0].fields[static_cast<size_t>(area_col)];
  for (size_t r = 1; r < csv.records.size(); ++r) {
    const CsvRecord& rec = csv.records[r];
    auto cell = [&](int c) {
      return static_cast<size_t>(c) < rec.fields.size() ? trim(rec.fields[static_cast<size_t>(c)]) : std::string();
    };
    std::string town = cell(town_col), area = cell(area_col);
    if (town.empty() && area.empty()) continue;
    if (town.empty()) {
      diags.error({file, rec.line, table.town_column}, "町丁字が空です", "人口データの地域名・地域コード・町字ID");
      continue;
    }
    if (area.empty()) {
      diags.error({file, rec.line, table.area_column}, "町丁字「" + town + "」の圏域が空です", "areas.csv の ID または名称");
      continue;
    }
    table.rows.push_back({rec.line, town, area});
  }
  return table;
}

}  // namespace kyosei
