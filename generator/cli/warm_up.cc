#include "cli/warm_up.h"

#include "analyse/analysis.h"
#include "base/text.h"
#include "model/reference_data.h"
#include "read/pdf_reader.h"
#include "write/markdown/html_typeset.h"
#include "write/site/site_help.h"
#include "write/site/site_privacy.h"
#include "write/site/site_search.h"

namespace kyosei {

void warm_up_before_forks() {
  (void)reference_data();           // data/schema.toml, the 重層事業 tables, rules, plan chapters
  load_analysis_tables();           // data/assessment/findings.toml, data/jusou_funding_rules.csv
  (void)help_situations();          // data/site/help_situations.toml
  // Full-width and half-width characters, so that ICU's normalisers load too.
  const char* sample = "地域福祉計画推進委員会の開催（第１回・ｶﾞｲﾄﾞ）";
  (void)nfkc(sample);                     // ICU's NFKC
  (void)privacy_fold(sample);             // NFKC_Casefold
  (void)search_fold_utf8(sample);         // data/search/*.toml
  (void)add_word_breaks_to_text(sample);  // the break iterator and its Japanese dictionary
  (void)prepare_pdf_library();
}

}  // namespace kyosei
