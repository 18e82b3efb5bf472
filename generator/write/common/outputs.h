// The outputs of `kyosei build`, registered in one list rather than wired
// into the command: each entry writes one part of the output folder from
// the same validated Dataset. Later parts (plan drafts, self-assessment,
// council workbooks) are added as entries in outputs.cc.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "analyse/analysis.h"
#include "base/file_system.h"
#include "model/model.h"
#include "model/reference.h"
#include "write/common/audience.h"
#include "write/sheet/csv_export.h"

namespace kyosei {

// What several writers of one build need alike (the council sheets: the
// workbook and the CSVs), made once by the first that asks. Writers run in
// parallel, hence the mutex; one per build (the contexts of one build's
// writers share it), so nothing outlives the build.
struct BuildMemo {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const void>> parts;
};

struct BuildContext {
  const Dataset& dataset;
  const Dataset* previous;  // --previous, or nullptr
  const Reference& reference;
  const FileSystem& inputs;  // to copy documents/ and read overrides
  std::string out_dir;       // the (temporary) output folder
  Diagnostics& diags;
  // Every figure of the outputs, computed once before any writer runs
  // (analyse/analysis.h). Writers read it; none computes its own.
  const Analysis& analysis;
  // Problems of the inputs that only show while writing (the public site's
  // privacy guard: a staff 氏名 in a service's 概要). A writer reports them
  // here, located at the input row, and fails; the build then exits with
  // 2 rather than 3. nullptr: report them to diags.
  Diagnostics* input_problems = nullptr;
  // --audience: whether workbooks and CSVs may name staff (write/common/audience.h).
  Audience audience = Audience::Council;
  // --encoding: how out/csv/ is encoded (write/sheet/csv_export.h).
  CsvEncoding csv_encoding = CsvEncoding::Utf8Bom;
  // --jobs: threads a writer may use for its own parts (the site's pages);
  // the output is the same for any number.
  int jobs = 1;
  // --pdf: the printable HTML (plan drafts, report, leaflets) is also
  // printed to PDF (write/print/pdf_print.h).
  bool pdf = false;
  std::shared_ptr<BuildMemo> memo = std::make_shared<BuildMemo>();
};

struct OutputWriter {
  const char* name;  // Japanese, shown in progress messages
  const char* path;  // where it writes, relative to the output folder
  // False when it failed (an error was reported).
  bool (*write)(const BuildContext& ctx);
};

const std::vector<OutputWriter>& output_writers();

}  // namespace kyosei
