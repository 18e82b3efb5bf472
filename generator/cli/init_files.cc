// `kyosei init`: every input file of the contract with its header and one
// example row, written from data/schema.toml so it always matches. The CSV
// files start with a UTF-8 BOM: without it, a double-click opens them in
// Japanese Excel as Shift_JIS (mojibake). The readers accept either.
#include "base/text.h"
#include "cli/commands.h"
#include "model/reference_data.h"
#include "model/schema.h"
#include "read/csv.h"
#include "read/municipality_reader.h"

namespace kyosei {

namespace {
constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";
}  // namespace

std::vector<std::pair<std::string, std::string>> init_files() {
  std::vector<std::pair<std::string, std::string>> out;
  out.push_back({"municipality.toml", kMunicipalityTemplate});
  for (const auto& f : reference_data().schema.files) {
    std::vector<std::string> header, example;
    for (const auto& c : f.columns) {
      header.push_back(csv_quote(c.name));
      example.push_back(csv_quote(c.example));
    }
    out.push_back({f.name, kUtf8Bom + join(header, ",") + "\n" + join(example, ",") + "\n"});
  }
  out.push_back({"narrative/理念.md",
                 "<!-- 計画の基本理念を書いてください。このファイルがあると、生成される計画案の該当部分がこの文章に置き換わります。 -->\n"
                 "誰もが役割を持ち、支え合いながら、自分らしく暮らせるまちをめざします。\n"});
  out.push_back({"documents/README.txt",
                 "会議資料・議事録の PDF をこのフォルダに置き、meeting_sessions.csv の「資料」列にファイル名を書いてください。\n"});
  return out;
}

}  // namespace kyosei
