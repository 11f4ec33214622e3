#include "explore/reproduce.h"

#include <fmt/format.h>

#include "accuracy/csv.h"

namespace explore {
namespace {

// The rows of a CSV file as named cells, with every problem of the file in `ctx`.
struct NamedRows {
  const accuracy::CsvTable* table = nullptr;
  const accuracy::CsvColumns* columns = nullptr;
  const std::string& Text(const accuracy::CsvRow& row, const std::string& column) const {
    return row.cells[*columns->Find(column)].text;
  }
};

// A positive number cell; reports "column 'x' is not a positive number" otherwise.
double PositiveCell(const NamedRows& named, const accuracy::CsvRow& row, const std::string& column,
                    tomlspec::Context& ctx) {
  const accuracy::CsvCell& cell = row.cells[*named.columns->Find(column)];
  double value = 0;
  if (!accuracy::ParseNumber(cell.text, &value) || value <= 0) {
    ctx.Error(row.line, cell.column,
              fmt::format("{} '{}' is not a positive number", column, cell.text));
  }
  return value;
}

// Parses `text` and calls `read(named, row)` for each data row; collects every error.
template <typename Row, typename Read>
util::Result<std::vector<Row>> ReadRows(const std::string& file, const std::string& text,
                                        const std::vector<std::string>& required, Read read) {
  tomlspec::Context ctx(file, text);
  auto table = accuracy::ParseCsv(text, ctx);
  if (!table) return table.error();
  const accuracy::CsvColumns columns(*table, required, ctx);
  if (!ctx.ok()) return ctx.ToError();
  const NamedRows named{&*table, &columns};
  std::vector<Row> rows;
  for (const accuracy::CsvRow& row : table->rows) rows.push_back(read(named, row, ctx));
  if (!ctx.ok()) return ctx.ToError();
  return rows;
}

// Which table a published latency row belongs to, from its source ("" for neither).
std::string TableOf(const latency::Measurement& m) {
  if (m.source.find("Table III") != std::string::npos) return "III";
  if (m.source.find("Table II") != std::string::npos) return "II";
  return "";
}

PaperRow RowOf(const latency::Measurement& m, const std::string& table) {
  PaperRow row;
  row.table = table;
  row.board = m.board;
  row.variant = m.variant;
  row.mode = m.mode;
  row.macs_m = m.paper_macs_m;
  row.latency_ms = m.latency_ms;
  row.power_mw = m.power_mw;
  row.energy_mj = m.energy_mj;
  row.source = m.source;
  return row;
}

// The Table II row of `variant` on `board` in `mode`, nullptr when the table has none.
const PaperRow* FindRow(const std::vector<PaperRow>& rows, const std::string& board,
                        const std::string& variant, const std::string& mode) {
  for (const PaperRow& r : rows) {
    if (r.table == "II" && r.board == board && r.variant == variant && r.mode == mode) return &r;
  }
  return nullptr;
}

}  // namespace

util::Result<std::vector<AccuracyLink>> ParseAccuracyLinks(const std::string& file,
                                                           const std::string& text) {
  return ReadRows<AccuracyLink>(
      file, text, {"variant", "paper_model", "accuracy_row", "params_m"},
      [](const NamedRows& n, const accuracy::CsvRow& row, tomlspec::Context& ctx) {
        return AccuracyLink{n.Text(row, "variant"), n.Text(row, "paper_model"),
                            n.Text(row, "accuracy_row"), PositiveCell(n, row, "params_m", ctx)};
      });
}

util::Result<std::vector<Claim>> ParseClaims(const std::string& file, const std::string& text) {
  return ReadRows<Claim>(
      file, text,
      {"board", "tinyops_variant", "baseline_variant", "top1_gain_pct", "latency_ratio", "source"},
      [](const NamedRows& n, const accuracy::CsvRow& row, tomlspec::Context& ctx) {
        return Claim{n.Text(row, "board"),
                     n.Text(row, "tinyops_variant"),
                     n.Text(row, "baseline_variant"),
                     PositiveCell(n, row, "top1_gain_pct", ctx),
                     PositiveCell(n, row, "latency_ratio", ctx),
                     n.Text(row, "source")};
      });
}

util::Result<std::vector<PaperRow>> JoinPaperRows(
    const std::vector<latency::Measurement>& measured, const std::vector<AccuracyLink>& links,
    const std::vector<accuracy::PublishedRow>& published) {
  std::vector<PaperRow> rows;
  for (const char* table : {"II", "III"}) {
    for (const latency::Measurement& m : measured) {
      if (TableOf(m) != table) continue;
      PaperRow row = RowOf(m, table);
      if (row.table == "II") {
        const AccuracyLink* link = nullptr;
        for (const AccuracyLink& l : links) link = l.variant == m.variant ? &l : link;
        if (link == nullptr) {
          return util::InputError(
              fmt::format("{}:{}: Table II variant '{}' has no row in data/reproduce/table2.csv",
                          m.file, m.line, m.variant));
        }
        const accuracy::PublishedRow* acc = accuracy::FindRow(published, link->accuracy_row);
        if (acc == nullptr) {
          return util::InputError(
              fmt::format("data/reproduce/table2.csv: accuracy_row '{}' of {} is not in "
                          "data/accuracy/published.csv",
                          link->accuracy_row, link->variant));
        }
        row.paper_model = link->paper_model;
        row.params_m = link->params_m;
        row.top1_pct = acc->top1_pct;
      }
      rows.push_back(row);
    }
  }
  return rows;
}

ClaimCheck CheckClaim(const Claim& claim, const Candidate& tinyops, const Candidate& baseline,
                      const std::vector<PaperRow>& rows) {
  ClaimCheck check;
  check.claim = claim;
  const PaperRow* t = FindRow(rows, claim.board, claim.tinyops_variant, "tinyops");
  const PaperRow* b = FindRow(rows, claim.board, claim.baseline_variant, "internal");
  if (t != nullptr && b != nullptr) {
    if (t->top1_pct && b->top1_pct) check.table_top1_gain_pct = *t->top1_pct - *b->top1_pct;
    check.table_latency_ratio = b->latency_ms / t->latency_ms;
  }
  if (tinyops.top1 && baseline.top1) check.top1_gain_pct = *tinyops.top1 - *baseline.top1;
  if (tinyops.latency_ms && baseline.latency_ms && *tinyops.latency_ms > 0) {
    check.latency_ratio = *baseline.latency_ms / *tinyops.latency_ms;
  }
  check.holds = tinyops.feasible && check.top1_gain_pct && *check.top1_gain_pct > 0 &&
                check.latency_ratio && *check.latency_ratio > 1;
  return check;
}

std::optional<Candidate> ToolkitPick(const Candidate& reference,
                                     const std::vector<Candidate>& candidates) {
  if (!reference.latency_ms) return std::nullopt;
  std::optional<Candidate> best;
  for (const Candidate& c : candidates) {
    if (c.board != reference.board || c.mode != "tinyops" || !c.feasible || !c.top1 ||
        !c.latency_ms || *c.latency_ms > *reference.latency_ms) {
      continue;
    }
    const bool better = !best || *c.top1 > *best->top1 ||
                        (*c.top1 == *best->top1 && *c.latency_ms < *best->latency_ms);
    if (better) best = c;
  }
  return best;
}

}  // namespace explore
