#include "read/inputs_reader.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "base/file_system.h"
#include "read/encoding.h"

using namespace kyosei;

namespace {

// A small valid dataset on a virtual disk.
MemoryFileSystem mini() {
  MemoryFileSystem fs;
  fs.put("municipality.toml", R"(name = "架空市"
code = "999997"
prefecture = "架空県"
fiscal_year = 2026
welfare_office = true
jusou_status = "実施"
[plan]
title = "第4期架空市地域福祉計画"
start_year = 2025
end_year = 2029
[site]
title = "架空市"
contact = "地域福祉課"
)");
  fs.put("areas.csv", "ID,名称,層,上位圏域\nA0,市全域,1,\nA1,北部,2,A0\nA11,北小学校区,3,A1\n");
  fs.put("services.csv",
         "ID,事業名,分野,機能,重層区分,所管課,実施方法,実施主体,圏域,事業費,按分\n"
         "S1,地域包括支援センター,高齢,相談支援,1イ,高齢福祉課,委託,架空会,A1,\"1,000,000\",\n"
         "S2,自立相談支援,生活困窮,相談支援;多機関協働,1ニ;5,生活福祉課,直営,,,10000000,1ニ:6000000;5:4000000\n");
  fs.put("staff.csv",
         "ID,氏名,所属,所属区分,役割,配分,常勤換算,担当事業,着任年月\n"
         "P1,架空 太郎,架空市社協,社協,生活支援コーディネーター;地域福祉コーディネーター,0.6;0.4,1,S1,R6.4\n"
         "P2,見本 花子,架空市,市町村,多機関協働事業の担当者,,0.5,S2;S1,2024-04\n");
  fs.put("meetings.csv", "ID,会議名,種別,守秘義務,所管課\nM1,支援会議,支援会議,あり,地域福祉課\nM2,推進委員会,計画策定委員会,なし,地域福祉課\n");
  fs.put("meeting_sessions.csv", "会議ID,開催日,議題\nM1,令和8年5月12日,守秘議題\nM2,2026/6/1,計画の進捗\n");
  return fs;
}

struct Run {
  Dataset ds;
  Diagnostics diags;
  std::vector<std::string> lines;  // formatted diagnostics
  bool has(const std::string& prefix) const {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
  }
};

Run read(const MemoryFileSystem& fs) {
  Run r;
  r.ds = read_inputs(fs, r.diags, ReadOptions{.read_documents = false});
  for (const auto& d : r.diags.sorted()) r.lines.push_back(format_diagnostic(d));
  return r;
}

std::string dump(const Run& r) {
  std::string s;
  for (auto& l : r.lines) s += l + "\n";
  return s;
}

}  // namespace

TEST_CASE("a valid dataset reads without problems into the model") {
  Run r = read(mini());
  INFO(dump(r));
  CHECK(r.lines.empty());
  CHECK(r.ds.municipality.name == "架空市");
  CHECK(r.ds.municipality.fiscal_year == 2026);
  REQUIRE(r.ds.services.size() == 2);
  CHECK(*r.ds.services[0].cost == 1000000);
  CHECK(r.ds.services[0].areas == std::vector<std::string>{"A1"});
  CHECK(r.ds.services[1].allocations.size() == 2);
  CHECK(r.ds.services[1].jusou_codes == std::vector<std::string>{"1ニ", "5"});
  REQUIRE(r.ds.staff.size() == 2);
  CHECK(r.ds.staff[0].roles[0].share == doctest::Approx(0.6));
  CHECK(r.ds.staff[1].roles[0].fte == doctest::Approx(0.5));  // equal split of 常勤換算 0.5
  CHECK(r.ds.staff[0].arrived == YearMonth{2024, 4});
  CHECK(r.ds.meetings[0].confidential);
  CHECK(r.ds.sessions[0].date == Date{2026, 5, 12});
  CHECK(r.ds.areas[2].parent == "A1");
}

TEST_CASE("headers match after NFKC, in any order; unknown columns warn") {
  auto fs = mini();
  fs.put("areas.csv", "名称,ＩＤ,層,上位圏域,備考\n市全域,A0,1,,x\nなし,A1,２,A0,\n");
  Run r = read(fs);
  INFO(dump(r));
  CHECK(!r.diags.has_errors());
  CHECK(r.has("areas.csv:1:備考: 警告:"));
  CHECK(r.ds.areas[1].layer == 2);
}

