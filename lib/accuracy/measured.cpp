#include "accuracy/measured.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

#include "accuracy/accuracy.h"
#include "accuracy/csv.h"
#include "util/spellcheck.h"

namespace accuracy {
namespace {

const std::vector<std::string> kRequired = {"variant", "top1", "precision"};
const std::vector<std::string> kRequiredForImport = {"variant", "top1", "precision", "task",
                                                     "dataset"};

bool IsSha256(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c)) != 0;
         });
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Reads the task and dataset cells of an import row: a known pair, with "did you mean".
void ReadTaskCells(const CsvRow& row, const CsvColumns& cols, tomlspec::Context& ctx,
                   Measurement* m) {
  const CsvCell& task = row.cells[*cols.Find("task")];
  const CsvCell& dataset = row.cells[*cols.Find("dataset")];
  std::vector<std::string> tasks, datasets;
  for (const TaskDataset& known : KnownTaskDatasets()) {
    if (std::find(tasks.begin(), tasks.end(), known.task) == tasks.end()) {
      tasks.emplace_back(known.task);
    }
    if (known.task == task.text) datasets.emplace_back(known.dataset);
  }
  if (task.text.empty()) {
    ctx.Error(row.line, task.column, "empty task (one of: " + Join(tasks) + ")");
  } else if (datasets.empty()) {
    ctx.Error(row.line, task.column, fmt::format("unknown task '{}'{}", task.text,
                                                 util::DidYouMean(task.text, tasks)));
  } else if (std::find(datasets.begin(), datasets.end(), dataset.text) == datasets.end()) {
    ctx.Error(row.line, dataset.column,
              dataset.text.empty()
                  ? fmt::format("empty dataset (for {}: {})", task.text, Join(datasets))
                  : fmt::format("unknown dataset '{}' for task {}{}", dataset.text, task.text,
                                util::DidYouMean(dataset.text, datasets)));
  }
  m->task = task.text;
  m->dataset = dataset.text;
}

