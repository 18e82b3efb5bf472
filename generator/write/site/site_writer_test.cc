#include "write/site/site_writer.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <unistd.h>

#include "write/markdown/html_typeset.h"
#include "write/site/site_layout.h"
#include "write/site/site_page.h"

namespace kyosei {

namespace {

namespace fs = std::filesystem;

Dataset sample_dataset() {
  Dataset ds;
  ds.folder = "inputs";
  Municipality& m = ds.municipality;
  m.name = "架空市";
  m.code = "999997";
  m.fiscal_year = 2026;
  m.population = 182000;
  m.jusou_status = "実施";
  m.jusou_start_year = 2023;
  m.plan = {"第4期架空市地域福祉計画", 2025, 2029};
  m.site = {"架空市 地域共生のとりくみ", "", "架空市 福祉部 地域福祉課 電話 000-000-0000"};

  ds.areas.push_back({"A0", "架空市全域", 1, "", std::nullopt, std::nullopt, 2});
  ds.areas.push_back({"N1", "北部圏域", 2, "A0", std::nullopt, std::nullopt, 3});

  Service open;
  open.id = "S01";
  open.name = "福祉まるごと相談窓口";
  open.field = "地域福祉";
  open.functions = {"相談支援", "多機関協働"};
  open.jusou_codes = {"1イ", "2"};
  open.department = "地域福祉課";
  open.method = "直営";
  open.areas = {"N1"};
  open.cost = 12000000;
  open.start_year = 2023;
  open.summary_markdown =
      "# 窓口について\n\n分野を問わず相談を受けます。<script>alert(1)</script>\n\n"
      "[x](javascript:alert(1)) [y](data:text/html,hi) **大切**";
  ds.services.push_back(open);

  Service hidden = open;
  hidden.id = "S02";
  hidden.name = "非公開テスト事業";
  hidden.summary_markdown = "非公開の概要";
  hidden.is_public = false;
  ds.services.push_back(hidden);

  Service odd;
  odd.id = "相談/../窓口";
  odd.name = "名前に<b>記号</b>|*を含む事業";
  odd.field = "高齢";
  odd.functions = {"地域づくり"};
  odd.department = "長寿課";
  odd.method = "委託";
  odd.provider = "架空市社会福祉協議会";
  ds.services.push_back(odd);

  Staff person;
  person.id = "P01";
  person.name = "秘密 花子";
  person.organisation = "架空市社会福祉協議会";
  person.organisation_type = "社協";
  person.roles = {{"相談支援包括化推進員", 1.0, 1.0}};
  ds.staff.push_back(person);

  Meeting secret;
  secret.id = "M01";
  secret.name = "重層的支援会議";
  secret.kinds = {"重層的支援会議", "支援会議"};
  secret.confidential = true;
  secret.department = "地域福祉課";
  secret.planned_per_year = 12;
  ds.meetings.push_back(secret);

  Meeting open_meeting;
  open_meeting.id = "M02";
  open_meeting.name = "地域福祉計画策定委員会";
  open_meeting.kinds = {"計画策定委員会"};
  open_meeting.department = "地域福祉課";
  open_meeting.purpose = "計画の策定と評価";
  ds.meetings.push_back(open_meeting);

  ds.sessions.push_back({"M01", {2026, 6, 10}, 8, {}, 3, "守秘議題テスト", {"secret/事例.pdf"}, 2});
  ds.sessions.push_back({"M02", {2026, 9, 1}, 15, {}, std::nullopt, "公開議題テスト", {"2026/第1回 資料.pdf"}, 3});
  ds.sessions.push_back({"M01", {2026, 5, 12}, 7, {}, 2, "", {}, 4});

  ds.documents.push_back({"secret/事例.pdf", "事例検討シート", 2, "支援対象者の事例", {"支援対象者の事例", ""}});
  ds.documents.push_back({"2026/第1回 資料.pdf", "第1回 策定委員会資料", 3, "次第\n1. 開会 <b>", {"次第", "", ""}});
  return ds;
}

// A real (tiny) PDF: published PDFs go through qpdf, which removes /Info.
const char* const kTinyPdf = R"PDF(%PDF-1.4
1 0 obj
<< /Type /Catalog /Pages 2 0 R >>
endobj
2 0 obj
<< /Type /Pages /Kids [3 0 R] /Count 1 >>
endobj
3 0 obj
<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>
endobj
4 0 obj
<< /Title (T) /Author (Secret Author) >>
endobj
xref
0 5
0000000000 65535 f 
0000000009 00000 n 
0000000058 00000 n 
0000000115 00000 n 
0000000186 00000 n 
trailer
<< /Size 5 /Root 1 0 R /Info 4 0 R >>
startxref
242
%%EOF
)PDF";

MemoryFileSystem sample_inputs() {
  MemoryFileSystem inputs;
  inputs.put("documents/secret/事例.pdf", kTinyPdf);
  inputs.put("documents/2026/第1回 資料.pdf", kTinyPdf);
  return inputs;
}

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("kyosei_site_test_" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  return dir;
}

// Every written file: path under dir -> bytes.
std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = *read_file(e.path().string());
  return out;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Written {
  std::map<std::string, std::string> files;
  Diagnostics diags;
};

Written write_sample(const std::string& name) {
  Dataset ds = sample_dataset();
  MemoryFileSystem inputs = sample_inputs();
  fs::path dir = fresh_dir(name);
  Written w;
  const Analysis analysis(ds, builtin_reference());
  write_site(analysis, inputs, dir.string(), w.diags);
  w.files = read_tree(dir);
  // These tests look for phrases; html_typeset_test.cc tests the <wbr>.
  for (auto& [path, bytes] : w.files)
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) bytes = remove_word_breaks(bytes);
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::remove(dir.parent_path(), ec);  // only once empty
  return w;
}

}  // namespace