TEST_CASE("CP932 files as Excel saves them are read without being told") {
  auto fs = mini();
  std::string utf8 = "ID,名称,層,上位圏域\r\nA0,市全域,1,\r\nA1,北部,2,A0\r\n";
  fs.put("areas.csv", *convert_encoding(utf8, "UTF-8", "CP932"));
  Run r = read(fs);
  CHECK(!r.diags.has_errors());
  CHECK(r.ds.areas[1].name == "北部");
}

TEST_CASE("every error of a run is reported with file, line and column") {
  auto fs = mini();
  fs.put("services.csv",
         "ID,事業名,分野,機能,重層区分,所管課,実施方法,実施主体,圏域,事業費,按分,開始年度\n"
         "S1,包括,高齢,相談支援,1イ,高齢福祉課,委託,,A9,12万,,R0\n"
         "S1,困窮,福祉,相談,9,生活福祉課,直営,,,100,1ニ:50,\n");
  Run r = read(fs);
  INFO(dump(r));
  CHECK(r.has("services.csv:2:実施主体: エラー:"));  // required when 委託
  CHECK(r.has("services.csv:2:圏域: エラー: 「A9」は areas.csv"));
  CHECK(r.has("services.csv:2:事業費: エラー: 「12万」は金額として読めません"));
  CHECK(r.has("services.csv:2:開始年度: エラー:"));
  CHECK(r.has("services.csv:3:ID: エラー: 「S1」は 2 行目と重複"));
  CHECK(r.has("services.csv:3:分野: エラー: 「福祉」は使えない値です。期待される値: 「高齢」、「障害」"));
  CHECK(r.has("services.csv:3:機能: エラー:"));
  CHECK(r.has("services.csv:3:重層区分: エラー:"));
  CHECK(r.has("services.csv:3:按分: エラー:"));
  // staff.csv still refers to S2, which no longer exists.
  CHECK(r.has("staff.csv:3:担当事業: エラー: 「S2」は services.csv"));
}

TEST_CASE("area hierarchy: one 層1, parents on a lower 層") {
  auto fs = mini();
  fs.put("areas.csv", "ID,名称,層,上位圏域\nA0,市全域,1,\nA1,北部,2,A11\nA11,北小学校区,3,A1\nB0,別全域,1,A1\n");
  Run r = read(fs);
  INFO(dump(r));
  CHECK(r.has("areas.csv:3:上位圏域: エラー: 上位圏域「A11」は層3"));
  CHECK(r.has("areas.csv:5:層: エラー: 層1（市町村全域）の圏域が2つ以上"));
  CHECK(r.has("areas.csv:5:上位圏域: エラー: 層1"));
  CHECK(r.has("areas.csv:3:上位圏域: エラー: 上位圏域をたどると"));
}

TEST_CASE("配分 must align with 役割 and sum to at most 1; unknown roles warn") {
  auto fs = mini();
  fs.put("staff.csv",
         "ID,所属,所属区分,役割,配分\nP1,社協,社協,生活支援コーディネーター;地域福祉コーディネーター,0.8;0.4\n"
         "P2,市,市町村,多機関協働事業の担当者;参加支援員,1\nP3,市,市町村,謎の係,\n");
  Run r = read(fs);
  INFO(dump(r));
  CHECK(r.has("staff.csv:2:配分: エラー: 配分の合計が 1.2"));
  CHECK(r.has("staff.csv:3:配分: エラー: 配分の数（1）が役割の数（2）"));
  CHECK(r.has("staff.csv:4:役割: 警告:"));
  CHECK(r.diags.error_count() == 2);
}

