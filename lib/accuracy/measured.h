#pragma once
// Measured accuracies: top-1 figures a user obtained by training and evaluating variants,
// imported from CSV files. They override the surrogate's predictions. Kept in a small CSV
// store (default results/accuracy_measured.csv) until the SQLite store takes over; the
// import logic works on rows so that store can reuse it.

#include <string>
#include <string_view>
#include <vector>

#include "accuracy/types.h"
#include "searchspace/catalog.h"
#include "util/result.h"

namespace accuracy {

struct Measurement {
  std::string variant;     // canonical variant name (e.g. "mbv3-w0.75-r128"), or an imported
                           // model's file name or SHA-256 (the store resolves it)
  double top1_pct = 0;     // in [0, 100]
  Precision precision = Precision::kInt8;
  std::string source;      // who measured it and how; may be empty
  std::string task{kImageNet.task};        // one of KnownTaskDatasets()
  std::string dataset{kImageNet.dataset};
  int line = 0;            // line of the import file, for messages; 0 when not from a file
  std::string imported_at; // ISO 8601 UTC, set by the store
};

/// The name measurements are stored under: a fixed net's own name (e.g. "mcunet-in3"),
/// otherwise "family-wW.WW-rRRR". (Variant::name() formats fixed nets like scalable ones.)
std::string CanonicalName(const searchspace::Catalog& catalog, const searchspace::Variant& variant);

/// Whether `name` names an imported model: a file name ending in ".tflite" (no directory),
/// e.g. "kws_ref_model.tflite" — the name `dse analyze` and `dse sweep --models` give a model.
bool IsImportedModelName(std::string_view name);

/// Reads an import file. Columns: variant, top1, precision, task, dataset (required), source
/// (optional), extra columns ignored. task and dataset must be a pair of KnownTaskDatasets()
/// (with "did you mean"). Every variant must resolve in `catalog` (names are made canonical)
/// or be an imported model's name (IsImportedModelName) or SHA-256 (64 hex digits), kept
/// verbatim (lower-cased) for the store to resolve. A file without a data
/// row fails too: a header alone (comments aside) as "file:line: no data rows (only a
/// header) ...", comments alone or nothing as "file:1: no header line ...".
/// Any problem fails the whole file, with every problem as "file:line:col: message".
util::Result<std::vector<Measurement>> ParseMeasurements(const std::string& file,
                                                         std::string_view text,
                                                         const searchspace::Catalog& catalog);

/// `existing` with `imported` merged in: an imported row replaces an existing row of the same
/// variant and precision (and an earlier row of the same file); order is kept, new rows last.
std::vector<Measurement> MergeMeasurements(std::vector<Measurement> existing,
                                           const std::vector<Measurement>& imported);

/// The store's text: header "variant,top1,precision,source" and one row per measurement.
std::string FormatStore(const std::vector<Measurement>& rows);

/// Reads the store at `path`; a missing file is an empty store. Variant names are taken as
/// stored (they were checked at import), so a store holding variants of a user's --space file
/// still loads when that file is not given.
util::Result<std::vector<Measurement>> LoadStore(const std::string& path);

/// Writes `rows` to `path` atomically: a temporary file in the same directory, then rename,
/// so a failure leaves the old store byte-for-byte unchanged. Creates the directory.
util::Status SaveStore(const std::string& path, const std::vector<Measurement>& rows);

/// Parses `file_text` (named `file`), merges it into the store at `store_path` and saves it.
/// Returns the number of rows imported; on any error the store is untouched.
util::Result<size_t> ImportMeasurements(const std::string& store_path, const std::string& file,
                                        std::string_view file_text,
                                        const searchspace::Catalog& catalog);

/// The ImageNet classification measurement for (variant, precision), nullptr when none:
/// measurements of other tasks or datasets never become a variant's top-1 on the fronts.
const Measurement* FindMeasurement(const std::vector<Measurement>& rows, const std::string& variant,
                                   Precision precision);

}  // namespace accuracy
