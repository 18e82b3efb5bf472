#include "model/input_names.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("with_input_titles names inputs and reference tables, never their files") {
  CHECK(with_input_titles("staff.csv の担当圏域から") == "「コーディネーター等の名簿」の担当圏域から");
  CHECK(with_input_titles("`assessment.csv` の回答") == "「自己点検の回答」の回答");
  CHECK(with_input_titles("meeting_sessions.csv に開催実績がありません") == "「会議の開催実績」に開催実績がありません");
  CHECK(with_input_titles("data/jusou_components.csv で「必須」") == "「重層的支援体制整備事業の構成事業の一覧」で「必須」");
  CHECK(with_input_titles("架空市の事業") == "架空市の事業");
}

}  // namespace kyosei
