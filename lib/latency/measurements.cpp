#include "latency/measurements.h"
#include "util/file.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "util/spellcheck.h"

namespace latency {
namespace {

const std::vector<std::string> kRequired = {"board", "variant", "mode", "latency_ms"};
const std::vector<std::string> kOptional = {"power_mw", "energy_mj", "paper_macs_m", "source",
                                           "runtime"};

// Splits one CSV line; double quotes group commas, "" is a literal quote.
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (ch == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (ch == ',' && !quoted) {
      fields.emplace_back();
    } else if (ch != '\r') {
      fields.back() += ch;
    }
  }
  return fields;
}

bool ParseNumber(const std::string& text, double* out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end && std::isfinite(*out);
}

class RowReader {
 public:
  RowReader(std::string file, const KnownNames& known) : file_(std::move(file)), known_(known) {}

  bool ReadHeader(const std::vector<std::string>& names, int line) {
    for (size_t i = 0; i < names.size(); ++i) {
      std::vector<std::string> all = kRequired;
      all.insert(all.end(), kOptional.begin(), kOptional.end());
      if (std::find(all.begin(), all.end(), names[i]) == all.end()) {
        Error(line, fmt::format("unknown column '{}'{}", names[i], util::DidYouMean(names[i], all)));
      }
      // A repeated name would leave the header wider than column_, and rows as wide as
      // column_ would then be indexed past their end.
      if (!column_.emplace(names[i], i).second) {
        Error(line, fmt::format("column '{}' appears more than once", names[i]));
      }
    }
    width_ = names.size();
    for (const std::string& name : kRequired) {
      if (!column_.count(name)) Error(line, fmt::format("missing column '{}'", name));
    }
    return errors_.empty();
  }

  void ReadRow(const std::vector<std::string>& cells, int line, std::vector<Measurement>* out) {
    if (cells.size() != width_) {
      Error(line, fmt::format("expected {} fields, found {}", width_, cells.size()));
      return;
    }
    Measurement m;
    m.file = file_;
    m.line = line;
    m.board = Cell(cells, "board");
    m.variant = Cell(cells, "variant");
    m.source = Cell(cells, "source");
    if (std::find(known_.boards.begin(), known_.boards.end(), m.board) == known_.boards.end()) {
      const bool file = m.board.ends_with(".toml");
      Error(line, fmt::format("unknown board '{}'{}", m.board,
                              file ? " (the board column takes the profile's name, its 'name' key)"
                                   : util::DidYouMean(m.board, known_.boards)));
    }
    if (const std::string problem = known_.check_variant(m.variant); !problem.empty()) {
      Error(line, problem);
    }
    m.runtime = Cell(cells, "runtime");
    if (m.runtime.empty()) m.runtime = std::string(kPaperRuntime);
    if (known_.check_runtime) {
      if (const std::string problem = known_.check_runtime(m.runtime); !problem.empty()) {
        Error(line, problem);
      }
    }
    m.mode = Cell(cells, "mode");
    if (const std::string problem = known_.check_mode(m.mode); !problem.empty()) {
      Error(line, problem);
    }
    double latency = 0;
    if (!ParseNumber(Cell(cells, "latency_ms"), &latency) || latency <= 0) {
      Error(line, fmt::format("latency_ms must be a positive number, found '{}'",
                              Cell(cells, "latency_ms")));
    }
    m.latency_ms = latency;
    m.power_mw = Optional(cells, "power_mw", line);
    m.energy_mj = Optional(cells, "energy_mj", line);
    m.paper_macs_m = Optional(cells, "paper_macs_m", line);
    out->push_back(std::move(m));
  }

  void Error(int line, const std::string& message) {
    errors_.push_back(fmt::format("{}:{}: {}", file_, line, message));
  }
  bool ok() const { return errors_.empty(); }
  util::Error ToError() const {
    std::string message;
    for (const std::string& e : errors_) message += (message.empty() ? "" : "\n") + e;
    return util::InputError(message);
  }

 private:
  std::string Cell(const std::vector<std::string>& cells, const std::string& name) const {
    const auto it = column_.find(name);
    return it == column_.end() ? "" : cells[it->second];
  }

  std::optional<double> Optional(const std::vector<std::string>& cells, const std::string& name,
                                 int line) {
    const std::string text = Cell(cells, name);
    if (text.empty()) return std::nullopt;
    double value = 0;
    if (!ParseNumber(text, &value) || value <= 0) {
      Error(line, fmt::format("{} must be a positive number or empty, found '{}'", name, text));
      return std::nullopt;
    }
    return value;
  }

  std::string file_;
  const KnownNames& known_;
  std::map<std::string, size_t> column_;
  size_t width_ = 0;  // cells in the header, and so in every row
  std::vector<std::string> errors_;
};

}  // namespace

std::string Measurement::Key() const {
  // The paper's runtime is implied, so keys of rows without a runtime column read as before.
  if (runtime != kPaperRuntime) return fmt::format("{}/{}/{}/{}", board, runtime, variant, mode);
  return fmt::format("{}/{}/{}", board, variant, mode);
}

std::string Measurement::CoefficientKey() const { return latency::CoefficientKey(board, runtime); }

util::Result<std::vector<Measurement>> ParseMeasurements(const std::string& file,
                                                         const std::string& text,
                                                         const KnownNames& known) {
  RowReader reader(file, known);
  std::vector<Measurement> rows;
  std::istringstream in(text);
  std::string line;
  bool header_read = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line == "\r" || line[0] == '#') continue;
    if (!header_read) {
      header_read = true;
      if (!reader.ReadHeader(SplitCsv(line), number)) break;
      continue;
    }
    reader.ReadRow(SplitCsv(line), number, &rows);
  }
  if (!header_read) reader.Error(1, "no header line (expected board,variant,mode,latency_ms,...)");
  if (!reader.ok()) return reader.ToError();
  return rows;
}

util::Result<std::vector<Measurement>> LoadMeasurements(const std::string& path,
                                                        const KnownNames& known) {
  auto text = util::ReadFile(path, "file");
  if (!text) return text.error();
  return ParseMeasurements(path, *text, known);
}

}  // namespace latency
