#include "accuracy/published.h"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "accuracy/csv.h"

namespace accuracy {
namespace {

const std::vector<std::string> kRequired = {"family", "model",  "width",     "resolution",
                                            "macs_m", "top1",   "precision", "source"};

// An optional number cell: empty means absent; otherwise a number in [min, max].
bool ReadOptional(const CsvRow& row, size_t index, const std::string& column, double min,
                  double max, tomlspec::Context& ctx, std::optional<double>* out) {
  const CsvCell& cell = row.cells[index];
  if (cell.text.find_first_not_of(' ') == std::string::npos) return true;
  double value = 0;
  if (!ParseNumber(cell.text, &value)) {
    ctx.Error(row.line, cell.column, fmt::format("{} '{}' is not a number", column, cell.text));
    return false;
  }
  if (value < min || value > max) {
    ctx.Error(row.line, cell.column,
              fmt::format("{} {:g} is out of range: must be between {:g} and {:g}", column, value,
                          min, max));
    return false;
  }
  *out = value;
  return true;
}

PublishedRow ReadRow(const CsvRow& row, const CsvColumns& cols, tomlspec::Context& ctx) {
  auto cell = [&](const char* name) -> const std::string& { return row.cells[*cols.Find(name)].text; };
  PublishedRow out;
  out.line = row.line;
  out.family = cell("family");
  out.model = cell("model");
  out.source = cell("source");
  if (const auto note = cols.Find("training_note")) out.training_note = row.cells[*note].text;
  ReadOptional(row, *cols.Find("width"), "width", 0.01, 4, ctx, &out.width);
  std::optional<double> resolution;
  if (ReadOptional(row, *cols.Find("resolution"), "resolution", 8, 1024, ctx, &resolution) &&
      resolution) {
    if (*resolution != std::floor(*resolution)) {
      ctx.Error(row.line, row.cells[*cols.Find("resolution")].column,
                fmt::format("resolution {:g} is not an integer", *resolution));
    }
    out.resolution = static_cast<int>(*resolution);
  }
  ReadOptional(row, *cols.Find("macs_m"), "macs_m", 1e-3, 1e6, ctx, &out.macs_m);
  ReadTop1Cell(row, *cols.Find("top1"), "top1", ctx, &out.top1_pct);
  ReadPrecisionCell(row, *cols.Find("precision"), ctx, &out.precision);
  if (out.model.empty()) ctx.Error(row.line, row.cells[*cols.Find("model")].column, "empty model name");
  if (out.source.empty()) {
    ctx.Error(row.line, row.cells[*cols.Find("source")].column,
              "empty source: every published figure must say where it comes from");
  }
  return out;
}

}  // namespace

util::Result<std::vector<PublishedRow>> ParsePublished(const std::string& file,
                                                       std::string_view text) {
  tomlspec::Context ctx(file, text);
  auto table = ParseCsv(text, ctx);
  if (!table) return table.error();
  const CsvColumns cols(*table, kRequired, ctx);
  if (!ctx.ok()) return ctx.ToError();
  std::vector<PublishedRow> rows;
  std::set<std::string> seen;
  for (const CsvRow& row : table->rows) {
    rows.push_back(ReadRow(row, cols, ctx));
    if (!rows.back().model.empty() && !seen.insert(rows.back().model).second) {
      ctx.Error(row.line, row.cells[*cols.Find("model")].column,
                fmt::format("duplicate model name '{}'", rows.back().model));
    }
  }
  if (!ctx.ok()) return ctx.ToError();
  return rows;
}

const PublishedRow* FindRow(const std::vector<PublishedRow>& rows, const std::string& model) {
  for (const PublishedRow& row : rows) {
    if (row.model == model) return &row;
  }
  return nullptr;
}

}  // namespace accuracy
