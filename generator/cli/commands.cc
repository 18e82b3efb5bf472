#include "cli/commands.h"

#include "analyse/jusou_plausibility.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "base/file_system.h"
#include "base/parallel.h"
#include "base/sandbox.h"
#include "cli/progress.h"
#include "model/reference.h"
#include "model/reference_data.h"
#include "read/pdf_reader.h"
#include "read/inputs_reader.h"
#include "write/common/output_folder.h"
#include "write/common/outputs.h"
#include "write/print/pdf_print.h"

namespace fs = std::filesystem;

namespace kyosei {

namespace {

// Prints every diagnostic (errors and warnings) to stderr, then a count.
// Returns true when the run may go on.
bool report(const Diagnostics& diags, const std::string& dir, const CommonOptions& opt) {
  for (const auto& d : diags.sorted()) std::cerr << (dir.empty() ? "" : dir + "/") << format_diagnostic(d) << "\n";
  bool failed = diags.has_errors() || (opt.strict && diags.warning_count() > 0);
  if (diags.error_count() || diags.warning_count())
    std::cerr << "エラー " << diags.error_count() << " 件、警告 " << diags.warning_count() << " 件"
              << (opt.strict && !diags.has_errors() && diags.warning_count() ? "（--strict のため警告もエラーとして扱います）" : "")
              << "\n";
  return !failed;
}

std::string clean_dir(std::string d) {
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return d;
}

bool check_folder(const std::string& dir, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << "入力フォルダ「" << dir << "」がありません。フォルダを指定してください（例: kyosei check inputs）。\n"
              << "新しく作るときは kyosei init フォルダ名\n";
    return false;
  }
  return true;
}

// PDFs are read in sandboxed children, forked from one zygote process.
// Started here, before any thread runs or any input is read, the zygote
// is a cheap fork of this process instead of a fresh start of the program.
void start_pdf_zygote(const std::string& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir + "/documents", ec)) sandbox_start_early();
}

}  // namespace

std::optional<int> parse_jobs(const std::string& text) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n < 1 || n > 256) return std::nullopt;
  return n;
}

int run_check(const std::string& dir_in, const CommonOptions& opt) {
  std::string dir = clean_dir(dir_in);
  Diagnostics diags;
  if (!check_folder(dir, diags)) return kExitInvalidInput;
  start_pdf_zygote(dir);
  RealFileSystem files(dir);
  Dataset ds = read_inputs(files, diags);
  if (!diags.has_errors()) check_jusou_plausibility(ds, reference_data().reference, diags);
  if (!report(diags, dir, opt)) return kExitInvalidInput;
  if (!opt.quiet)
    std::cout << dir << " を確認しました: 事業 " << ds.services.size() << " 件、職員 " << ds.staff.size() << " 人、圏域 "
              << ds.areas.size() << "、会議体 " << ds.meetings.size() << "、開催実績 " << ds.sessions.size() << " 回、PDF "
              << ds.documents.size() << " 件。問題はありません。\n";
  return kExitOk;
}

