// kyosei: reads a municipality's welfare-planning inputs and builds plan
// drafts, council workbooks and a public website. See README.md.
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/assessment_commands.h"
#include "cli/batch_commands.h"
#include "cli/commands.h"
#include "cli/prefecture_commands.h"
#include "model/schema.h"
#include "write/contract_doc.h"

namespace {

const char* kHelp = R"(kyosei — 地域福祉計画・重層的支援体制整備事業の資料づくりを手伝うツール

使い方:
  kyosei check [入力フォルダ]                 入力データを確認し、問題をすべて表示します
  kyosei build [入力フォルダ] [-o 出力フォルダ] [--previous 前年度フォルダ]
                                              計画案・Excel・公開サイトを作ります
  kyosei build-all 親フォルダ -o 出力フォルダ [--shard K/N]
                                              親フォルダの下の団体ごとの入力フォルダをまとめて作ります
                                              （出力は 出力フォルダ/<フォルダ名>/。1 団体の誤りで他は止まりません）
  kyosei init 新しいフォルダ                  入力ファイルの見本一式を作ります
  kyosei template -o 入力様式.xlsx [入力フォルダ]
                                              Excel の入力様式を作ります（フォルダを渡すとその内容入り）
  kyosei import 入力様式.xlsx -o 入力フォルダ 書き込んだ入力様式を入力フォルダに戻します
  kyosei import-assessment 自己点検シート.xlsx -o assessment.csv
                                              記入した自己点検シートを assessment.csv に戻します
  kyosei prefecture 親フォルダ -o 出力フォルダ [--previous 前年度の親フォルダ]
                                              市町村ごとの入力フォルダを集計し、都道府県集計.xlsx・CSV・サイトを作ります
                                              （未提出・不備の市町村は印をつけて集計から除き、終了コード 2）
  kyosei --help                               この説明を表示します
  kyosei --version                            版数を表示します

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
  --audience council|internal
                          build の Excel・CSV の対象（既定 council: 審議会用。職員の氏名と
                          守秘義務のある会議の議題を載せません。internal: 庁内用。載せます）
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

int usage_error(const std::string& msg) {
  std::cerr << "kyosei: " << msg << "\n使い方は kyosei --help で表示できます。\n";
  return kyosei::kExitInvalidInput;
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kHelp;
    return args.empty() ? kyosei::kExitInvalidInput : kyosei::kExitOk;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "kyosei " << KYOSEI_VERSION << "（入力データ仕様 第1版）\n";
    return kyosei::kExitOk;
  }
  std::string command = args[0];
  if (command == "contract") {  // for docs/inputs.md; see tests/e2e/test_docs.py
    std::cout << kyosei::render_contract_tables(kyosei::builtin_schema());
    return kyosei::kExitOk;
  }
  if (command == "prefecture") return kyosei::run_prefecture_command({args.begin() + 1, args.end()});
  std::vector<std::string> positional;
  std::string out = "out", previous;
  bool output_given = false;
  kyosei::CommonOptions opt;
  kyosei::Shard shard;  // build-all --shard K/N
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--output" || a == "--previous") {
      if (i + 1 >= args.size()) return usage_error(a + " の後にフォルダを指定してください");
      (a == "--previous" ? previous : out) = args[++i];
      output_given |= a != "--previous";
    } else if (a == "--strict") {
      opt.strict = true;
    } else if (a == "-q" || a == "--quiet") {
      opt.quiet = true;
    } else if (a == "--force") {
      opt.force = true;
    } else if (a == "--backup") {
      opt.backup = true;
    } else if (a == "--audience" || a == "--encoding") {
      if (i + 1 >= args.size()) return usage_error(a + " の後に値を指定してください");
      const std::string& v = args[++i];
      if (a == "--audience") {
        auto audience = kyosei::parse_audience(v);
        if (!audience) return usage_error("--audience は council または internal です: " + v);
        opt.audience = *audience;
      } else {
        auto encoding = kyosei::parse_csv_encoding(v);
        if (!encoding) return usage_error("--encoding は utf-8 または cp932 です: " + v);
        opt.csv_encoding = *encoding;
      }
    } else if (a == "--shard") {
      if (i + 1 >= args.size()) return usage_error("--shard の後に K/N を指定してください（例: --shard 1/4）");
      auto parsed = kyosei::parse_shard(args[++i]);
      if (!parsed) return usage_error("--shard は K/N（1 ≦ K ≦ N）です: " + args[i]);
      shard = *parsed;
    } else if (a == "--jobs" || a == "-j") {
      if (i + 1 >= args.size()) return usage_error(a + " の後に数を指定してください（例: --jobs 2）");
      auto jobs = kyosei::parse_jobs(args[++i]);
      if (!jobs) return usage_error("--jobs は 1 以上の整数です: " + args[i]);
      opt.jobs = *jobs;
    } else if (a == "--help" || a == "-h") {
      std::cout << kHelp;
      return kyosei::kExitOk;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("知らないオプションです: " + a);
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() > 1) return usage_error("フォルダは1つだけ指定してください");
  std::string dir = positional.empty() ? "inputs" : positional[0];
  if (command == "build-all") {  // cli/batch_commands.h
    if (positional.empty()) return usage_error("団体ごとの入力フォルダを並べたフォルダを指定してください（例: kyosei build-all 全団体 -o 出力）");
    return kyosei::run_build_all(positional[0], out, shard, opt, "/proc/self/exe");
  }
  if (command == "check") return kyosei::run_check(dir, opt);
  if (command == "build") return kyosei::run_build(dir, out, previous, opt);
  if (command == "init") {
    if (positional.empty()) return usage_error("作るフォルダを指定してください（例: kyosei init 令和8年度）");
    return kyosei::run_init(dir, opt);
  }
  if (command == "template") {
    if (!output_given) return usage_error("作る様式のファイル名を -o で指定してください（例: kyosei template -o 入力様式.xlsx inputs）");
    return kyosei::run_template(positional.empty() ? "" : positional[0], out, opt);
  }
  if (command == "import") {
    if (positional.empty()) return usage_error("入力様式（.xlsx）を指定してください（例: kyosei import 入力様式.xlsx -o 令和8年度）");
    if (!output_given) return usage_error("作る入力フォルダを -o で指定してください（例: kyosei import 入力様式.xlsx -o 令和8年度）");
    return kyosei::run_import(positional[0], out, opt);
  }
  if (command == "import-assessment") {
    if (positional.empty()) return usage_error("自己点検シート（.xlsx）を指定してください（例: kyosei import-assessment 自己点検シート.xlsx -o assessment.csv）");
    if (!output_given) return usage_error("作る CSV を -o で指定してください（例: kyosei import-assessment 自己点検シート.xlsx -o assessment.csv）");
    return kyosei::run_import_assessment(positional[0], out, opt);
  }
  return usage_error("知らないコマンドです: " + command);
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
