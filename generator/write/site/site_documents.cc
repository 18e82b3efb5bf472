// documents/: the published PDFs (is_published_document), each with
//   documents/<path>       the PDF, copied when the site is written, with
//                          its metadata removed (pdf_for_publication_and_hidden_text);
//   documents/<path>.png   page 1, 150 pixels wide (a thumbnail);
//   documents/<path>.html  its text page by page, the HTML alternative
//                          (運用ガイドライン: publish content in HTML, not
//                          only as PDF).
// A long PDF's text is read again page by page while its page is made
// (Document::page_texts_dropped), so its text is in memory once, briefly.
#include <algorithm>
#include <map>
#include <optional>

#include "base/dates.h"
#include "base/parallel.h"
#include "read/pdf_reader.h"
#include "write/markdown/markdown_html.h"
#include "write/image/png_encoder.h"
#include "write/common/site_format.h"
#include "write/site/site_html.h"
#include "write/site/site_producers.h"

namespace kyosei {

namespace {

constexpr const char* kListPath = "documents/index.html";
constexpr const char* kListTitle = "会議資料";
constexpr int kThumbnailWidth = kDocumentThumbnailWidth;

// The sessions that reference a PDF, by date.
std::vector<const Session*> sessions_with(const Dataset& ds, const std::string& path) {
  std::vector<const Session*> out;
  for (const auto& s : ds.sessions)
    if (std::find(s.documents.begin(), s.documents.end(), path) != s.documents.end()) out.push_back(&s);
  std::stable_sort(out.begin(), out.end(), [](const Session* a, const Session* b) { return a->date < b->date; });
  return out;
}

std::string pdf_label(const Document& d, std::size_t bytes) {
  return d.title + "（PDF形式、" + std::to_string(d.pages) + "ページ、" + file_size_text(bytes) + "）";
}

// One PDF page's text: paragraphs kept, lines kept (white-space: pre-line).
std::string page_section(int number, const std::string& text) {
  std::string id = "page-" + std::to_string(number);
  std::string out = "<section class=\"pdf-page\" aria-labelledby=\"" + id + "\">\n" +
                    html_heading(2, std::to_string(number) + "ページ", id).value;
  if (text.empty())
    out += "<p class=\"note\">このページからは文字を取り出せませんでした（図や写真だけのページかもしれません）。</p>\n";
  else
    out += "<div class=\"pdf-text\">" + contact_html(text) + "</div>\n";
  return out + "</section>\n";
}

std::string page_jump(int pages) {
  if (pages < 2) return "";
  std::string out = "<nav class=\"page-jump\" aria-label=\"ページへ移動\">\n<ul>\n";
  for (int i = 1; i <= pages; ++i)
    out += "<li><a href=\"#page-" + std::to_string(i) + "\">" + std::to_string(i) + "ページ</a></li>\n";
  return out + "</ul>\n</nav>\n";
}

SitePage document_page(const Document& d, const SiteContext& ctx, bool has_thumbnail) {
  const Dataset& ds = ctx.ds;
  SitePage page;
  page.path = document_page_path(d.path);
  page.title = d.title;
  page.section = "documents";
  page.parents = {{kListTitle, kListPath}};

  auto sessions = sessions_with(ds, d.path);
  std::vector<std::pair<std::string, std::string>> meeting_links;
  std::vector<std::string> dates;
  for (const Session* s : sessions) {
    const Meeting* m = ds.find_meeting(s->meeting_id);
    if (!m) continue;
    std::pair<std::string, std::string> link{relative_link(page.path, meeting_page_path(m->id)), m->name};
    if (std::find(meeting_links.begin(), meeting_links.end(), link) == meeting_links.end()) meeting_links.push_back(link);
    dates.push_back(format_date(s->date));
  }
  page.description = (meeting_links.empty() ? std::string() : meeting_links.front().second + "の") + "資料「" +
                     d.title + "」（" + std::to_string(d.pages) + "ページ）の内容を、ページごとに文字で掲載しています。";

  std::vector<std::pair<std::string, HtmlCell>> facts;
  facts.push_back({"会議", meeting_links.empty() ? HtmlCell(kUnknown) : HtmlCell(html_link_list(meeting_links))});
  facts.push_back({"開催日", list_text(dates)});
  facts.push_back({"ページ数", numeric_cell(std::to_string(d.pages) + "ページ")});
  facts.push_back({"PDFファイル", html_link(relative_link(page.path, document_file_path(d.path)),
                                           pdf_label(d, document_size(ctx, d.path)))});
  std::string head = "<div class=\"document-head\">\n";
  if (has_thumbnail)
    head += "<img class=\"thumbnail\" src=\"" + html_escape(relative_link(page.path, document_thumbnail_path(d.path))) +
            "\" alt=\"1ページ目の縮小画像\" width=\"" + std::to_string(kThumbnailWidth) + "\">\n";
  head += "<div>\n" + render_facts("資料の情報", std::move(facts)).value + "</div>\n</div>\n";
  head += html_note("PDFから取り出した文字を、ページごとに載せています。表や図は崩れて見えることがあります。"
                    "正確な内容はPDFファイルでご確認ください。")
              .value;
  head += page_jump(d.pages);

  // The body is made at write time, so only one PDF's text is held at once.
  const Document* doc = &d;
  const FileSystem* inputs = &ctx.inputs;
  page.make_body = [head, doc, inputs]() {
    std::string body = head;
    if (!doc->page_texts_dropped) {
      for (size_t i = 0; i < doc->page_texts.size(); ++i) body += page_section(static_cast<int>(i + 1), doc->page_texts[i]);
      return body;
    }
    bool opened = for_each_pdf_page_text(*inputs, doc->path, [&](int number, std::string text) {
      body += page_section(number, text);
    });
    if (!opened) body += html_note("PDFを開き直せなかったため、文字を載せられませんでした。PDFファイルをご覧ください。").value;
    return body;
  };
  return page;
}

SitePage list_page(const std::vector<const Document*>& docs, const SiteContext& ctx) {
  const Dataset& ds = ctx.ds;
  SitePage page;
  page.path = kListPath;
  page.title = kListTitle;
  page.section = "documents";
  page.body_html = markdown_to_html(markdown_escape(
      "会議で配った資料と議事録です。PDFファイルのほか、内容をページごとに文字で読める版を用意しています。"
      "守秘義務のある会議の資料は公開していません。"));
  if (docs.empty()) {
    page.body_html += markdown_to_html(markdown_escape("公開している会議資料はありません。"));
    return page;
  }
  HtmlTable t;
  t.caption = "公開している会議資料（" + std::to_string(docs.size()) + "件）";
  t.headers = {"資料名", "会議", "開催日", "ページ数", "PDFファイル"};
  t.row_headers = true;
  for (const Document* d : docs) {
    auto sessions = sessions_with(ds, d->path);
    std::vector<std::pair<std::string, std::string>> meetings;
    std::vector<std::string> dates;
    for (const Session* s : sessions) {
      dates.push_back(format_date(s->date));
      if (const Meeting* m = ds.find_meeting(s->meeting_id)) {
        std::pair<std::string, std::string> link{relative_link(page.path, meeting_page_path(m->id)), m->name};
        if (std::find(meetings.begin(), meetings.end(), link) == meetings.end()) meetings.push_back(link);
      }
    }
    t.rows.push_back({html_link(relative_link(page.path, document_page_path(d->path)), d->title),
                      html_link_list(meetings), html_lines(dates),
                      numeric_cell(std::to_string(d->pages) + "ページ"),
                      html_link(relative_link(page.path, document_file_path(d->path)),
                                "PDF（" + file_size_text(document_size(ctx, d->path)) + "）")});
  }
  page.body_html += render_table(t).value;
  return page;
}

}  // namespace

void produce_documents(const SiteContext& ctx, SiteOutput& out) {
  const Dataset& ds = ctx.ds;
  // Published PDFs by the date of their first session, then path.
  std::vector<const Document*> docs;
  for (const auto& d : ds.documents)
    if (is_published_document(ds, d.path)) docs.push_back(&d);
  auto first_date = [&](const Document* d) {
    auto s = sessions_with(ds, d->path);
    return s.empty() ? Date{} : s.front()->date;
  };
  std::stable_sort(docs.begin(), docs.end(), [&](const Document* a, const Document* b) {
    Date da = first_date(a), db = first_date(b);
    return da != db ? da < db : a->path < b->path;
  });

  out.pages.push_back(list_page(docs, ctx));
  // Thumbnails are small (a few KB), so they are made now, all at once on
  // ctx.jobs threads: the page shows one only when it could be rendered.
  std::vector<std::optional<std::string>> thumbnails(docs.size());
  parallel_for(docs.size(), ctx.jobs, [&](size_t i) {
    const Document& d = *docs[i];
    if (d.thumbnail_read) {  // rendered when the PDF was read (ReadOptions::thumbnail_width)
      if (d.thumbnail_width == kThumbnailWidth)
        thumbnails[i] = encode_png_rgb(d.thumbnail_width, d.thumbnail_height,
                                       reinterpret_cast<const unsigned char*>(d.thumbnail_rgb.data()));
      return;
    }
    if (auto image = render_pdf_first_page(ctx.inputs, docs[i]->path, kThumbnailWidth))
      thumbnails[i] = encode_png_rgb(image->width, image->height, image->rgb.data());
  });
  for (size_t i = 0; i < docs.size(); ++i) {
    const Document* d = docs[i];
    const std::string path = d->path;
    const FileSystem* inputs = &ctx.inputs;
    out.deferred_files[document_file_path(path)] = [inputs, path, d](Diagnostics& diags) -> std::optional<SiteOutput::Deferred> {
      // Published without its document information, XMP metadata and
      // attachments (Author, Subject, Keywords may name staff or agendas);
      // the same child reads what the privacy guard checks in it: the one
      // that read the PDF when it could (Document::publication_read).
      std::optional<PublishedPdf> published;
      if (d->publication_read) {
        if (d->published_ok) published = PublishedPdf{d->published_bytes, d->published_hidden_text};
      } else {
        auto bytes = inputs->read("documents/" + path);
        if (!bytes) {
          diags.error({"documents/" + path, 0, ""}, "documents/" + path + " をサイトにコピーできません（読めません）",
                       "読み取りできるPDFファイル");
          return std::nullopt;
        }
        published = pdf_for_publication_and_hidden_text(*bytes);
      }
      if (!published) {
        diags.error({"documents/" + path, 0, ""},
                    "documents/" + path + " からメタデータ（作成者・件名など）を取り除けないため、公開できません",
                     "PDFとして読めるファイル（印刷機能で「PDFとして保存」し直す）");
        return std::nullopt;
      }
      return SiteOutput::Deferred{std::move(published->bytes), true, std::move(published->hidden_text)};
    };
    bool has_thumbnail = false;
    if (thumbnails[i]) {
      out.files[document_thumbnail_path(path)] = std::move(*thumbnails[i]);
      has_thumbnail = true;
    }
    out.pages.push_back(document_page(*d, ctx, has_thumbnail));
  }
}

}  // namespace kyosei
