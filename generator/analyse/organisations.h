// The organisations that run the services (実施主体): one function for the
// list and its count, so a plan, a workbook and the site give the same
// number. 実施主体 may hold several organisations (「A;B;C」, the input
// contract's multi-valued separators): each counts once, under the name as
// written, in the order it first appears.
#pragma once
#include <string>
#include <vector>

#include "model/model.h"

namespace kyosei {

// The organisations named in a service's 実施主体 (empty when it is blank).
std::vector<std::string> provider_names(const Service& s);

// 「A、B、C」: 実施主体 as one text for a table cell or a page.
std::string provider_display(const Service& s);

struct ProviderOrganisation {
  std::string name;
  std::vector<const Service*> services;  // in the order given
};

// Every organisation named by the services that pass include (nullptr: all
// of them), each once, with the services it runs.
std::vector<ProviderOrganisation> provider_organisations(const std::vector<Service>& services,
                                                         bool (*include)(const Service&) = nullptr);
std::vector<ProviderOrganisation> provider_organisations(const std::vector<const Service*>& services);

}  // namespace kyosei
