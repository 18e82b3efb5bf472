// How fast the site's search index is made for 3,000 pages of Japanese
// text (a 政令市's services). Run by hand:
//   ninja -C build kyosei_perftests && build/kyosei_perftests
#include <cstdio>
#include <string>
#include <vector>

#include "base/perftest_timer.h"
#include "write/site/site_search.h"

namespace kyosei {

void perftest_search() {
  const std::string paragraph =
      "地域包括支援センターでは、高齢者やその家族からの相談を受け、介護保険サービスや生活支援の情報を提供します。"
      "ひきこもりの状態にある方や、8050問題を抱える世帯への訪問支援（アウトリーチ）も行います。"
      "社会福祉協議会の生活支援コーディネーターと連携し、ＮＰＯや地域住民による見守り活動を支えます。";
  std::vector<std::string> texts;
  for (int i = 0; i < 3000; ++i) {
    std::string t = "第" + std::to_string(i) + "号事業。";
    for (int k = 0; k < 3; ++k) t += paragraph;
    texts.push_back(t);
  }
  SearchIndexBuilder builder;
  print_time_per_run("search_fold 3,000 pages", 3, [&] {
    for (const auto& t : texts) (void)search_fold(t);
  });
  print_time_per_run("prepare 3,000 pages", 3, [&] {
    for (size_t i = 0; i < texts.size(); ++i)
      (void)SearchIndexBuilder::prepare("services/S" + std::to_string(i) + ".html", "事業", "事業", "", texts[i]);
  });
  // The text pages of meeting papers are long: 40 PDFs of 20 pages.
  std::string paper;
  for (int k = 0; k < 200; ++k) paper += "議題" + std::to_string(k) + "。" + paragraph;
  print_time_per_run("prepare 40 PDF pages of ~30,000 chars", 3, [&] {
    for (int i = 0; i < 40; ++i) (void)SearchIndexBuilder::prepare("documents/a.pdf.html", "資料", "会議資料", "", paper);
  });
  for (size_t i = 0; i < texts.size(); ++i)
    builder.add("services/S" + std::to_string(i) + ".html", "事業", "事業", "", texts[i]);
  size_t bytes = 0;
  print_time_per_run("javascript() of 3,000 pages", 3, [&] { bytes = builder.javascript().size(); });
  std::printf("%-40s %8zu bytes\n", "search-index.js", bytes);
}

}  // namespace kyosei