TEST_CASE("write_site writes the expected pages") {
  auto w = write_sample("pages");
  CHECK_FALSE(w.diags.has_errors());
  for (const char* path : {"index.html", "services/index.html", "services/S01.html", "meetings/index.html",
                           "meetings/M01.html", "meetings/M02.html", "assets/style.css", "documents/2026/第1回 資料.pdf"})
    CHECK_MESSAGE(w.files.count(path), path);
  CHECK(w.files.count(service_page_path("相談/../窓口")));
  CHECK(w.files["documents/2026/第1回 資料.pdf"].rfind("%PDF-", 0) == 0);
  CHECK(w.files["documents/2026/第1回 資料.pdf"].find("Secret Author") == std::string::npos);  // metadata removed

  const std::string& service = w.files["services/S01.html"];
  CHECK(service.find("第1号イ") != std::string::npos);
  CHECK(service.find("地域包括支援センターの運営") != std::string::npos);
  CHECK(service.find("12,000,000円") != std::string::npos);
  CHECK(service.find("令和5年度（2023年度）") != std::string::npos);
  CHECK(service.find("北部圏域") != std::string::npos);
  CHECK(service.find("<h3>窓口について</h3>") != std::string::npos);
  CHECK(service.find("<strong>大切</strong>") != std::string::npos);
  const std::string& odd = w.files[service_page_path("相談/../窓口")];
  CHECK(odd.find("名前に&lt;b&gt;記号&lt;/b&gt;|*を含む事業") != std::string::npos);
  CHECK(odd.find("全域") != std::string::npos);
  CHECK(odd.find("未把握") != std::string::npos);  // 事業費

  const std::string& open_meeting = w.files["meetings/M02.html"];
  CHECK(open_meeting.find("公開議題テスト") != std::string::npos);
  CHECK(open_meeting.find("令和8年9月1日") != std::string::npos);
  CHECK(open_meeting.find("第1回 策定委員会資料（PDF形式、3ページ") != std::string::npos);
  CHECK(open_meeting.find("次第\n1. 開会 &lt;b&gt;") != std::string::npos);
  CHECK(open_meeting.find("href=\"../documents/2026/%E7%AC%AC1%E5%9B%9E%20%E8%B3%87%E6%96%99.pdf\"") !=
        std::string::npos);

  const std::string& secret = w.files["meetings/M01.html"];
  CHECK(secret.find("守秘義務のある会議のため、議題は公開していません。") != std::string::npos);
  CHECK(secret.find("令和8年5月12日") < secret.find("令和8年6月10日"));  // sorted by date
  CHECK(secret.find("<th scope=\"col\">議題</th>") == std::string::npos);
}

TEST_CASE("write_site publishes nothing private") {
  auto w = write_sample("privacy");
  for (const auto& [file, bytes] : w.files) {
    const std::string& path = file;
    CAPTURE(path);
    CHECK(bytes.find("秘密 花子") == std::string::npos);
    CHECK(bytes.find("秘密") == std::string::npos);
    CHECK(bytes.find("守秘議題テスト") == std::string::npos);
    CHECK(bytes.find("非公開テスト事業") == std::string::npos);
    CHECK(bytes.find("非公開の概要") == std::string::npos);
    CHECK(bytes.find("事例検討シート") == std::string::npos);
    CHECK(bytes.find("支援対象者の事例") == std::string::npos);
    CHECK_FALSE(std::regex_search(bytes, std::regex("<script(?! src=\"(\\.\\./)*assets/[a-z-]+\\.js\" defer>)")));
    CHECK(bytes.find("javascript:") == std::string::npos);
    CHECK(bytes.find("data:text") == std::string::npos);
  }
  CHECK_FALSE(w.files.count("services/S02.html"));
  CHECK_FALSE(w.files.count("documents/secret/事例.pdf"));
}

