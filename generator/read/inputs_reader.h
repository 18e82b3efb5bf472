// Reads a whole inputs folder (see docs/inputs.md) into one Dataset.
//
//   RealFileSystem fs("inputs");
//   Diagnostics diags;
//   Dataset ds = read_inputs(fs, diags);
//   if (diags.has_errors()) ...  // print every diagnostic, exit 2
//
// Every file is read even after errors, so that a run reports all problems
// together. Cross-file rules (IDs that must exist, the area hierarchy, 按分
// and 配分 sums, documents) are checked here, with the place they were
// written.
#pragma once
#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/model.h"

namespace kyosei {

struct ReadOptions {
  bool read_documents = true;  // open the PDFs (poppler); off for quick checks in tests
  // import into a new folder: a PDF not there yet is a warning saying where
  // to put it, not an error.
  bool missing_documents_are_warnings = false;
  int jobs = 1;                // CSV files and PDFs read at once (base/parallel.h); the result is the same for any number
  // > 0: each PDF's page 1 is rendered that wide by the child that reads it
  // (Document::thumbnail_*), so the site need not start another per PDF.
  int thumbnail_width = 0;
  // Each PDF that looks public (no session of a 守秘義務 あり meeting names
  // it) is also made ready for publishing by the child that reads it
  // (Document::publication_read), so the site need not start another.
  bool prepare_publication = false;
};

Dataset read_inputs(const FileSystem& fs, Diagnostics& diags, const ReadOptions& options = {});

}  // namespace kyosei
