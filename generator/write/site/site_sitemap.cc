// sitemap.html (every page, grouped by menu section, nested by breadcrumb)
// and sitemap.xml for search engines when [site] base_url is set. Both
// are made from SiteOutput::pages after every other producer ran, so a new
// section appears here without any edit.
//
// sitemap.xml lists absolute URLs (base_url + the page's path, percent-
// encoded) in path order, without <lastmod>: the build's clock is not a
// fact about the pages, and the output must not change from run to run.
#include <algorithm>
#include <map>
#include <set>

#include "write/markdown/markdown_html.h"
#include "write/site/site_html.h"
#include "write/site/site_layout.h"
#include "write/site/site_producers.h"

namespace kyosei {

namespace {

constexpr const char* kPath = "sitemap.html";
constexpr const char* kTitle = "サイトマップ";

struct Node {
  const SitePage* page;
  std::vector<size_t> children;
};

std::string render_nodes(const std::vector<Node>& nodes, const std::vector<size_t>& ids) {
  std::string out = "<ul>\n";
  for (size_t id : ids) {
    const SitePage& p = *nodes[id].page;
    out += "<li>" + html_link(relative_link(kPath, p.path), p.title).value;
    if (!nodes[id].children.empty()) out += "\n" + render_nodes(nodes, nodes[id].children);
    out += "</li>\n";
  }
  return out + "</ul>\n";
}

// One section's pages as a tree: a page hangs under the last page of its
// breadcrumb trail when that page is in the same section.
std::string section_tree(const std::vector<const SitePage*>& pages) {
  std::vector<Node> nodes;
  std::map<std::string, size_t> by_path;
  for (const SitePage* p : pages) {
    by_path[p->path] = nodes.size();
    nodes.push_back({p, {}});
  }
  std::vector<size_t> roots;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const SitePage& p = *nodes[i].page;
    size_t parent = nodes.size();
    for (auto it = p.parents.rbegin(); it != p.parents.rend(); ++it) {
      auto found = by_path.find(it->path);
      if (found != by_path.end() && found->second != i) {
        parent = found->second;
        break;
      }
    }
    if (parent == nodes.size()) roots.push_back(i);
    else nodes[parent].children.push_back(i);
  }
  return render_nodes(nodes, roots);
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

void produce_sitemap(const SiteContext& ctx, SiteOutput& out) {
  SitePage page;
  page.path = kPath;
  page.title = kTitle;
  page.section = "sitemap";
  page.searchable = false;
  page.description = "このサイトのすべてのページの一覧です。";

  // Sections in menu order, then the footer's, then any other.
  std::vector<std::pair<std::string, std::string>> sections;  // key, heading
  for (const auto& e : site_menu()) sections.push_back({e.section, e.label});
  for (const auto& e : site_footer_links()) sections.push_back({e.section, e.label});
  std::map<std::string, std::vector<const SitePage*>> by_section;
  for (const SitePage& p : out.pages) by_section[p.section].push_back(&p);
  by_section["sitemap"].push_back(&page);
  std::set<std::string> known;
  for (const auto& [key, heading] : sections) known.insert(key);
  for (const auto& [key, pages] : by_section)
    if (!known.count(key)) sections.push_back({key, "その他のページ"});

  std::string body = markdown_to_html(markdown_escape("このサイトのすべてのページです。"));
  for (const auto& [key, heading] : sections) {
    auto it = by_section.find(key);
    if (it == by_section.end() || it->second.empty()) continue;
    body += "<section class=\"sitemap-section\">\n" + html_heading(2, heading).value + section_tree(it->second) +
            "</section>\n";
  }
  page.body_html = body;

  const std::string& base = ctx.ds.municipality.site.base_url;
  if (!base.empty()) {
    std::string prefix = base.back() == '/' ? base : base + "/";
    std::vector<std::string> urls;
    for (const SitePage& p : out.pages) urls.push_back(prefix + url_encode_path(p.path));
    urls.push_back(prefix + url_encode_path(kPath));
    std::sort(urls.begin(), urls.end());
    urls.erase(std::unique(urls.begin(), urls.end()), urls.end());
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& url : urls) xml += "<url><loc>" + xml_escape(url) + "</loc></url>\n";
    xml += "</urlset>\n";
    out.files["sitemap.xml"] = std::move(xml);
  }
  out.pages.push_back(std::move(page));
}

void produce_search_page(const SiteContext&, SiteOutput& out) {
  SitePage page;
  page.path = "search.html";
  page.title = "サイト内検索";
  page.section = "search";
  page.searchable = false;
  page.description = "このサイトのページを、ことばで探せます。";
  page.scripts = {"assets/search-index.js", "assets/search.js"};
  page.body_html =
      markdown_to_html(markdown_escape(
          "探したいことばを入れて「検索」を押すと、そのことばを含むページ（事業、圏域、会議、会議資料の文字など）を表示します。"
          "ことばをスペースで区切ると、すべてを含むページを探します。"
          "ひらがな・カタカナ、「子ども」と「子供」のような書き方の違い、ひらがなで書いた読み（そうだん、こそだて）、1文字の打ち間違いがあっても探せます。")) +
      "<form class=\"search-form\" role=\"search\" aria-label=\"ページを探す\" action=\"search.html\" method=\"get\">\n"
      "<label for=\"search-q\">検索することば</label>\n"
      "<input id=\"search-q\" type=\"search\" name=\"q\" autocomplete=\"off\">\n"
      "<button type=\"submit\">検索</button>\n"
      "</form>\n"
      "<p id=\"search-status\" class=\"search-status\" role=\"status\"></p>\n"
      "<div id=\"search-results\"></div>\n"
      "<noscript><p class=\"note\">検索には JavaScript が必要です。<a href=\"sitemap.html\">サイトマップ</a>からもページを探せます。</p></noscript>\n";
  out.pages.push_back(std::move(page));
}

}  // namespace kyosei
