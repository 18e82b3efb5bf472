// kyosei: reads a municipality's welfare-planning inputs and builds plan
// drafts, council workbooks and a public website. See README.md.
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "model/schema.h"
#include "write/contract_doc.h"

namespace {

const char* kHelp = R"(kyosei — 地域福祉計画・重層的支援体制整備事業の資料づくりを手伝うツール

使い方:
  kyosei check [入力フォルダ]                 入力データを確認し、問題をすべて表示します
  kyosei build [入力フォルダ] [-o 出力フォルダ] [--previous 前年度フォルダ]
                                              計画案・Excel・公開サイトを作ります
  kyosei init 新しいフォルダ                  入力ファイルの見本一式を作ります
  kyosei --help                               この説明を表示します
  kyosei --version                            版数を表示します

入力フォルダを省略すると inputs、出力フォルダを省略すると out を使います。

オプション:
  -o, --output フォルダ   出力先（前回の出力は、成功したときだけ置き換わります）
  --previous フォルダ     前年度の入力フォルダ（前年度からの変化を示します）
  --strict                警告もエラーとして扱います
  -q, --quiet             問題があるときだけ表示します

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
  std::vector<std::string> positional;
  std::string out = "out", previous;
  kyosei::CommonOptions opt;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--output" || a == "--previous") {
      if (i + 1 >= args.size()) return usage_error(a + " の後にフォルダを指定してください");
      (a == "--previous" ? previous : out) = args[++i];
    } else if (a == "--strict") {
      opt.strict = true;
    } else if (a == "-q" || a == "--quiet") {
      opt.quiet = true;
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
  if (command == "check") return kyosei::run_check(dir, opt);
  if (command == "build") return kyosei::run_build(dir, out, previous, opt);
  if (command == "init") {
    if (positional.empty()) return usage_error("作るフォルダを指定してください（例: kyosei init 令和8年度）");
    return kyosei::run_init(dir, opt);
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