int run_build(const std::string& dir_in, const std::string& out_in, const std::string& previous_in,
              const CommonOptions& opt) {
  std::string dir = clean_dir(dir_in), out = clean_dir(out_in);
  Diagnostics diags;
  if (!check_folder(dir, diags)) return kExitInvalidInput;
  {
    Diagnostics place;  // an input folder inside the output would be deleted by the swap
    OutputFolder::refuse_inside(out, dir, "入力フォルダ", place);
    if (!previous_in.empty()) OutputFolder::refuse_inside(out, clean_dir(previous_in), "前年度フォルダ（--previous）", place);
    if (!report(place, "", opt)) return kExitInvalidInput;
  }
  if (opt.pdf && !pdf_printer_available()) {
    std::cerr << pdf_printer_missing() << "\n";
    return kExitInvalidInput;
  }
  start_pdf_zygote(dir);
  RealFileSystem files(dir);
  const int jobs = opt.jobs > 0 ? opt.jobs : default_jobs();
  Dataset ds = read_inputs(files, diags, ReadOptions{.jobs = jobs, .thumbnail_width = kDocumentThumbnailWidth, .prepare_publication = true});
  if (!diags.has_errors()) check_jusou_plausibility(ds, reference_data().reference, diags);

  Dataset previous;
  bool has_previous = !previous_in.empty();
  if (has_previous) {
    std::string prev_dir = clean_dir(previous_in);
    if (!check_folder(prev_dir, diags)) return kExitInvalidInput;
    RealFileSystem prev_files(prev_dir);
    Diagnostics prev_diags;
    previous = read_inputs(prev_files, prev_diags, ReadOptions{.read_documents = false});
    if (!report(prev_diags, prev_dir, opt)) {
      report(diags, dir, opt);
      return kExitInvalidInput;
    }
  }
  if (!report(diags, dir, opt)) {
    std::cerr << "入力に問題があるため、出力フォルダ「" << out << "」は変更していません。\n";
    return kExitInvalidInput;
  }

  Diagnostics out_diags;
  auto folder = OutputFolder::open(out, out_diags, OutputFolderOptions{.backup_foreign = opt.backup, .jobs = jobs});
  if (!folder) {
    report(out_diags, "", opt);
    return kExitInvalidInput;
  }
  // The writers are independent: each reads the same Dataset and writes its
  // own part of the folder, so they run side by side (--jobs). Each reports
  // into its own Diagnostics; they are looked at afterwards in the order of
  // output_writers(), so messages and the exit status are those of a run
  // one writer after the other, which stops at the first failure.
  const Analysis analysis(ds, reference_data().reference, has_previous ? &previous : nullptr);
  const auto& writers = output_writers();
  struct Run {
    Diagnostics diags, input_problems;
    bool written = false;
  };
  std::vector<Run> runs(writers.size());
  std::vector<size_t> order;  // the public site is the biggest part: start it first
  for (size_t i = 0; i < writers.size(); ++i)
    if (std::string_view(writers[i].path) == "site/") order.insert(order.begin(), i);
    else order.push_back(i);
  BuildProgress progress(writers.size(), opt.quiet);
  auto memo = std::make_shared<BuildMemo>();  // shared by the writers (BuildContext::memo)
  parallel_for(writers.size(), jobs, [&](size_t i) {
    BuildContext ctx{ds, has_previous ? &previous : nullptr, reference_data().reference, files, folder->path(),
                     runs[i].diags, analysis, &runs[i].input_problems};
    ctx.audience = opt.audience;
    ctx.csv_encoding = opt.csv_encoding;
    ctx.jobs = jobs;
    ctx.pdf = opt.pdf;
    ctx.memo = memo;
    runs[i].written = writers[i].write(ctx);
    progress.done(writers[i].name);
  }, order);
  progress.finish();
  Diagnostics input_problems;
  for (size_t i = 0; i < writers.size(); ++i) {
    const OutputWriter& w = writers[i];
    out_diags.append(runs[i].diags);
    input_problems.append(runs[i].input_problems);
    bool written = runs[i].written;
    if (!written && input_problems.has_errors()) {
      report(input_problems, dir, opt);
      std::cerr << w.name << " を書き出せませんでした（入力の内容によるものです）。出力フォルダ「" << out
                << "」は変更していません。\n";
      return kExitInvalidInput;
    }
    if (!written) {
      report(folder->about_target(out_diags), "", opt);
      std::cerr << w.name << " を書き出せませんでした。出力フォルダ「" << out << "」は変更していません。\n";
      return kExitInternal;
    }
    if (!opt.quiet) std::cout << "  " << out << "/" << w.path << "  " << w.name << "\n";
  }
  if (!folder->commit(out_diags)) {
    report(folder->about_target(out_diags), "", opt);
    return kExitInternal;
  }
  if (!folder->backed_up().empty())
    std::cerr << "kyosei が書いていない、または変更されていた " << folder->backed_up().size() << " 個のファイルを「"
              << folder->backup_folder() << "」へ移しました。\n";
  if (!opt.quiet) std::cout << "完成しました。結果は " << out << "/ にあります（公開サイトは " << out << "/site/index.html）。\n";
  return kExitOk;
}

int run_init(const std::string& dir_in, const CommonOptions& opt) {
  std::string dir = clean_dir(dir_in);
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator())) {
    std::cerr << "「" << dir << "」は空ではないため、何も書きませんでした。新しいフォルダ名を指定してください。\n";
    return kExitInvalidInput;
  }
  for (const auto& [path, bytes] : init_files()) {
    if (!write_file(dir + "/" + path, bytes)) {
      std::cerr << dir << "/" << path << " を書けませんでした。\n";
      return kExitInternal;
    }
  }
  if (!opt.quiet)
    std::cout << dir << "/ に入力ファイルの見本を作りました。各ファイルの例の行を書き換え、kyosei check " << dir
              << " で確認してください。\n";
  return kExitOk;
}

}  // namespace kyosei
