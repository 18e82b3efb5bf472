#include "write/site_writer.h"

#include "write/site_layout.h"
#include "write/site_producers.h"

namespace kyosei {

const std::vector<PageProducer>& site_producers() {
  static const std::vector<PageProducer> all = {produce_home, produce_services, produce_meetings, produce_assets};
  return all;
}

void write_site(const Dataset& ds, const Reference& ref, const FileSystem& inputs, const std::string& out_dir,
                Diagnostics& diags) {
  SiteContext ctx{ds, ref, inputs, diags};
  SiteOutput out;
  for (PageProducer produce : site_producers()) produce(ctx, out);

  // Everything goes through one sorted map, so the write order (and any
  // clash between producers) is the same on every run.
  std::map<std::string, std::string> files = std::move(out.files);
  for (const SitePage& page : out.pages) {
    auto [it, inserted] = files.emplace(page.path, render_page(page, ds.municipality));
    if (!inserted)
      diags.error({page.path, 0, ""}, "サイトの " + page.path + " が二重に作られました（ID の重複か、kyosei の不具合です）");
  }
  const std::string root = out_dir.empty() || out_dir.back() == '/' ? out_dir : out_dir + "/";
  for (const auto& [path, bytes] : files)
    if (!write_file(root + path, bytes))
      diags.error({root + path, 0, ""}, root + path + " に書き込めません",
                  "書き込み権限のある出力フォルダ（ディスクの空き容量も確認してください）");
}

}  // namespace kyosei
