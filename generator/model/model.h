// The domain model: one validated Dataset per fiscal year, built by the
// readers (generator/read/) and consumed by analyses and writers. Nothing
// here knows about files or formats.
//
// Conventions:
// - Enumerated values (分野, 機能, 種別 ...) are kept as the canonical
//   Japanese strings from data/schema.toml; the vocabulary is data, not code.
// - std::optional means "not given": outputs say 「未把握」, never 0.
// - `line` is the record's line in its CSV, for messages and traceability.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/dates.h"
#include "model/reference.h"

namespace kyosei {

struct PlanInfo {
  std::string title;  // 第4期架空市地域福祉計画
  int start_year = 0;
  int end_year = 0;
  // [plan] jusou_plan: how the 重層的支援体制整備事業実施計画 is drafted:
  // "standalone" (its own document, the default) or "chapter" (a chapter
  // of the 地域福祉計画).
  std::string jusou_plan = "standalone";
};

struct SiteInfo {
  std::string title;
  std::string base_url;  // empty: relative links only, no sitemap.xml
  std::string contact;
};

struct Municipality {
  std::string name;        // 架空市
  std::string code;        // 999997 (check digit validated)
  std::string prefecture;  // 架空県
  int fiscal_year = 0;
  std::optional<long long> population;
  std::optional<double> aging_rate;  // percent
  bool welfare_office = true;        // false: 町村 without 福祉事務所
  std::string jusou_status;          // 実施 | 移行準備 | 未実施
  std::optional<int> jusou_start_year;
  std::optional<int> jusou_target_year;  // 移行準備: the year 本格実施 is aimed at
  PlanInfo plan;
  SiteInfo site;
};

struct Area {
  std::string id;
  std::string name;
  int layer = 1;       // 1 市町村全域, 2 日常生活圏域, 3 地区
  std::string parent;  // empty for the 層1 area
  std::optional<long long> population;
  std::optional<double> aging_rate;
  int line = 0;
};

// One 按分 entry: part of a service's cost assigned to one 重層区分.
struct Allocation {
  std::string code;  // 1イ … 6
  long long yen = 0;
};

struct Service {
  std::string id;
  std::string name;
  std::string field;                        // 分野
  std::vector<std::string> related_fields;  // 関連分野
  std::vector<std::string> functions;       // 機能
  std::vector<std::string> jusou_codes;     // 重層区分 (keys of data/jusou_components.csv)
  std::string department;                   // 所管課
  std::string method;                       // 実施方法
  std::string provider;                     // 実施主体 (empty when 直営)
  std::vector<std::string> areas;           // empty = 全域
  std::optional<long long> sites;           // 拠点数
  std::optional<long long> cost;            // 事業費 (yen)
  std::vector<Allocation> allocations;      // 按分
  std::optional<int> start_year;
  std::string target;                       // 対象
  std::string summary_markdown;             // 概要 (untrusted GFM)
  bool is_public = true;                    // 公開
  int line = 0;
  // Where a resident goes (all optional, all public): 相談窓口, 電話 (as
  // typed, several allowed), FAX, 場所, 受付時間, 利用のしかた, URL.
  std::string counter;
  std::vector<std::string> phones;
  std::string fax;
  std::string place;
  std::string hours;
  std::string how_to_use;
  std::string url;
  bool has_contact() const { return !counter.empty() || !phones.empty() || !fax.empty() || !place.empty(); }
  std::vector<std::string> common_items;    // 共通事項 (ア–タ; optional column)
};

// One role a person holds, with the share of their FTE it takes.
struct RoleShare {
  std::string role;
  double share = 0;  // fraction of this person's 常勤換算 (配分)
  double fte = 0;    // = share * person's 常勤換算
};

struct Staff {
  std::string id;
  std::string name;  // 氏名: personal data, never on the public site
  std::string organisation;
  std::string organisation_type;  // 市町村 / 社協 / 委託先法人 / その他
  std::vector<RoleShare> roles;
  double fte = 1.0;  // 常勤換算
  std::vector<std::string> qualifications;
  std::vector<std::string> areas;
  std::vector<std::string> services;
  std::optional<YearMonth> arrived;  // 着任年月
  int line = 0;
};

struct Meeting {
  std::string id;
  std::string name;
  std::vector<std::string> kinds;  // 種別
  std::string style;               // 開催形態 (may be empty)
  bool confidential = false;       // 守秘義務 あり
  std::string department;
  std::optional<long long> planned_per_year;
  std::vector<std::string> members;  // 構成機関
  std::vector<std::string> areas;
  std::string purpose;
  int line = 0;
};

struct Session {
  std::string meeting_id;
  Date date;
  std::optional<long long> attendees;
  std::vector<std::string> organisations;
  std::optional<long long> case_count;  // 検討事例数
  std::string agenda;                   // 議題: never published when confidential
  std::vector<std::string> documents;   // paths relative to documents/
  int line = 0;
};

struct IndicatorResult {
  int year = 0;
  double value = 0;
};

struct Indicator {
  std::string id;
  std::string category;  // 相談支援 / 参加支援 / 地域づくり / 体制
  std::string name;
  std::string unit;
  std::optional<int> base_year;
  std::optional<double> base_value;
  std::optional<int> target_year;
  std::optional<double> target_value;
  std::vector<IndicatorResult> results;
  bool increase_is_good = true;  // 向き
  int line = 0;
};

struct AssessmentAnswer {
  std::string item_id;
  int level = 0;  // 0-3
  std::string evidence;
  std::string department;
  int line = 0;
};

// A PDF under documents/, as read by poppler.
struct Document {
  std::string path;   // relative to documents/, e.g. "2026/第1回資料.pdf"
  std::string title;  // PDF Title, or the file name without .pdf
  int pages = 0;
  std::string first_page_text;
  std::vector<std::string> page_texts;  // every page, for the site and search
  // True when page_texts was not kept because the PDF's text is large
  // (read/pdf_reader.h kMaxKeptTextBytes): page_texts is then empty and
  // whoever needs the text reads the pages again, one at a time
  // (for_each_pdf_page_text), so dozens of big PDFs never sit in memory.
  bool page_texts_dropped = false;
  std::size_t file_size = 0;  // bytes of the PDF file (0: not known)
  // Page 1 as RGB pixels (3 bytes a pixel, row after row), rendered by the
  // same child process that read the text when the reader was asked for
  // it (ReadOptions::thumbnail_width): thumbnail_read is then true, and
  // thumbnail_width 0 when page 1 could not be rendered.
  bool thumbnail_read = false;
  int thumbnail_width = 0, thumbnail_height = 0;
  std::string thumbnail_rgb;
  // The PDF as the site publishes it (metadata removed) and the strings the
  // privacy guard checks in that, made by the child that read the text when
  // the reader was asked for it (ReadOptions::prepare_publication) and the
  // PDF looked public: publication_read is then true, published_ok false
  // when it could not be rewritten, and published_hidden_text nullopt when
  // its strings could not be read. Otherwise the site makes them itself.
  bool publication_read = false;
  bool published_ok = false;
  std::string published_bytes;
  std::optional<std::string> published_hidden_text;
};

// Results of accessibility tests of the public site, from the optional
// accessibility_results.toml (written by tests/browser, or by hand for a
// test done another way). Published on the site's ウェブアクセシビリティ page.
struct A11yPageResult {
  std::string path;  // page under the site root, e.g. "services/S001.html"
  int violations = 0;
};

struct A11yViolation {
  std::string path;      // page under the site root
  std::string rule;      // the tool's rule id, e.g. "color-contrast"
  std::string criteria;  // WCAG success criteria, e.g. "1.4.3"
  std::string impact;    // minor / moderate / serious / critical
  std::string help;      // what the rule checks, as the tool says it
  int nodes = 1;         // elements found on the page
};

struct A11yResults {
  std::optional<Date> tested_on;  // 試験日 (never the build's clock)
  std::string tool;               // "axe-core 4.10.2"
  std::string browser;            // "Chromium 156"
  std::string method;             // how it was tested, one sentence
  std::string standard;           // "JIS X 8341-3:2016"
  std::string level;              // "AA"
  std::vector<std::string> tags;  // axe tags, e.g. wcag2a, wcag2aa
  std::vector<A11yPageResult> pages;
  std::vector<A11yViolation> violations;
  std::string note;
};

struct Dataset {
  std::string folder;  // where it was read from, for messages
  Municipality municipality;
  std::vector<Area> areas;
  std::vector<Service> services;
  std::vector<Staff> staff;
  std::vector<Meeting> meetings;
  std::vector<Session> sessions;
  std::vector<Indicator> indicators;
  std::vector<AssessmentAnswer> assessment;
  std::map<std::string, std::string> narratives;  // "理念" -> Markdown
  std::vector<Document> documents;                // every PDF referenced by a session
  // funding_ratios.csv in the inputs: the municipality's own 交付金 ratios,
  // replacing the built-in data/jusou_funding.csv (rates change by year).
  std::optional<std::vector<FundingRatio>> funding_override;
  // accessibility_results.toml, when the inputs have one.
  std::optional<A11yResults> a11y_results;

  const Area* find_area(const std::string& id) const;
  const Service* find_service(const std::string& id) const;
  const Meeting* find_meeting(const std::string& id) const;
  const Document* find_document(const std::string& path) const;
  std::vector<const Session*> sessions_of(const std::string& meeting_id) const;

  // Id -> position in areas, services and meetings (and sessions by
  // meeting), so that find_area, find_service, find_meeting and sessions_of
  // are not linear scans (a 政令市 build looks
  // ids up millions of times). read_inputs builds it; call index_ids() again
  // after changing those vectors. An index whose vector has changed size is
  // not used (the find_* scan instead), so a Dataset built by hand needs none.
  struct IdIndex {
    std::unordered_map<std::string, std::size_t> position;  // first element with each id
    std::size_t size = static_cast<std::size_t>(-1);        // the vector's size when built
  };
  IdIndex area_index, service_index, meeting_index;
  // Meeting id -> positions of its sessions, in order (sessions_of).
  struct SessionIndex {
    std::unordered_map<std::string, std::vector<std::size_t>> by_meeting;
    std::size_t size = static_cast<std::size_t>(-1);
  };
  SessionIndex session_index;
  void index_ids();
};

}  // namespace kyosei