TEST_CASE("missing files and columns; municipality.toml checks") {
  auto fs = mini();
  fs.remove("meetings.csv");
  fs.put("areas.csv", "ID,層\nA0,1\n");
  fs.put("municipality.toml", "name = \"架空市\"\ncode = \"999990\"\nprefecture = \"架空県\"\nfiscal_year = \"令和8年度\"\n"
                              "welfare_office = \"はい\"\njusou_status = \"やる\"\n[plan]\ntitle = \"計画\"\nstart_year = 2029\nend_year = 2025\n");
  Run r = read(fs);
  INFO(dump(r));
  CHECK(r.has("meetings.csv: エラー: 必須のファイルがありません"));
  CHECK(r.has("areas.csv:1:名称: エラー: 必須の列「名称」がありません"));
  CHECK(r.has("municipality.toml:2:code: エラー:"));
  CHECK(r.has("municipality.toml:5:welfare_office: エラー:"));
  CHECK(r.has("municipality.toml:6:jusou_status: エラー:"));
  CHECK(r.has("municipality.toml:10:plan.end_year: エラー:"));
  CHECK(r.has("municipality.toml:1:site: エラー:"));
  CHECK(r.ds.municipality.fiscal_year == 2026);
  // meeting_sessions.csv names meetings that cannot be checked: no false alarms.
  CHECK(!r.has("meeting_sessions.csv"));
}

TEST_CASE("documents paths may not leave documents/; dates outside the year warn") {
  auto fs = mini();
  fs.put("meeting_sessions.csv", "会議ID,開催日,資料\nM2,2026-06-01,../secret.pdf\nM2,2027-04-01,documents/ok.pdf\nM2,2026-07-01,/etc/passwd.pdf\nM2,2026-07-02,a.docx\n");
  Run r = read(fs);
  INFO(dump(r));
  CHECK(r.has("meeting_sessions.csv:2:資料: エラー:"));
  CHECK(r.has("meeting_sessions.csv:3:開催日: 警告:"));
  CHECK(!r.has("meeting_sessions.csv:3:資料"));
  CHECK(r.has("meeting_sessions.csv:4:資料: エラー:"));
  CHECK(r.has("meeting_sessions.csv:5:資料: エラー: 「a.docx」は PDF ではありません"));
}

TEST_CASE("守秘義務 なし on a body the law makes confidential is a warning") {
  auto fs = mini();
  fs.put("meetings.csv", "ID,会議名,種別,守秘義務,所管課\nM1,合同会議,重層的支援会議;支援会議,なし,地域福祉課\nM2,推進委員会,計画策定委員会,なし,地域福祉課\n");
  Run r = read(fs);
  CHECK(r.has("meetings.csv:2:守秘義務: 警告:"));
  CHECK(!r.diags.has_errors());
}

TEST_CASE("quoting problems name the line where the quote opened") {
  auto fs = mini();
  fs.put("meetings.csv", "ID,会議名,種別,守秘義務,所管課\nM1,\"支援会議,支援会議,あり,地域福祉課\nM2,推進委員会,計画策定委員会,なし,地域福祉課\n");
  Run r = read(fs);
  INFO(dump(r));
  CHECK(r.has("meetings.csv:2:会議名: エラー: 引用符"));
}

TEST_CASE("prepare_publication readies the PDFs of public meetings only, in the child that reads them") {
  auto fs = mini();
  RealFileSystem samples(KYOSEI_SOURCE_DIR "/inputs");
  auto pdf = samples.read("documents/第1回推進委員会資料.pdf");
  REQUIRE(pdf);
  fs.put("documents/public.pdf", *pdf);
  fs.put("documents/private.pdf", *pdf);
  fs.put("documents/both.pdf", *pdf);
  fs.put("meeting_sessions.csv",
         "会議ID,開催日,議題,資料\nM1,2026-05-12,守秘議題,private.pdf;both.pdf\nM2,2026-06-01,計画の進捗,public.pdf;both.pdf\n");
  Diagnostics diags;
  Dataset ds = read_inputs(fs, diags, ReadOptions{.jobs = 2, .prepare_publication = true});
  CHECK_FALSE(diags.has_errors());
  REQUIRE(ds.documents.size() == 3);
  for (const auto& d : ds.documents) {
    CAPTURE(d.path);
    CHECK(d.publication_read == (d.path == "public.pdf"));
    CHECK(d.published_ok == d.publication_read);
    CHECK(d.published_bytes.empty() != d.publication_read);
    CHECK(d.pages > 0);
  }
  Diagnostics plain_diags;
  Dataset plain = read_inputs(fs, plain_diags, ReadOptions{.jobs = 2});
  REQUIRE(plain.documents.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK_FALSE(plain.documents[i].publication_read);
    CHECK(plain.documents[i].page_texts == ds.documents[i].page_texts);
  }
}
