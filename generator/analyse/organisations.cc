#include "analyse/organisations.h"

#include "base/text.h"

namespace kyosei {

std::vector<std::string> provider_names(const Service& s) { return split_multi(s.provider); }

std::string provider_display(const Service& s) { return join(provider_names(s), "、"); }

std::vector<ProviderOrganisation> provider_organisations(const std::vector<const Service*>& services) {
  std::vector<ProviderOrganisation> out;
  for (const Service* s : services)
    for (const std::string& name : provider_names(*s)) {
      ProviderOrganisation* org = nullptr;
      for (auto& o : out)
        if (o.name == name) org = &o;
      if (!org) org = &out.emplace_back(ProviderOrganisation{name, {}});
      org->services.push_back(s);
    }
  return out;
}

std::vector<ProviderOrganisation> provider_organisations(const std::vector<Service>& services,
                                                         bool (*include)(const Service&)) {
  std::vector<const Service*> chosen;
  for (const Service& s : services)
    if (!include || include(s)) chosen.push_back(&s);
  return provider_organisations(chosen);
}

}  // namespace kyosei