TEST_CASE("write_site pages share the accessible, locked-down frame") {
  auto w = write_sample("frame");
  const std::regex url_attr(R"re((?:href|src)="([^"]*)")re");
  int pages = 0;
  for (const auto& [file, bytes] : w.files) {
    const std::string& path = file;
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    ++pages;
    CAPTURE(path);
    CHECK(bytes.rfind("<!DOCTYPE html>\n<html lang=\"ja\">", 0) == 0);
    CHECK(bytes.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(bytes.find("<meta http-equiv=\"Content-Security-Policy\" content=\"" +
                     std::string(kSiteContentSecurityPolicy) + "\">") != std::string::npos);
    CHECK(std::string(kSiteContentSecurityPolicy).find("script-src 'self'") != std::string::npos);
    CHECK(std::string(kSiteContentSecurityPolicy).find("unsafe") == std::string::npos);
    CHECK(bytes.find("<main id=\"main\"") != std::string::npos);
    CHECK(bytes.find("href=\"#main\"") != std::string::npos);
    CHECK(bytes.find("架空市 福祉部 地域福祉課 電話 <a class=\"tel\" href=\"tel:0000000000\">000-000-0000</a>") !=
          std::string::npos);
    CHECK(bytes.find(" style=") == std::string::npos);
    CHECK(bytes.find("<style") == std::string::npos);
    // Tables kyosei composes have a caption (Markdown tables typed by staff cannot).
    for (size_t at = bytes.find("<div class=\"table-scroll\""); at != std::string::npos;
         at = bytes.find("<div class=\"table-scroll\"", at + 1))
      CHECK(bytes.substr(at, bytes.find("</table>", at) - at).find("<caption>") != std::string::npos);

    // Every link is relative and points at a file of the site.
    fs::path page_dir = fs::path(path).parent_path();
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), url_attr); it != std::sregex_iterator(); ++it) {
      std::string url = (*it)[1];
      CAPTURE(url);
      CHECK(url.find("://") == std::string::npos);
      CHECK(url.rfind("/", 0) != 0);
      std::string target = url.substr(0, url.find('#'));
      if (target.empty()) continue;  // same-page fragment
      if (target.rfind("tel:", 0) == 0) continue;  // the contact's phone number
      std::string resolved = (page_dir / percent_decode(target)).lexically_normal().generic_string();
      CHECK_MESSAGE(w.files.count(resolved), resolved);
    }
  }
  CHECK(pages >= 15);  // other producers (plan drafts) add more
  CHECK(w.files["services/S01.html"].find("aria-current=\"page\"") != std::string::npos);
  CHECK(w.files["services/index.html"].find("<a href=\"index.html\" aria-current=\"page\">事業一覧</a>") !=
        std::string::npos);
}

TEST_CASE("write_site output is byte-identical across runs") {
  auto a = write_sample("run1");
  auto b = write_sample("run2");
  CHECK(a.files == b.files);
}

TEST_CASE("write_site adds areas, documents, accessibility, site map and search") {
  auto w = write_sample("sections");
  for (const char* path : {"areas/index.html", "areas/A0.html", "areas/N1.html", "documents/index.html",
                           "documents/2026/第1回 資料.pdf.html", "accessibility.html", "sitemap.html", "search.html",
                           "assets/search-index.js", "assets/search.js", "assets/filter.js"})
    CHECK_MESSAGE(w.files.count(path), path);
  CHECK_FALSE(w.files.count("sitemap.xml"));  // no base_url

  // 全域 services are on the 層1 page; the service with 圏域 N1 on N1's.
  const std::string& top = w.files["areas/A0.html"];
  CHECK(top.find(relative_link("areas/A0.html", service_page_path("相談/../窓口"))) != std::string::npos);
  CHECK(top.find("../services/S01.html") == std::string::npos);
  CHECK(top.find("href=\"N1.html\"") != std::string::npos);  // child area
  CHECK(w.files["areas/N1.html"].find("../services/S01.html") != std::string::npos);
  // The person has no 担当圏域: counted on the 層1 page, by the role's 分野.
  CHECK(top.find("重層的支援体制整備事業（分野横断）") != std::string::npos);
  CHECK(top.find("<td class=\"num\">1人</td>") != std::string::npos);

  // The PDF's page: one section per page, the text escaped; the tiny PDF
  // of this test renders, so it has a thumbnail.
  const std::string& doc = w.files["documents/2026/第1回 資料.pdf.html"];
  CHECK(doc.find("<h2 id=\"page-3\">3ページ</h2>") != std::string::npos);
  CHECK(doc.find("<img class=\"thumbnail\"") != std::string::npos);
  CHECK(w.files.count("documents/2026/第1回 資料.pdf.png"));
  CHECK(doc.find("../../meetings/M02.html") != std::string::npos);
  CHECK(w.files["meetings/M02.html"].find("pdf.html") != std::string::npos);

  CHECK(w.files["accessibility.html"].find("試験結果は未登録です") != std::string::npos);
  CHECK(w.files["accessibility.html"].find("令和8年度（2026年度）") != std::string::npos);
  const std::string& sitemap = w.files["sitemap.html"];
  for (const char* path : {"services/S01.html", "areas/N1.html", "accessibility.html", "search.html"})
    CHECK_MESSAGE(sitemap.find(std::string("href=\"") + url_encode_path(path) + "\"") != std::string::npos, path);
  const std::string& index = w.files["assets/search-index.js"];
  CHECK(index.rfind("/* kyosei", 0) == 0);
  CHECK(index.find("window.KYOSEI_SEARCH_INDEX={") != std::string::npos);
  CHECK(index.find("\"services/S01.html\"") != std::string::npos);
  CHECK(index.find("\"search.html\"") == std::string::npos);
  CHECK(index.find("\"窓口\"") != std::string::npos);
}

