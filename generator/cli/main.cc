// kyosei: reads a municipality's welfare-planning inputs and builds plan
// drafts, council workbooks and a public website. See README.md.
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "base/text.h"
#include "cli/assessment_commands.h"
#include "cli/command_line.h"
#include "cli/batch_commands.h"
#include "cli/commands.h"
#include "cli/prefecture_commands.h"
#include "model/reference_data.h"
#include "cli/population_commands.h"
#include "model/schema.h"
#include "write/contract/contract_doc.h"

namespace {

using kyosei::CommandLine;

int run_contract(const CommandLine&) {  // for docs/inputs.md; see tests/e2e/test_docs.py
  std::cout << kyosei::render_contract_tables(kyosei::reference_data().schema);
  return kyosei::kExitOk;
}
int run_check(const CommandLine& cl) { return kyosei::run_check(cl.folder("inputs"), cl.opt); }
int run_build(const CommandLine& cl) { return kyosei::run_build(cl.folder("inputs"), cl.out, cl.previous, cl.opt); }
int run_init(const CommandLine& cl) {
  if (cl.positional.empty()) return kyosei::usage_error("作るフォルダを指定してください（例: kyosei init 令和8年度）");
  return kyosei::run_init(cl.positional[0], cl.opt);
}
int run_template(const CommandLine& cl) {
  if (!cl.output_given) return kyosei::usage_error("作る様式のファイル名を -o で指定してください（例: kyosei template -o 入力様式.xlsx inputs）");
  return kyosei::run_template(cl.folder(""), cl.out, cl.opt);
}
int run_import(const CommandLine& cl) {
  if (cl.positional.empty()) return kyosei::usage_error("入力様式（.xlsx）を指定してください（例: kyosei import 入力様式.xlsx -o 令和8年度）");
  if (!cl.output_given) return kyosei::usage_error("作る入力フォルダを -o で指定してください（例: kyosei import 入力様式.xlsx -o 令和8年度）");
  return kyosei::run_import(cl.positional[0], cl.out, cl.opt);
}
int run_import_assessment(const CommandLine& cl) {
  if (cl.positional.empty()) return kyosei::usage_error("自己点検シート（.xlsx）を指定してください（例: kyosei import-assessment 自己点検シート.xlsx -o assessment.csv）");
  if (!cl.output_given) return kyosei::usage_error("作る CSV を -o で指定してください（例: kyosei import-assessment 自己点検シート.xlsx -o assessment.csv）");
  return kyosei::run_import_assessment(cl.positional[0], cl.out, cl.opt);
}
int run_prefecture(const CommandLine& cl) { return kyosei::run_prefecture_command(cl.args); }
int run_import_population(const CommandLine& cl) { return kyosei::run_import_population(cl.args); }
int run_build_all(const CommandLine& cl) {
  if (cl.positional.empty()) return kyosei::usage_error("団体ごとの入力フォルダを並べたフォルダを指定してください（例: kyosei build-all 全団体 -o 出力）");
  return kyosei::run_build_all(cl.positional[0], cl.out, cl.shard, cl.opt);
}

// Every command, in the order `kyosei --help` lists them.
// To add a command, append ONE line here: {"name", "usage", "summary", handler}
// (summary in Japanese, "\n" for a second line; nullptr keeps it out of
// --help; then optionally own_options = true for a command that parses its
// own arguments, and the most folders or files it takes, default 1). Write
// the handler, int (const CommandLine&), in its own cli/ file and include
// its header above.
const kyosei::Command kCommands[] = {
    {"check", "[入力フォルダ]", "入力データを確認し、問題をすべて表示します", run_check},
    {"build", "[入力フォルダ] [-o 出力フォルダ] [--previous 前年度フォルダ]", "計画案・Excel・公開サイトを作ります", run_build},
    {"build-all", "親フォルダ -o 出力フォルダ [--shard K/N]", "親フォルダの下の団体ごとの入力フォルダをまとめて作ります\n（出力は 出力フォルダ/<フォルダ名>/。1 団体の誤りで他は止まりません）", run_build_all},
    {"init", "新しいフォルダ", "入力ファイルの見本一式を作ります", run_init},
    {"template", "-o 入力様式.xlsx [入力フォルダ]", "Excel の入力様式を作ります（フォルダを渡すとその内容入り）", run_template},
    {"import", "入力様式.xlsx -o 入力フォルダ [--documents-from 資料フォルダ]", "書き込んだ入力様式を入力フォルダに戻します", run_import},
    {"import-assessment", "自己点検シート.xlsx -o assessment.csv", "記入した自己点検シートを assessment.csv に戻します", run_import_assessment},
    {"contract", "", nullptr, run_contract, true},
    {"prefecture", "親フォルダ -o 出力フォルダ [--previous 前年度の親フォルダ]",
     "市町村ごとの入力フォルダを集計し、都道府県集計.xlsx・CSV・サイトを作ります\n（未提出・不備の市町村は印をつけて集計から除き、終了コード 2）",
     run_prefecture, true},
    {"import-population", "地域・年齢別人口.csv [入力フォルダ] [--map 町丁字と圏域.csv] [-o 新しいareas.csv]", "オープンデータの人口から圏域の人口・高齢化率を確かめ、埋めます", run_import_population, true},
};

// --help: one line per listed command, the summary from column 46 (on the
// next line when the usage is longer).
std::string help_text() {
  std::string out = "kyosei — 地域福祉計画・重層的支援体制整備事業の資料づくりを手伝うツール\n\n使い方:\n";
  auto line = [&out](const std::string& usage, const char* summary) {
    constexpr size_t kSummaryColumn = 46;
    std::string left = "  kyosei " + usage;
    size_t width = kyosei::display_width(left);
    if (width < kSummaryColumn) {
      out += left + std::string(kSummaryColumn - width, ' ');
    } else {
      out += left + "\n" + std::string(kSummaryColumn, ' ');
    }
    for (const char* p = summary; *p; ++p) {
      out += *p;
      if (*p == '\n') out += std::string(kSummaryColumn, ' ');
    }
    out += "\n";
  };
  for (const auto& c : kCommands) {
    if (c.summary) line(std::string(c.name) + (*c.usage ? " " : "") + c.usage, c.summary);
  }
  line("--help", "この説明を表示します");
  line("--version", "版数を表示します");
  out += R"(
入力フォルダを省略すると inputs、出力フォルダを省略すると out を使います。

オプション:
  -o, --output フォルダ   出力先（前回の出力は、成功したときだけ置き換わります）
  --previous フォルダ     前年度の入力フォルダ（前年度からの変化を示します）
  --strict                警告もエラーとして扱います
  -q, --quiet             問題があるときだけ表示します
  --force                 template・import で、すでにあるファイルを上書きします
  --backup                build で、出力フォルダにある kyosei が書いていないファイルや書いた後に
                          変更されたファイルを「出力フォルダ名.退避-日時」フォルダへ移してから
                          作り直します（付けないときは、そのようなファイルがあれば止まります）
  --documents-from フォルダ
                          import で、会議の記録（meeting_sessions）が挙げるPDFのうち入力フォルダの
                          documents/ にないものを、このフォルダ（同じ相対パス）から写します
  --audience council|internal
                          build の Excel・CSV の対象（既定 council: 審議会用。職員の氏名と
                          守秘義務のある会議の議題を載せません。internal: 庁内用。載せます）
  --pdf                   build・build-all で、印刷用の HTML（計画案・自己点検レポート・相談先の
                          圏域別チラシ）を PDF にもします（chromium を使います。数秒かかります）
  -j, --jobs 数           build・build-all で同時に使うスレッド数（既定: CPU のコア数。
                          1 なら順に作ります。出力はどちらでも同じです）
  --shard K/N             build-all で、団体コード（上5桁）を N で割った余りが K-1 の団体だけを作ります
                          （複数のマシンや CI で分けて作るとき。README.md 参照）
  --encoding utf-8|cp932  build の CSV の文字コード（既定 utf-8: BOM 付き UTF-8。cp932 は
                          Shift_JIS で、表せない文字があればその箇所を示して止まります）

終了コード:
  0  成功
  2  入力データに誤りがある（すべての箇所を「ファイル:行:列」で表示します）
  3  内部エラー（入力ではなくツールの問題です。開発者に連絡してください）
)";
  return out;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << help_text();
    return args.empty() ? kyosei::kExitInvalidInput : kyosei::kExitOk;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "kyosei " << KYOSEI_VERSION << "（入力データ仕様 第1版）\n";
    return kyosei::kExitOk;
  }
  const kyosei::Command* command = nullptr;
  for (const auto& c : kCommands) {
    if (args[0] == c.name) command = &c;
  }
  CommandLine cl;
  cl.command = args[0];
  cl.args.assign(args.begin() + 1, args.end());
  if (command && command->own_options) return command->run(cl);
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--output" || a == "--previous") {
      if (i + 1 >= args.size()) return kyosei::usage_error(a + " の後にフォルダを指定してください");
      (a == "--previous" ? cl.previous : cl.out) = args[++i];
      cl.output_given |= a != "--previous";
    } else if (a == "--strict") {
      cl.opt.strict = true;
    } else if (a == "-q" || a == "--quiet") {
      cl.opt.quiet = true;
    } else if (a == "--force") {
      cl.opt.force = true;
    } else if (a == "--backup") {
      cl.opt.backup = true;
    } else if (a == "--pdf") {
      cl.opt.pdf = true;
    } else if (a == "--documents-from") {
      if (i + 1 >= args.size()) return kyosei::usage_error("--documents-from の後に会議資料（PDF）のフォルダを指定してください");
      cl.opt.documents_from = args[++i];
    } else if (a == "--audience" || a == "--encoding") {
      if (i + 1 >= args.size()) return kyosei::usage_error(a + " の後に値を指定してください");
      const std::string& v = args[++i];
      if (a == "--audience") {
        auto audience = kyosei::parse_audience(v);
        if (!audience) return kyosei::usage_error("--audience は council または internal です: " + v);
        cl.opt.audience = *audience;
      } else {
        auto encoding = kyosei::parse_csv_encoding(v);
        if (!encoding) return kyosei::usage_error("--encoding は utf-8 または cp932 です: " + v);
        cl.opt.csv_encoding = *encoding;
      }
    } else if (a == "--shard") {
      if (i + 1 >= args.size()) return kyosei::usage_error("--shard の後に K/N を指定してください（例: --shard 1/4）");
      auto parsed = kyosei::parse_shard(args[++i]);
      if (!parsed) return kyosei::usage_error("--shard は K/N（1 ≦ K ≦ N）です: " + args[i]);
      cl.shard = *parsed;
    } else if (a == "--jobs" || a == "-j") {
      if (i + 1 >= args.size()) return kyosei::usage_error(a + " の後に数を指定してください（例: --jobs 2）");
      auto jobs = kyosei::parse_jobs(args[++i]);
      if (!jobs) return kyosei::usage_error("--jobs は 1 以上の整数です: " + args[i]);
      cl.opt.jobs = *jobs;
    } else if (a == "--help" || a == "-h") {
      std::cout << help_text();
      return kyosei::kExitOk;
    } else if (!a.empty() && a[0] == '-') {
      return kyosei::usage_error("知らないオプションです: " + a);
    } else {
      cl.positional.push_back(a);
    }
  }
  if (cl.positional.size() > (command ? command->max_positional : 1)) {
    return kyosei::usage_error("フォルダは1つだけ指定してください");
  }
  if (!command) return kyosei::usage_error("知らないコマンドです: " + cl.command);
  return command->run(cl);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kyosei: 内部エラーが起きました（" << e.what() << "）。入力ではなくツールの問題です。\n";
    return kyosei::kExitInternal;
  } catch (...) {
    std::cerr << "kyosei: 内部エラーが起きました。入力ではなくツールの問題です。\n";
    return kyosei::kExitInternal;
  }
}
