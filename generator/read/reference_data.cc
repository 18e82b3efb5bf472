#include "model/reference_data.h"

namespace kyosei {

const ReferenceData& reference_data() {
  static const ReferenceData data{builtin_schema(), builtin_reference(), builtin_plan_reference(),
                                  builtin_municipality_keys()};
  return data;
}

}  // namespace kyosei
