#include "cli/prefecture_commands.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "analyse/prefecture_rollup.h"
#include "base/file_system.h"
#include "cli/commands.h"
#include "model/reference.h"
#include "model/reference_data.h"
#include "read/inputs_reader.h"
#include "write/sheet/csv_export.h"
#include "write/common/output_folder.h"
#include "write/prefecture/prefecture_sheets.h"
#include "write/prefecture/prefecture_site.h"
#include "write/sheet/xlsx_sheet.h"

namespace fs = std::filesystem;

namespace kyosei {

namespace {

std::string clean(std::string d) {
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return d;
}

int usage(const std::string& msg) {
  std::cerr << "kyosei: " << msg
            << "\n使い方: kyosei prefecture 親フォルダ -o 出力フォルダ [--previous 前年度の親フォルダ]\n";
  return kExitInvalidInput;
}

// One parent folder as read: the datasets stay alive for the summaries'
// pointers and the privacy guards.
struct PrefectureParentRead {
  std::vector<std::unique_ptr<Dataset>> datasets;
  std::vector<MunicipalitySubmission> subs;
};

// Every subfolder (not hidden), sorted by name so that the roll-up is
// deterministic. nullopt when parent is not a folder.
std::optional<std::vector<std::string>> municipality_folders(const std::string& parent) {
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.' || !e.is_directory(ec)) continue;
    out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

PrefectureParentRead read_parent(const std::string& parent, const std::vector<std::string>& folders, bool read_documents) {
  PrefectureParentRead r;
  for (const auto& folder : folders) {
    MunicipalitySubmission sub;
    sub.folder = folder;
    RealFileSystem files(parent + "/" + folder);
    if (!files.exists("municipality.toml") && !files.exists("services.csv")) {
      sub.state = SubmissionState::Missing;
      sub.diagnostics.error({"municipality.toml", 0, ""}, "入力ファイルがありません（未提出）",
                            "municipality.toml と services.csv などの入力ファイル一式（docs/inputs.md）");
    } else {
      auto ds = std::make_unique<Dataset>(read_inputs(files, sub.diagnostics, ReadOptions{.read_documents = read_documents}));
      sub.state = sub.diagnostics.has_errors() ? SubmissionState::Invalid : SubmissionState::Ok;
      sub.data = ds.get();
      r.datasets.push_back(std::move(ds));
    }
    r.subs.push_back(std::move(sub));
  }
  return r;
}

// Prints each municipality's problems as 「親/フォルダ/ファイル:行:列」.
void print_problems(const std::string& parent, const std::vector<MunicipalitySubmission>& subs, bool quiet) {
  for (const auto& sub : subs) {
    for (const auto& d : sub.diagnostics.sorted()) {
      if (quiet && d.severity != Severity::Error) continue;
      std::cerr << parent << "/" << sub.folder << "/" << format_diagnostic(d) << "\n";
    }
  }
}

}  // namespace

int run_prefecture_command(const std::vector<std::string>& args) {
  std::string parent, out = "out", previous;
  bool quiet = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--output" || a == "--previous") {
      if (i + 1 >= args.size()) return usage(a + " の後にフォルダを指定してください");
      (a == "--previous" ? previous : out) = args[++i];
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else if (a == "--help" || a == "-h") {
      std::cout << "kyosei prefecture 親フォルダ -o 出力フォルダ [--previous 前年度の親フォルダ]\n"
                   "  親フォルダの中の市町村ごとの入力フォルダを読み、都道府県の集計（都道府県集計.xlsx・CSV・サイト）を作ります。\n"
                   "  終了コード: 0 すべての市町村に問題なし、2 未提出・不備の市町村がある（集計はその市町村を除いて作ります）、3 内部エラー\n";
      return kExitOk;
    } else if (!a.empty() && a[0] == '-') {
      return usage("知らないオプションです: " + a);
    } else if (parent.empty()) {
      parent = a;
    } else {
      return usage("親フォルダは1つだけ指定してください");
    }
  }
  if (parent.empty()) return usage("市町村ごとの入力フォルダが入った親フォルダを指定してください");
  parent = clean(parent);
  out = clean(out);

