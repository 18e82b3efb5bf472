// The prefecture site (issue 14): the roll-up as static pages in the theme
// of the municipal site (site/layouts/page.mustache, site/assets/), with
// its own menu:
//
//   index.html                  coverage, 重層 status counts, the prefecture's share
//   municipalities/index.html   every municipality with its state (未提出/不備 marked)
//   municipalities/<code>.html  one municipality: status, components, staffing
//                               per 10,000 people, meetings, findings, scores
//   components.html             the matrix municipality × component and × 号
//   funding.html                the 都道府県 share by 号 and regime, per municipality
//   roles.html                  towns without 福祉事務所, municipalities without 1ニ
//   peers.html                  comparison with peers of similar population
//   change.html                 year over year (with --previous only)
//   sitemap.html, assets/*
//
// Privacy: only counts and sums reach the pages (never a person or a 議題),
// and every file passes each municipality's privacy guard
// (write/site/site_privacy.h) before it is written; if any guard finds a 氏名 or
// a confidential 議題, nothing of the site is left and the problems are in
// privacy_problems, located at the municipality's input rows.
#pragma once
#include <string>
#include <vector>

#include "analyse/prefecture_rollup.h"
#include "base/diagnostics.h"
#include "model/model.h"

namespace kyosei {

struct PrefectureSiteInput {
  const PrefectureRollup& rollup;
  const Reference& ref;
  // The datasets of the municipalities (for the privacy guards), with the
  // folder name that prefixes their problems.
  std::vector<std::pair<std::string, const Dataset*>> datasets;
};

bool write_prefecture_site(const PrefectureSiteInput& in, const std::string& out_dir, Diagnostics& diags,
                           Diagnostics& privacy_problems);

// Where a municipality's page lives: municipalities/<code or folder slug>.html.
std::string prefecture_municipality_page(const RollupMunicipality& m);

}  // namespace kyosei
