#include "cli/population_commands.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "analyse/area_population.h"
#include "base/file_system.h"
#include "base/numbers.h"
#include "base/text.h"
#include "base/wording.h"
#include "cli/commands.h"
#include "read/csv.h"
#include "read/encoding.h"
#include "read/inputs_reader.h"
#include "read/population_reader.h"

namespace kyosei {

namespace {

constexpr const char* kUsage =
    "使い方: kyosei import-population 地域・年齢別人口.csv [入力フォルダ] [-o 新しいareas.csv] [--force]";

std::string rate_text(double r) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", r);
  return b;
}

// areas.csv with 人口・高齢化率 set from the computed values (columns added
// when missing); other cells as they were.
std::optional<std::string> updated_areas_csv(const std::string& bytes, const std::vector<AreaPopulation>& computed) {
  auto text = decode_text(bytes);
  if (!text) return std::nullopt;
  CsvParseResult csv = parse_csv(text->utf8);
  if (csv.records.empty()) return std::nullopt;
  auto& header = csv.records[0].fields;
  auto column = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (normalize(header[i]) == name) return static_cast<int>(i);
    header.push_back(name);
    return static_cast<int>(header.size() - 1);
  };
  int id = column("ID"), pop = column("人口"), rate = column("高齢化率");
  std::string out;
  for (size_t r = 0; r < csv.records.size(); ++r) {
    auto& f = csv.records[r].fields;
    f.resize(std::max(f.size(), header.size()));
    if (r > 0)
      for (const auto& p : computed)
        if (p.area->id == trim(f[static_cast<size_t>(id)])) {
          if (p.population) f[static_cast<size_t>(pop)] = std::to_string(*p.population);
          if (p.aging_rate) f[static_cast<size_t>(rate)] = rate_text(*p.aging_rate);
        }
    std::vector<std::string> cells;
    for (const auto& c : f) cells.push_back(csv_quote(c));
    out += join(cells, ",") + "\n";
  }
  return out;
}

}  // namespace

int run_import_population(const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  std::string out;
  bool force = false, quiet = false, strict = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" || args[i] == "--output") {
      if (i + 1 >= args.size()) {
        std::cerr << "kyosei: -o の後に書き出す areas.csv のファイル名を指定してください\n" << kUsage << "\n";
        return kExitInvalidInput;
      }
      out = args[++i];
    } else if (args[i] == "--force") {
      force = true;
    } else if (args[i] == "-q" || args[i] == "--quiet") {
      quiet = true;
    } else if (args[i] == "--strict") {
      strict = true;
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::cerr << "kyosei: 知らないオプションです: " << args[i] << "\n" << kUsage << "\n";
      return kExitInvalidInput;
    } else {
      positional.push_back(args[i]);
    }
  }
  if (positional.empty() || positional.size() > 2) {
    std::cerr << "kyosei: 人口の CSV を1つ指定してください（入力フォルダは省略すると inputs）\n" << kUsage << "\n";
    return kExitInvalidInput;
  }
  const std::string csv_path = positional[0], dir = positional.size() > 1 ? positional[1] : "inputs";
  auto bytes = read_file(csv_path);
  if (!bytes) {
    std::cerr << "人口の CSV「" << csv_path << "」を読めません。ファイル名を確かめてください。\n";
    return kExitInvalidInput;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    std::cerr << "入力フォルダ「" << dir << "」がありません。\n";
    return kExitInvalidInput;
  }
  if (!out.empty() && !force && std::filesystem::exists(out, ec)) {
    std::cerr << "「" << out << "」はすでにあるため、何も書きませんでした。上書きしてよいときは --force を付けてください。\n";
    return kExitInvalidInput;
  }

  Diagnostics diags;
  std::vector<PopulationRow> rows = read_population_csv(*bytes, std::filesystem::path(csv_path).filename().string(), diags);
  RealFileSystem files(dir);
  Diagnostics input_diags;
  Dataset ds = read_inputs(files, input_diags, ReadOptions{.read_documents = false});
  for (const auto& d : input_diags.items())
    if (d.severity == Severity::Error) diags.add(d);

  std::vector<AreaPopulation> computed;
  if (!diags.has_errors()) {
    computed = area_population(ds, rows);
    for (const auto& p : computed) {
      const Area& a = *p.area;
      if (p.population && a.population && *a.population != *p.population)
        diags.warning({"areas.csv", a.line, "人口"},
                      "圏域「" + a.name + "」の人口は " + with_commas(*a.population) + "人と入力されていますが、人口データでは " +
                          with_commas(*p.population) + "人です（" + p.basis + "）",
                      with_commas(*p.population));
      if (p.aging_rate && a.aging_rate && std::fabs(*a.aging_rate - *p.aging_rate) > 0.05 + 1e-9)
        diags.warning({"areas.csv", a.line, "高齢化率"},
                      "圏域「" + a.name + "」の高齢化率は " + rate_text(*a.aging_rate) + "％と入力されていますが、人口データでは " +
                          rate_text(*p.aging_rate) + "％です",
                      rate_text(*p.aging_rate));
    }
  }
  for (const auto& d : diags.sorted()) std::cerr << format_diagnostic(d) << "\n";
  const bool failed = diags.has_errors() || (strict && diags.warning_count() > 0);
  if (failed) {
    std::cerr << "エラー " << diags.error_count() << " 件、警告 " << diags.warning_count() << " 件。"
              << (out.empty() ? "" : "「" + out + "」には何も書きませんでした。") << "\n";
    return kExitInvalidInput;
  }
  if (!quiet) {
    std::cout << "圏域ごとの人口と高齢化率（" << csv_path << " から）:\n";
    for (const auto& p : computed)
      std::cout << "  " << p.area->id << " " << p.area->name << ": "
                << (p.population ? with_commas(*p.population) + "人" : std::string(kUnknown)) << "、高齢化率 "
                << (p.aging_rate ? rate_text(*p.aging_rate) + "％" : std::string(kUnknown))
                << (p.basis.empty() ? "（一致する地域がありません）" : "（" + p.basis + "）") << "\n";
    auto rest = unmatched_rows(ds, rows);
    if (!rest.empty())
      std::cout << "どの圏域とも一致しなかった地域が " << rest.size() << " 件あります（最初は " << rest.front()->line << "行目の「"
                << rest.front()->area_name << "」）。地域名を areas.csv の名称に、または地域コードを圏域の ID に合わせてください。\n";
  }
  if (out.empty()) return kExitOk;
  auto areas_bytes = files.read("areas.csv");
  auto updated = areas_bytes ? updated_areas_csv(*areas_bytes, computed) : std::nullopt;
  if (!updated || !write_file(out, *updated)) {
    std::cerr << "「" << out << "」に書き込めません。書き込み権限のある場所を指定してください。\n";
    return kExitInvalidInput;
  }
  if (!quiet) std::cout << "人口・高齢化率を入れた areas.csv を「" << out << "」に書きました。内容を確かめて入力フォルダの areas.csv と置き換えてください。\n";
  return kExitOk;
}

}  // namespace kyosei
