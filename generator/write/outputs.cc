#include "write/outputs.h"

#include "analyse/coverage.h"
#include "model/schema.h"
#include "write/site_writer.h"
#include "write/summary_markdown.h"
#include "write/xlsx_inventory.h"

namespace kyosei {

namespace {

bool inventory_summary(const BuildContext& c) {
  const Schema& schema = builtin_schema();
  auto matrix = compute_coverage(c.dataset, schema.values("services.csv", "分野"), schema.values("services.csv", "機能"));
  auto components = compute_component_coverage(c.dataset, c.reference);
  return write_inventory_summary(c.dataset, c.reference, matrix, components, c.out_dir + "/plan/棚卸サマリー.md", c.diags);
}

bool inventory_workbook(const BuildContext& c) {
  return write_inventory_workbook(c.dataset, c.reference, c.out_dir + "/excel/棚卸一覧.xlsx", c.diags);
}

bool public_site(const BuildContext& c) {
  int before = c.diags.error_count();
  write_site(c.dataset, c.reference, c.inputs, c.out_dir + "/site", c.diags);
  return c.diags.error_count() == before;
}

}  // namespace

const std::vector<OutputWriter>& output_writers() {
  static const std::vector<OutputWriter> all = {
      {"棚卸サマリー", "plan/棚卸サマリー.md", inventory_summary},
      {"棚卸一覧（Excel）", "excel/棚卸一覧.xlsx", inventory_workbook},
      {"公開サイト", "site/", public_site},
  };
  return all;
}

}  // namespace kyosei
