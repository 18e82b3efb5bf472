// How fast the CSV parser and the schema-driven reader go on a large
// services.csv (3,000 rows, 政令市 scale, repeated). Run by hand:
//   build/kyosei_perftests
#include <cstdio>
#include <string>

#include "base/file_system.h"
#include "base/perftest_timer.h"
#include "model/schema.h"
#include "read/csv.h"
#include "read/table_reader.h"

namespace kyosei {

void perftest_csv() {
  std::string csv = "ID,事業名,分野,機能,重層区分,所管課,実施方法,実施主体,概要\n";
  for (int i = 0; i < 3000; ++i)
    csv += "S" + std::to_string(i) + ",\"地域包括支援センター運営事業, 第" + std::to_string(i) +
           "\",高齢,相談支援;地域づくり,1イ,高齢福祉課,委託,社会福祉法人架空会,\"**概要**\n複数行の説明\"\n";
  MemoryFileSystem fs;
  fs.put("services.csv", csv);
  const FileSpec& spec = *builtin_schema().file("services.csv");

  print_time_per_run("parse_csv 3,000 rows", 20, [&] { parse_csv(csv); });
  print_time_per_run("read_table services.csv 3,000 rows", 5, [&] {
    Diagnostics d;
    read_table(fs, spec, d);
  });
}

}  // namespace kyosei
