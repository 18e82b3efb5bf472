// When a 交付金 ratio row (model/reference.h FundingRatio) is in force.
// fy_from/fy_to are western fiscal years, both inclusive; 0 = unbounded.
// This is how 2, 4 and 5 switch from the R4 regime (国 3/4, 都道府県 なし)
// to R5 onward (国 1/2, 都道府県 1/4) in data/jusou_funding.csv.
#pragma once
#include "model/reference.h"

namespace kyosei {

inline bool ratio_applies(const FundingRatio& r, int fiscal_year) {
  return (r.fy_from == 0 || fiscal_year >= r.fy_from) && (r.fy_to == 0 || fiscal_year <= r.fy_to);
}

}  // namespace kyosei