// CSV-quotes a cell when it holds a comma, a quote or leading/trailing space.
std::string Quote(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += (c == '"') ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string CanonicalName(const searchspace::Catalog& catalog, const searchspace::Variant& variant) {
  const searchspace::Space* space = catalog.Find(variant.space);
  searchspace::Variant named = variant;
  named.fixed = space != nullptr && space->fixed;
  return named.name();
}

bool IsImportedModelName(std::string_view name) {
  constexpr std::string_view kSuffix = ".tflite";
  return name.size() > kSuffix.size() && name.ends_with(kSuffix) &&
         name.find_first_of("/\\") == std::string_view::npos;
}

namespace {

// Parses measurement rows; with a catalog (an import), variants must resolve and are made
// canonical, and a file without a data row is an error (an import of nothing is a mistake:
// the wrong file, or an export cut short); without one (the store) variants are taken verbatim
// and must only be non-empty, and a store without rows is an empty store.
util::Result<std::vector<Measurement>> ParseRows(const std::string& file, std::string_view text,
                                                 const searchspace::Catalog* catalog) {
  tomlspec::Context ctx(file, text);
  auto table = ParseCsv(text, ctx);
  if (!table) return table.error();
  if (catalog != nullptr && table->rows.empty()) {  // the first problem; columns aside
    // A file without its header line has its one row read as the header: say so instead.
    const bool header = std::find(table->header.begin(), table->header.end(), "variant") != table->header.end();
    ctx.Error(table->header_line, 1, header ? "no data rows (only a header): nothing to import"
                                            : "no header line (variant,top1,precision,task,dataset[,source]) "
                                              "before this row: nothing to import");
    return ctx.ToError();
  }
  const CsvColumns cols(*table, catalog != nullptr ? kRequiredForImport : kRequired, ctx);
  if (!ctx.ok()) return ctx.ToError();
  std::vector<Measurement> rows;
  for (const CsvRow& row : table->rows) {
    Measurement m;
    const CsvCell& name = row.cells[*cols.Find("variant")];
    if (catalog == nullptr) {
      m.variant = name.text;
      if (m.variant.empty()) ctx.Error(row.line, name.column, "empty variant name");
    } else if (IsImportedModelName(name.text)) {
      m.variant = name.text;
    } else if (IsSha256(name.text)) {
      m.variant = Lower(name.text);
    } else if (auto variant = catalog->ParseVariant(name.text)) {
      m.variant = CanonicalName(*catalog, *variant);
    } else {
      ctx.Error(row.line, name.column, variant.error().message);
    }
    ReadTop1Cell(row, *cols.Find("top1"), "top1", ctx, &m.top1_pct);
    ReadPrecisionCell(row, *cols.Find("precision"), ctx, &m.precision);
    if (const auto source = cols.Find("source")) m.source = row.cells[*source].text;
    m.line = row.line;
    if (catalog != nullptr) ReadTaskCells(row, cols, ctx, &m);
    rows.push_back(std::move(m));
  }
  // top1 is in percent; a file whose every top-1 is at most 1 holds fractions (0.71 for 71 %),
  // which would import as accuracies below random guessing.
  const bool fractions = std::all_of(rows.begin(), rows.end(), [](const Measurement& m) { return m.top1_pct <= 1; });
  if (catalog != nullptr && ctx.ok() && fractions) {
    const CsvCell& cell = table->rows.front().cells[*cols.Find("top1")];
    ctx.Error(table->rows.front().line, cell.column,
              fmt::format("top1 {} looks like a fraction (every top1 of the file is at most 1): give "
                          "percent, e.g. {:g} for {}", cell.text, rows.front().top1_pct * 100, cell.text));
  }
  if (!ctx.ok()) return ctx.ToError();
  return rows;
}

}  // namespace

util::Result<std::vector<Measurement>> ParseMeasurements(const std::string& file,
                                                         std::string_view text,
                                                         const searchspace::Catalog& catalog) {
  return ParseRows(file, text, &catalog);
}

std::vector<Measurement> MergeMeasurements(std::vector<Measurement> existing,
                                           const std::vector<Measurement>& imported) {
  for (const Measurement& m : imported) {
    bool replaced = false;
    for (Measurement& old : existing) {
      if (old.variant == m.variant && old.precision == m.precision) {
        old = m;
        replaced = true;
      }
    }
    if (!replaced) existing.push_back(m);
  }
  return existing;
}

std::string FormatStore(const std::vector<Measurement>& rows) {
  std::string out = "variant,top1,precision,source\n";
  for (const Measurement& m : rows) {
    out += fmt::format("{},{:g},{},{}\n", Quote(m.variant), m.top1_pct, PrecisionName(m.precision),
                       Quote(m.source));
  }
  return out;
}

util::Result<std::vector<Measurement>> LoadStore(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::vector<Measurement>{};
  auto text = ReadFile(path);
  if (!text) return text.error();
  return ParseRows(path, *text, nullptr);
}

util::Status SaveStore(const std::string& path, const std::vector<Measurement>& rows) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  // Same directory as the target, so the rename cannot cross file systems.
  const fs::path temp = target.string() + fmt::format(".tmp.{}", static_cast<long>(::getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << FormatStore(rows);
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return util::RuntimeError(fmt::format("cannot write '{}'", temp.string()));
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return util::RuntimeError(fmt::format("cannot replace '{}': {}", path, ec.message()));
  }
  return util::Ok{};
}

util::Result<size_t> ImportMeasurements(const std::string& store_path, const std::string& file,
                                        std::string_view file_text,
                                        const searchspace::Catalog& catalog) {
  auto imported = ParseMeasurements(file, file_text, catalog);
  if (!imported) return imported.error();
  auto existing = LoadStore(store_path);
  if (!existing) return existing.error();
  auto status = SaveStore(store_path, MergeMeasurements(std::move(existing).value(), *imported));
  if (!status) return status.error();
  return imported->size();
}

const Measurement* FindMeasurement(const std::vector<Measurement>& rows, const std::string& variant,
                                   Precision precision) {
  for (const Measurement& m : rows) {
    if (m.variant == variant && m.precision == precision && m.task == kImageNet.task &&
        m.dataset == kImageNet.dataset) {
      return &m;
    }
  }
  return nullptr;
}

}  // namespace accuracy
