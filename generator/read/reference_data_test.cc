#include "model/reference_data.h"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("reference_data: every part of data/ is loaded, and is the same object each time") {
  const kyosei::ReferenceData& data = kyosei::reference_data();
  CHECK(&data == &kyosei::reference_data());
  CHECK(&data.schema == &kyosei::builtin_schema());
  REQUIRE(data.schema.file("services.csv") != nullptr);
  CHECK(data.reference.components.size() == 13);  // the 13 rows of data/jusou_components.csv
  CHECK_FALSE(data.reference.funding.empty());
  CHECK_FALSE(data.reference.roles.empty());
  CHECK_FALSE(data.plan.chapters.empty());
  CHECK_FALSE(data.municipality_keys.empty());
}
