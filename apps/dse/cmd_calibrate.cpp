// dse calibrate [--data FILE.csv ...] [--json] — fits the latency model's coefficients to
// measured latencies, reports predicted vs measured per row, in-sample and leave-one-out MAPE
// per board and mode next to a MACs-only baseline, and writes the fitted coefficients.

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "app.h"
#include "hw/catalog.h"
#include "latency/fit.h"
#include "latency/samples.h"
#include "models.h"
#include "show_latency.h"

namespace dse_app {
namespace {

struct CalibrateOptions {
  std::vector<std::string> data_files;
  std::string out_file;
  bool json = false;
  bool no_write = false;
};

std::vector<std::string> DefaultDataFiles() {
  std::vector<std::string> files;
  const std::filesystem::path dir = std::filesystem::path(Globals().data_dir) / "data" / "latency";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Pct(const std::optional<double>& v) {
  return v ? fmt::format("{:.1f}%", *v) : "-";
}
std::string Ms(const std::optional<double>& v) { return v ? fmt::format("{:.0f}", *v) : "-"; }

nlohmann::json OptionalJson(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json CalibrationJson(const latency::Calibration& cal) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : cal.rows) {
    rows.push_back({{"file", r.row.file}, {"line", r.row.line}, {"board", r.row.board},
                    {"variant", r.row.variant}, {"mode", latency::ModeName(r.row.mode)},
                    {"macs", r.macs}, {"measured_ms", r.row.latency_ms},
                    {"predicted_ms", r.predicted_ms}, {"loo_ms", OptionalJson(r.loo_ms)},
                    {"baseline_ms", OptionalJson(r.baseline_ms)},
                    {"baseline_loo_ms", OptionalJson(r.baseline_loo_ms)}});
  }
  nlohmann::json summaries = nlohmann::json::array();
  for (const auto& s : cal.summaries) {
    summaries.push_back({{"board", s.board.empty() ? "all" : s.board},
                         {"mode", s.mode.empty() ? "all" : s.mode}, {"rows", s.rows},
                         {"mape_pct", s.mape_pct}, {"loo_mape_pct", OptionalJson(s.loo_mape_pct)},
                         {"baseline_mape_pct", OptionalJson(s.baseline_mape_pct)},
                         {"baseline_loo_mape_pct", OptionalJson(s.baseline_loo_mape_pct)}});
  }
  nlohmann::json coefs = nlohmann::json::object();
  for (const auto& [board, bc] : cal.fitted) {
    nlohmann::json c = {{"provenance", bc.Provenance()}};
    for (int j = 0; j < latency::kNumCoefs; ++j) {
      c[std::string(latency::CoefTable()[j].key)] = {{"value", bc.value[j]}, {"prior", bc.prior[j]},
                                                     {"rows", bc.rows_informing[j]}};
    }
    coefs[board] = c;
  }
  return {{"rows", rows}, {"summaries", summaries}, {"coefficients", coefs}, {"notes", cal.notes}};
}

void PrintCalibration(const latency::Calibration& cal) {
  std::cout << fmt::format("{:<5} {:<22} {:<8} {:>7} {:>9} {:>7} {:>9} {:>7} {:>9} {:>7}\n", "board",
                           "variant", "mode", "MACs_M", "meas_ms", "pred", "err", "LOO", "LOO_err",
                           "base");
  for (const auto& r : cal.rows) {
    const double err = 100 * (r.predicted_ms - r.row.latency_ms) / r.row.latency_ms;
    const std::string loo_err =
        r.loo_ms ? fmt::format("{:+.1f}%", 100 * (*r.loo_ms - r.row.latency_ms) / r.row.latency_ms)
                 : "-";
    std::cout << fmt::format("{:<5} {:<22} {:<8} {:>7.1f} {:>9.0f} {:>7.0f} {:>+8.1f}% {:>7} {:>9} {:>7}\n",
                             r.row.board, r.row.variant, latency::ModeName(r.row.mode), r.macs / 1e6,
                             r.row.latency_ms, r.predicted_ms, err, Ms(r.loo_ms), loo_err,
                             Ms(r.baseline_ms));
  }
  std::cout << fmt::format("\nMAPE            {:>4}  {:>9} {:>9}   {:>12} {:>12}\n", "rows",
                           "in-sample", "LOO", "MACs-only in", "MACs-only LOO");
  for (const auto& s : cal.summaries) {
    const std::string group = fmt::format("{}/{}", s.board.empty() ? "all" : s.board,
                                          s.mode.empty() ? "all" : s.mode);
    std::cout << fmt::format("{:<15} {:>4}  {:>9} {:>9}   {:>12} {:>12}\n", group, s.rows,
                             Pct(s.mape_pct), Pct(s.loo_mape_pct), Pct(s.baseline_mape_pct),
                             Pct(s.baseline_loo_mape_pct));
  }
  for (const std::string& note : cal.notes) std::cout << "note: " << note << "\n";
}

// Writes `text` to `path` through a temporary file beside it (same directory, so the rename
// cannot cross file systems): written, flushed to disk, then renamed over `path`. A write that
// fails (a full disk, a file-size limit) or is interrupted never leaves a truncated `path`: it
// holds the old coefficients or the new ones. On failure: exit 2, "PATH: what is wrong".
void WriteAtomically(const std::string& path, const std::string& text) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  const std::string temp = fmt::format("{}.tmp.{}", path, static_cast<long>(::getpid()));
  const auto fail = [&](int fd, int error) {
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    FailInput(fmt::format("{}: cannot write the coefficients: {}{}", path, std::strerror(error),
                          existed ? "; the file is unchanged" : ""));
  };
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) fail(fd, errno);
  for (size_t written = 0; written < text.size();) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno != EINTR) fail(fd, errno);
    if (n > 0) written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) fail(fd, errno);
  if (::close(fd) != 0) fail(-1, errno);
  if (::rename(temp.c_str(), path.c_str()) != 0) fail(-1, errno);
}

