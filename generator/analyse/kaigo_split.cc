#include "analyse/kaigo_split.h"

#include "read/embedded_csv.h"

namespace kyosei {

namespace {

const std::vector<KaigoShare>& table() {
  static const std::vector<KaigoShare> rows = [] {
    std::vector<KaigoShare> out;
    for (auto& r : embedded_csv_rows("data/jusou_kaigo_split.csv"))
      out.push_back({r["component_key"], r["payer"], r["ratio_text"], std::stoll(r["num"]), std::stoll(r["den"]),
                     r["legal_basis"], r["note"], r["source"]});
    return out;
  }();
  return rows;
}

}  // namespace

std::vector<const KaigoShare*> kaigo_shares(const std::string& component_key) {
  std::vector<const KaigoShare*> out;
  for (const auto& s : table())
    if (s.component_key == component_key) out.push_back(&s);
  return out;
}

std::vector<KaigoPart> split_kaigo_remainder(const FundingRow& row) {
  std::vector<KaigoPart> out;
  if (!row.computed() || !row.amount) return out;
  auto shares = kaigo_shares(row.funded_as.empty() ? row.component_key : row.funded_as);
  if (shares.empty()) return out;
  long long left = row.municipal;
  for (size_t i = 0; i < shares.size(); ++i) {
    long long yen = i + 1 == shares.size() ? left : *row.amount * shares[i]->num / shares[i]->den;
    left -= yen;
    out.push_back({shares[i], yen});
  }
  return out;
}

}  // namespace kyosei
