#include "write/site/site_writer.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "base/parallel.h"

#include "write/markdown/html_text.h"
#include "write/site/site_html.h"
#include "write/site/site_layout.h"
#include "write/site/site_privacy.h"
#include "write/print/pdf_print.h"
#include "write/site/site_producers.h"
#include "write/site/site_search.h"

namespace kyosei {

const std::vector<PageProducer>& site_producers() {
  static const std::vector<PageProducer> all = {produce_home,      produce_services,      produce_meetings,
                                                produce_assets,    produce_areas,         produce_documents,
                                                produce_accessibility, produce_plan,
                                                produce_assessment,    produce_help};
  return all;
}

const std::vector<PageProducer>& site_index_producers() {
  static const std::vector<PageProducer> all = {produce_search_page, produce_sitemap};
  return all;
}

namespace {

// The label of a page's section in search results: its menu entry.
std::string section_label(const std::string& section) {
  for (const auto& e : site_menu())
    if (e.section == section) return e.label;
  for (const auto& e : site_footer_links())
    if (e.section == section) return e.label;
  return "";
}

}  // namespace

bool write_site(const Analysis& analysis, const FileSystem& inputs, const std::string& out_dir, Diagnostics& diags,
                const SiteWriteOptions& options) {
  const Dataset& ds = analysis.data;
  SiteContext ctx{ds, analysis.ref, inputs, diags, analysis, std::max(1, options.jobs), options.pdf};
  SiteOutput out;
  for (PageProducer produce : site_producers()) produce(ctx, out);
  for (PageProducer produce : site_index_producers()) produce(ctx, out);
  const int errors_before = diags.error_count();

  // One path, one file: a clash between producers is a bug (or duplicate IDs).
  std::vector<const SitePage*> pages;
  std::set<std::string> paths;
  auto claim = [&](const std::string& path) {
    if (paths.insert(path).second) return true;
    diags.error({path, 0, ""}, "サイトの " + path + " が二重に作られました（ID の重複か、kyosei の不具合です）");
    return false;
  };
  std::vector<const SitePage*> sorted;
  for (const SitePage& page : out.pages) sorted.push_back(&page);
  std::stable_sort(sorted.begin(), sorted.end(), [](const SitePage* a, const SitePage* b) { return a->path < b->path; });
  for (const SitePage* page : sorted)
    if (claim(page->path)) pages.push_back(page);
  for (const auto& [path, bytes] : out.files) claim(path);
  for (const auto& [path, make] : out.deferred_files) claim(path);
  claim(kSearchIndexPath);
  for (const auto& print : out.prints)
    for (const auto& pdf : print.pdf_paths) claim(pdf);

  // Every file passes the privacy guard before it is written; once it has
  // found something, the rest is still scanned (to name every place) but
  // no longer written, and what was written is removed again.
  //
  // Pages are made in batches, on options.jobs threads: each thread makes a
  // page's body, lays it out, cuts its text into search terms and reads it
  // for secrets into the page's own slot; then, in path order, the slots
  // go into the search index and the guard. A batch is written only when
  // the guard was clean before it; a batch that turns out to hold a secret
  // is removed with everything else, so the result is the same as one page
  // after the other.
  PrivacyGuard guard(ds);
  SearchIndexBuilder index;
  const std::string root = out_dir.empty() || out_dir.back() == '/' ? out_dir : out_dir + "/";
  std::vector<std::string> written;
  auto write_one = [&](const std::string& path, std::string_view bytes, Diagnostics& d) {
    if (write_file(root + path, bytes)) return true;
    d.error({root + path, 0, ""}, root + path + " に書き込めません",
            "書き込み権限のある出力フォルダ（ディスクの空き容量も確認してください）");
    return false;
  };
  auto emit_scanned = [&](const std::string& path, std::string_view bytes, const PrivacyGuard::Scan& scan) {
    guard.record(path, scan);
    if (!guard.clean()) return;
    if (write_one(path, bytes, diags)) written.push_back(root + path);
  };
  auto emit = [&](const std::string& path, std::string_view bytes) { emit_scanned(path, bytes, guard.find(path, bytes)); };

  struct Made {
    std::optional<SearchIndexBuilder::Entry> entry;
    PrivacyGuard::Scan scan;
    Diagnostics diags;
    bool written = false;
  };
  const int jobs = std::max(1, options.jobs);

  // The deferred files (published PDFs, each rewritten by a child process)
  // are made and read by the guard `jobs` at a time, on a thread of their
  // own while the pages are laid out (with --jobs 1, after them). A clean
  // one is written at once and its bytes dropped, so no more than `jobs`
  // are held in memory; what the guard found, and each maker's messages,
  // wait in its slot. After the pages they are taken in path order as one
  // after the other would: none after the guard has found something, and
  // what was written is then removed with the rest.
  struct MadeDeferred {
    PrivacyGuard::Scan scan;
    Diagnostics diags;
    bool made = false, written = false;
  };
  std::vector<const std::string*> deferred_paths;
  for (const auto& [path, make] : out.deferred_files) deferred_paths.push_back(&path);
  std::vector<MadeDeferred> deferred(deferred_paths.size());
  auto make_deferred = [&] {
    const size_t per_batch = static_cast<size_t>(jobs);
    for (size_t first = 0; first < deferred_paths.size(); first += per_batch) {
      const size_t n = std::min(per_batch, deferred_paths.size() - first);
      parallel_for(n, jobs, [&](size_t k) {
        const std::string& path = *deferred_paths[first + k];
        MadeDeferred& d = deferred[first + k];
        auto file = out.deferred_files.at(path)(d.diags);
        if (!file) return;
        d.made = true;
        d.scan = file->hidden_text_read ? guard.find_in_pdf_parts(file->hidden_text) : guard.find(path, file->bytes);
        if (d.scan.clean()) d.written = write_one(path, file->bytes, d.diags);
      });
    }
  };
  Background deferred_maker(jobs, make_deferred);

  // The search index takes the entries of a batch while the next batch is
  // made (one more piece of that batch's work, started first), in page
  // order as before: the order of everything written stays the same.
  const size_t batch = jobs == 1 ? 1 : 16 * static_cast<size_t>(jobs);
  std::vector<SearchIndexBuilder::Entry> to_index;  // the previous batch's
  auto index_previous = [&] {
    for (auto& entry : to_index) index.add(std::move(entry));
    to_index.clear();
  };
  for (size_t first = 0; first < pages.size(); first += batch) {
    const size_t n = std::min(batch, pages.size() - first);
    std::vector<Made> made(n);
    const bool write_now = guard.clean();
    std::vector<size_t> order{n};
    for (size_t k = 0; k < n; ++k) order.push_back(k);
    parallel_for(n + 1, jobs, [&](size_t k) {
      if (k == n) return index_previous();
      const SitePage& page = *pages[first + k];
      std::string body = wrap_bare_tables(page.make_body ? page.make_body() : page.body_html);
      if (page.searchable)
        made[k].entry = SearchIndexBuilder::prepare(page.path, page.title, section_label(page.section), page.description,
                                                    html_visible_text(body));
      std::string bytes = render_page(page, ds.municipality, body);
      made[k].scan = guard.find(page.path, bytes);
      if (write_now && made[k].scan.clean()) made[k].written = write_one(page.path, bytes, made[k].diags);
    }, order);
    for (size_t k = 0; k < n; ++k) {
      const SitePage& page = *pages[first + k];
      if (made[k].entry) to_index.push_back(std::move(*made[k].entry));
      guard.record(page.path, made[k].scan);
      diags.append(made[k].diags);
      if (made[k].written) written.push_back(root + page.path);
    }
  }
  index_previous();
  for (const auto& [path, bytes] : out.files) emit(path, bytes);
  deferred_maker.wait();
  for (size_t k = 0; k < deferred.size(); ++k) {
    const std::string& path = *deferred_paths[k];
    if (deferred[k].written) written.push_back(root + path);  // removed below if the guard is not clean
    if (!guard.clean()) continue;
    diags.append(deferred[k].diags);
    if (deferred[k].made) guard.record(path, deferred[k].scan);
  }
  emit(kSearchIndexPath, index.javascript());
  // The print sources are read by the guard like any page; a clean one
  // is printed, and only its PDFs stay.
  for (const auto& print : out.prints) {
    std::string bytes = render_page(print.page, ds.municipality, wrap_bare_tables(print.page.body_html));
    guard.record(print.page.path, guard.find(print.page.path, bytes));
    if (!guard.clean()) break;
    std::vector<std::string> pdfs;
    for (const auto& pdf : print.pdf_paths) pdfs.push_back(root + pdf);
    if (write_one(print.page.path, bytes, diags) && print_pdf_parts(root + print.page.path, pdfs, diags))
      written.insert(written.end(), pdfs.begin(), pdfs.end());
    std::error_code ec;
    std::filesystem::remove(root + print.page.path, ec);
  }

  if (!guard.clean()) {
    guard.report(options.privacy_problems ? *options.privacy_problems : diags);
    std::error_code ec;
    for (const auto& f : written) std::filesystem::remove(f, ec);
    return false;
  }
  return diags.error_count() == errors_before;
}

}  // namespace kyosei
