// The 介護保険 part of the 交付金 breakdown: for the 介護 components (1イ,
// 3イ, 3ロ) the remainder after 国 and 都道府県 is not all 市町村負担. The
// 地域支援事業 rules of 介護保険法 split it between the 市町村, the 第1号保険料
// and, for the 介護予防・日常生活支援総合事業 (3イ), the 第2号保険料
// (data/jusou_kaigo_split.csv, one row per payer, with legal basis).
//
// Yen: each payer's share is rounded down, and the last payer of the table
// takes what is left, so the parts always add up to the row's 市町村等.
#pragma once
#include <string>
#include <vector>

#include "analyse/funding.h"

namespace kyosei {

struct KaigoShare {
  std::string component_key;
  std::string payer;       // 市町村 | 第1号保険料 | 第2号保険料
  std::string ratio_text;  // 12.5/100
  long long num = 0, den = 1;
  std::string legal_basis;
  std::string note;
  std::string source;
};

struct KaigoPart {
  const KaigoShare* share = nullptr;
  long long yen = 0;
};

// The table rows of one component, file order; empty when it has none.
std::vector<const KaigoShare*> kaigo_shares(const std::string& component_key);

// The split of a computed row's 市町村等; empty when the row is not computed,
// has no amount, or its component has no rows in the table.
std::vector<KaigoPart> split_kaigo_remainder(const FundingRow& row);

}  // namespace kyosei