  auto folders = municipality_folders(parent);
  if (!folders) {
    std::cerr << "親フォルダ「" << parent << "」がありません。\n";
    return kExitInvalidInput;
  }
  if (RealFileSystem(parent).exists("municipality.toml")) {
    std::cerr << "「" << parent << "」は1つの市町村の入力フォルダです。kyosei prefecture には、市町村ごとの入力フォルダを並べた親フォルダを"
              << "指定してください（1つの市町村は kyosei build）。出力フォルダ「" << out << "」は変更していません。\n";
    return kExitInvalidInput;
  }
  if (folders->empty()) {
    std::cerr << "親フォルダ「" << parent << "」に市町村の入力フォルダがありません（市町村ごとに1つのフォルダを置いてください）。"
              << "出力フォルダ「" << out << "」は変更していません。\n";
    return kExitInvalidInput;
  }
  const Reference& ref = reference_data().reference;
  PrefectureParentRead current = read_parent(parent, *folders, true);
  print_problems(parent, current.subs, quiet);

  std::optional<PrefectureRollup> prev_rollup;
  PrefectureParentRead prev_read;
  if (!previous.empty()) {
    previous = clean(previous);
    auto prev_folders = municipality_folders(previous);
    if (!prev_folders) {
      std::cerr << "前年度の親フォルダ「" << previous << "」がありません。出力フォルダ「" << out << "」は変更していません。\n";
      return kExitInvalidInput;
    }
    prev_read = read_parent(previous, *prev_folders, false);
    prev_rollup = compute_prefecture_rollup(prev_read.subs, ref, fs::path(previous).filename().string());
  }
  PrefectureRollup rollup =
      compute_prefecture_rollup(current.subs, ref, fs::path(parent).filename().string(), prev_rollup ? &*prev_rollup : nullptr);

  Diagnostics out_diags;
  auto folder = OutputFolder::open(out, out_diags);
  if (!folder) {
    for (const auto& d : out_diags.sorted()) std::cerr << format_diagnostic(d) << "\n";
    return kExitInvalidInput;
  }
  Municipality header;  // the page header of every printed sheet
  header.name = rollup.prefecture;
  header.fiscal_year = rollup.fiscal_year;
  std::vector<Sheet> sheets = prefecture_sheets(rollup, ref);
  bool ok = write_workbook({folder->path() + "/" + kPrefectureWorkbookPath, rollup.prefecture + " 市町村集計",
                            "重層的支援体制整備事業・地域福祉計画の市町村集計", "都道府県集計"},
                           header, sheets, out_diags);
  ok = ok && write_csv_tables(sheets, CsvEncoding::Utf8Bom, folder->path(), out_diags);

  Diagnostics privacy;
  PrefectureSiteInput site{rollup, ref, {}};
  for (const auto& sub : current.subs)
    if (sub.data) site.datasets.push_back({sub.folder, sub.data});
  bool site_ok = ok && write_prefecture_site(site, folder->path() + "/site", out_diags, privacy);
  if (privacy.has_errors()) {
    for (const auto& d : privacy.sorted()) std::cerr << parent << "/" << format_diagnostic(d) << "\n";
    std::cerr << "公開サイトに職員の氏名か守秘義務のある会議の議題が入るため、出力フォルダ「" << out << "」は変更していません。\n";
    return kExitInvalidInput;
  }
  if (!ok || !site_ok || !folder->commit(out_diags)) {
    for (const auto& d : folder->about_target(out_diags).sorted()) std::cerr << format_diagnostic(d) << "\n";
    std::cerr << "集計を書き出せませんでした。出力フォルダ「" << out << "」は変更していません。\n";
    return kExitInternal;
  }

  if (!quiet) {
    std::cout << rollup.prefecture << "の集計: 市町村フォルダ " << rollup.submitted << "、集計に含めた市町村 " << rollup.covered;
    if (rollup.missing) std::cout << "、未提出 " << rollup.missing;
    if (rollup.invalid) std::cout << "、不備 " << rollup.invalid;
    std::cout << "\n  " << out << "/" << kPrefectureWorkbookPath << "  都道府県集計\n  " << out << "/" << kCsvFolder
              << "/  同じ表の CSV\n  " << out << "/site/index.html  都道府県の公開サイト\n";
  }
  for (const auto& n : rollup.notes) std::cerr << "注意: " << n << "\n";
  if (rollup.missing || rollup.invalid) {
    std::cerr << "未提出・不備の市町村があります（集計には含めていません）:";
    for (const auto& m : rollup.municipalities)
      if (m.state != SubmissionState::Ok) std::cerr << " " << m.folder << "（" << submission_label(m.state) << "）";
    std::cerr << "\n";
    return kExitInvalidInput;
  }
  return kExitOk;
}

}  // namespace kyosei