void Run(const CalibrateOptions& options) {
  const hw::Catalog boards = Unwrap(hw::Catalog::LoadDirectory(Globals().data_dir + "/hwprofiles"));
  const latency::KnownNames names = latency::NamesFrom(boards, Spaces());
  const std::vector<std::string> files =
      options.data_files.empty() ? DefaultDataFiles() : options.data_files;
  if (files.empty()) FailInput("no measurement files: give --data FILE.csv");
  std::vector<latency::Measurement> rows;
  std::string sources;
  for (const std::string& file : files) {
    const auto loaded = Unwrap(latency::LoadMeasurements(file, names));
    rows.insert(rows.end(), loaded.begin(), loaded.end());
    const std::string rel = std::filesystem::path(file).lexically_relative(Globals().data_dir).string();
    sources += (sources.empty() ? "" : ", ") + (rel.empty() || rel.starts_with("..") ? file : rel);
  }
  if (rows.empty()) {
    FailInput(fmt::format("{}: the measurement file(s) hold no rows", fmt::join(files, ", ")));
  }
  const std::vector<latency::Sample> samples =
      Unwrap(latency::BuildSamples(rows, boards, Spaces(), BudgetTable()));
  latency::CoefficientFile priors;
  for (const auto& s : samples) priors[s.row.board] = latency::Priors(*boards.Find(s.row.board));
  const latency::Calibration cal = latency::Calibrate(samples, priors, sources);
  if (options.json) {
    std::cout << CalibrationJson(cal).dump(2) << "\n";
  } else {
    PrintCalibration(cal);
  }
  if (options.no_write) return;
  const std::string out = options.out_file.empty() ? CoefficientsPath() : options.out_file;
  WriteAtomically(out, latency::FormatCoefficients(cal.fitted));
  Note(fmt::format("wrote fitted coefficients of {} board(s) to {}", cal.fitted.size(), out));
}

}  // namespace

void RegisterCalibrate(CLI::App& app) {
  static CalibrateOptions options;
  CLI::App* cmd = app.add_subcommand(
      "calibrate", "Fit the latency model to measured latencies; report errors and write coefficients");
  cmd->add_option("--data", options.data_files,
                  "Measurement CSV (repeatable; default: every data/latency/*.csv). Columns: "
                  "board,variant,mode,latency_ms[,power_mw,energy_mj,paper_macs_m,source]")
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", options.out_file,
                  "Where to write the fitted coefficients (default: data/latency/coefficients.toml)");
  cmd->add_flag("--no-write", options.no_write, "Report only; do not write the coefficients");
  cmd->add_flag("--json", options.json,
                "Print JSON: rows (measured, predicted, loo, baseline), summaries, coefficients");
  cmd->callback([] { Run(options); });
}

}  // namespace dse_app