TEST_CASE("write_site writes sitemap.xml with absolute URLs when base_url is set") {
  Dataset ds = sample_dataset();
  ds.municipality.site.base_url = "https://example.jp/kyosei";
  MemoryFileSystem inputs = sample_inputs();
  fs::path dir = fresh_dir("sitemap");
  Diagnostics diags;
  const Analysis analysis(ds, builtin_reference());
  CHECK(write_site(analysis, inputs, dir.string(), diags));
  auto files = read_tree(dir);
  fs::remove_all(dir);
  const std::string& xml = files["sitemap.xml"];
  CHECK(xml.find("<loc>https://example.jp/kyosei/index.html</loc>") != std::string::npos);
  CHECK(xml.find("<loc>https://example.jp/kyosei/documents/2026/%E7%AC%AC1%E5%9B%9E%20%E8%B3%87%E6%96%99.pdf.html</loc>") !=
        std::string::npos);
  CHECK(xml.find("lastmod") == std::string::npos);
}

TEST_CASE("write_site refuses a site that would show a staff name, and writes nothing") {
  Dataset ds = sample_dataset();
  ds.staff[0].line = 7;
  ds.services[0].summary_markdown += "\n\n担当: 秘密　花子";  // full-width space: still the name
  MemoryFileSystem inputs = sample_inputs();
  fs::path dir = fresh_dir("guard");
  Diagnostics diags, privacy;
  const Analysis analysis(ds, builtin_reference());
  CHECK_FALSE(write_site(analysis, inputs, dir.string(), diags, {.privacy_problems = &privacy}));
  CHECK_FALSE(diags.has_errors());
  REQUIRE(privacy.error_count() == 1);
  const Diagnostic& d = privacy.items()[0];
  CHECK(d.where.file == "staff.csv");
  CHECK(d.where.line == 7);
  CHECK(d.where.column == "氏名");
  CHECK(d.message.find("services/S01.html") != std::string::npos);
  size_t written = 0;
  if (fs::exists(dir))
    for (const auto& e : fs::recursive_directory_iterator(dir)) written += e.is_regular_file() ? 1 : 0;
  CHECK(written == 0);
  fs::remove_all(dir);
}

TEST_CASE("site links are relative to the page") {
  CHECK(root_prefix("index.html") == "");
  CHECK(root_prefix("services/S01.html") == "../");
  CHECK(relative_link("services/S01.html", "services/index.html") == "index.html");
  CHECK(relative_link("services/S01.html", "index.html") == "../index.html");
  CHECK(relative_link("index.html", "meetings/M1.html#doc-1") == "meetings/M1.html#doc-1");
  CHECK(relative_link("meetings/M1.html", "documents/2026/a b.pdf") == "../documents/2026/a%20b.pdf");
  CHECK(relative_link("documents/index.html", "documents/資料 #1?.pdf.html") ==
        "%E8%B3%87%E6%96%99%20%231%3F.pdf.html");
  CHECK(relative_link("index.html", "documents/a.pdf.html#page-2") == "documents/a.pdf.html#page-2");
  CHECK(page_slug("S-01_a") == "S-01_a");
  CHECK(page_slug("a/..") == "a~2F~2E~2E");
  CHECK(page_slug("~") == "~7E");
}

}  // namespace kyosei
