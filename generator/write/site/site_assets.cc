// assets/*: the style sheet (and any other file under site/assets/),
// compiled into the binary and copied as it is.
#include "base/resources.h"
#include "write/site/site_producers.h"

namespace kyosei {

void produce_assets(const SiteContext&, SiteOutput& out) {
  const std::string_view site = "site/";
  for (const auto& r : resources_under("site/assets/"))
    out.files[std::string(r.path).substr(site.size())] = std::string(r.bytes);
}

}  // namespace kyosei
