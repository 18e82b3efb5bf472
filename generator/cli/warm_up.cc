#include "cli/warm_up.h"

#include "analyse/findings_config.h"
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
  (void)builtin_findings_config();  // data/assessment/findings.toml
  (void)help_situations();          // data/site/help_situations.toml
  const char* sample = "地域福祉計画推進委員会の開催";
  (void)nfkc(sample);                  // ICU's NFKC
  (void)privacy_fold(sample);          // NFKC_Casefold
  (void)search_fold_utf8(sample);      // data/search/*.toml
  (void)add_word_breaks_to_text(sample);  // the break iterator and its Japanese dictionary
  (void)prepare_pdf_library();
}

}  // namespace kyosei
