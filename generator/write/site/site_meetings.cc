// meetings/index.html and one page per meeting body, with its sessions and
// the PDFs they reference. For a body with 守秘義務 あり only dates and counts
// are published: no 議題, no 資料 (their titles and text could identify
// the people discussed).
#include <algorithm>
#include <map>
#include <tuple>

#include "base/dates.h"
#include "base/text.h"
#include "base/wording.h"
#include "read/pdf_reader.h"
#include "write/markdown/markdown_html.h"
#include "write/common/site_format.h"
#include "write/site/site_html.h"
#include "write/site/site_producers.h"

namespace kyosei {

namespace {

constexpr const char* kListPath = "meetings/index.html";
constexpr const char* kListTitle = "会議体";
constexpr const char* kConfidentialNote = "守秘義務のある会議のため、議題は公開していません。";

std::vector<const Session*> sessions_by_date(const Dataset& ds, const std::string& meeting_id) {
  auto sessions = ds.sessions_of(meeting_id);
  std::stable_sort(sessions.begin(), sessions.end(), [](const Session* a, const Session* b) {
    return std::tie(a->date, a->line) < std::tie(b->date, b->line);
  });
  return sessions;
}

// A PDF published with a meeting page (copied to documents/<path> and
// given its own page by produce_documents).
struct PublishedDocument {
  const Document* doc = nullptr;
  std::string anchor;  // id of its heading on the meeting page
  std::size_t bytes = 0;
};

// The published PDFs of a (non-confidential) meeting in order of first
// mention (is_published_document decides).
std::map<std::string, PublishedDocument> publish_documents(const std::vector<const Session*>& sessions,
                                                           const SiteContext& ctx, std::vector<std::string>& order) {
  std::map<std::string, PublishedDocument> published;
  for (const Session* s : sessions) {
    for (const auto& path : s->documents) {
      if (published.count(path) || !is_published_document(ctx.ds, path)) continue;
      PublishedDocument p{ctx.ds.find_document(path), "doc-" + std::to_string(order.size() + 1),
                          document_size(ctx, path)};
      published[path] = p;
      order.push_back(path);
    }
  }
  return published;
}

SafeHtml sessions_table(const Meeting& m, const std::vector<const Session*>& sessions,
                    const std::map<std::string, PublishedDocument>& docs) {
  HtmlTable t;
  t.caption = "開催実績（" + std::to_string(sessions.size()) + "回）";
  t.headers = {"開催日", "出席者数", "検討事例数"};
  if (!m.confidential) t.headers.insert(t.headers.end(), {"議題", "資料"});
  t.row_headers = true;
  for (const Session* s : sessions) {
    std::vector<HtmlCell> row = {format_date(s->date), numeric_cell(count_text(s->attendees, "人")),
                             numeric_cell(count_text(s->case_count, "件"))};
    if (!m.confidential) {
      row.push_back(s->agenda.empty() ? std::string(kEmptyCell) : s->agenda);
      std::string links;
      for (const auto& path : s->documents) {
        if (!links.empty()) links += "<br>";
        auto it = docs.find(path);
        links += it == docs.end() ? html_escape("（公開していない資料）")
                                  : html_link("#" + it->second.anchor, it->second.doc->title).value;
      }
      row.push_back(links.empty() ? HtmlCell(kEmptyCell) : HtmlCell(SafeHtml{links}));
    }
    t.rows.push_back(std::move(row));
  }
  return render_table(t);
}

SafeHtml document_section(const std::string& page_path, const PublishedDocument& p) {
  const Document& d = *p.doc;
  std::string out = "<div class=\"document\">\n" + html_heading(3, d.title, p.anchor).value;
  std::string label = d.title + "（PDF形式、" + std::to_string(d.pages) + "ページ、" + file_size_text(p.bytes) + "）";
  out += "<ul class=\"document-links\">\n<li>" +
         html_link(relative_link(page_path, document_page_path(d.path)), "内容を文字で読む（" + d.title + "）").value +
         "</li>\n<li>" + html_link(relative_link(page_path, document_file_path(d.path)), label).value + "</li>\n</ul>\n";
  if (d.first_page_text.empty()) {
    out += "<p>1ページ目から文字を取り出せませんでした（画像だけのPDFかもしれません）。PDFを開いてご覧ください。</p>\n";
  } else {
    out += "<details>\n<summary>1ページ目の文字（PDFから取り出したもの）</summary>\n<pre class=\"pdf-text\">" +
           contact_html(d.first_page_text) + "</pre>\n</details>\n";
  }
  return {out + "</div>\n"};
}

std::string planned_text(const Meeting& m) {
  return m.planned_per_year ? "年" + with_commas(*m.planned_per_year) + "回" : kUnknown;
}

SitePage meeting_page(const Meeting& m, const SiteContext& ctx, SiteOutput& out) {
  SitePage page;
  page.path = meeting_page_path(m.id);
  page.title = m.name;
  page.section = "meetings";
  page.parents = {{kListTitle, kListPath}};

  std::vector<std::pair<std::string, HtmlCell>> facts;
  facts.push_back({"種別", list_text(m.kinds)});
  facts.push_back({"開催形態", m.style.empty() ? kUnknown : m.style});
  facts.push_back({"守秘義務", m.confidential ? "あり" : "なし"});
  facts.push_back({"所管課", m.department});
  facts.push_back({"予定回数", planned_text(m)});
  facts.push_back({"構成機関", list_text(m.members)});
  facts.push_back({"圏域", list_text(area_names(ctx.ds, m.areas))});
  facts.push_back({"目的", m.purpose.empty() ? kUnknown : m.purpose});
  page.body_html = render_facts("会議体の基本情報", std::move(facts)).value;

  auto sessions = sessions_by_date(ctx.ds, m.id);
  page.body_html += markdown_to_html("## 開催実績");
  if (m.confidential) {
    std::string text = kConfidentialNote;
    for (const Session* s : sessions)
      if (!s->documents.empty()) {
        text += "会議資料も公開していません。";
        break;
      }
    page.body_html += html_note(text).value;
  }
  if (sessions.empty()) {
    page.body_html += markdown_to_html(markdown_escape("この年度の開催実績はまだありません。"));
  } else {
    std::vector<std::string> order;
    std::map<std::string, PublishedDocument> docs;
    if (!m.confidential) docs = publish_documents(sessions, ctx, order);
    page.body_html += sessions_table(m, sessions, docs).value;
    if (!order.empty()) {
      page.body_html += markdown_to_html("## 会議資料");
      for (const auto& path : order) page.body_html += document_section(page.path, docs.at(path)).value;
    }
  }
  page.body_html += markdown_to_html("[" + markdown_escape("会議体の一覧に戻る") + "](" +
                                     relative_link(page.path, kListPath) + ")");
  return page;
}

SitePage list_page(const Dataset& ds) {
  SitePage page;
  page.path = kListPath;
  page.title = kListTitle;
  page.section = "meetings";
  std::string intro = "支援が必要な人を関係機関が一緒に支えるための会議や、地域の課題を話し合う会議です。"
                      "会議名から目的と開催実績を見られます。";
  page.body_html = markdown_to_html(markdown_escape(intro));
  if (ds.meetings.empty()) {
    page.body_html += markdown_to_html(markdown_escape("登録されている会議体はありません。"));
    return page;
  }
  HtmlTable t;
  t.caption = "会議体（" + std::to_string(ds.meetings.size()) + "件）";
  t.headers = {"会議名", "種別", "守秘義務", "所管課", "開催回数", "予定回数"};
  t.row_headers = true;
  for (const auto& m : ds.meetings)
    t.rows.push_back({html_link(relative_link(page.path, meeting_page_path(m.id)), m.name), list_text(m.kinds),
                      m.confidential ? "あり" : "なし", m.department,
                      numeric_cell(std::to_string(ds.sessions_of(m.id).size()) + "回"), numeric_cell(planned_text(m))});
  page.body_html += render_table(t).value;
  return page;
}

}  // namespace

void produce_meetings(const SiteContext& ctx, SiteOutput& out) {
  out.pages.push_back(list_page(ctx.ds));
  for (const auto& m : ctx.ds.meetings) out.pages.push_back(meeting_page(m, ctx, out));
}

}  // namespace kyosei
