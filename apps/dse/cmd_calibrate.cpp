// dse calibrate [--data FILE.csv ...] [--json] — fits the latency model's coefficients to
// measured latencies, reports predicted vs measured per row, in-sample and leave-one-out MAPE
// per board and mode next to a MACs-only baseline, and writes the fitted coefficients.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "app.h"
#include "hw/catalog.h"
#include "latency/coefficient_layers.h"
#include "latency/fit.h"
#include "explore/active_calibration.h"
#include "explore/calibration.h"
#include "explore/measurement_files.h"
#include "explore/result_json.h"
#include "explore/texts.h"
#include "models.h"
#include "show_latency.h"
#include "util/atomic_file.h"

namespace dse_app {
namespace {

struct CalibrateOptions {
  std::vector<std::string> data_files;
  std::string out_file;
  std::string board;  // --board: fit with the shipped rows, write only this board's table
  std::string runtime_id;
  bool json = false;
  bool no_write = false;
};

void Run(const CalibrateOptions& options) {
  hw::Catalog boards = Unwrap(hw::Catalog::LoadDirectory(Globals().data_dir + "/hwprofiles"));
  const std::string models = Globals().data_dir + "/data/models";  // model-file variants
  std::vector<std::string> files = options.data_files;
  if (!options.board.empty()) {
    const hw::Board board = BoardNamed(options.board);
    if (boards.Find(board.name) == nullptr) Unwrap(boards.Add(board));
    for (const std::string& f : explore::DefaultMeasurementFiles(Globals().data_dir)) files.push_back(f);
  }
  const latency::KnownNames names = explore::NamesFrom(boards, Spaces(), models);
  const explore::MeasurementSet set = Unwrap(explore::LoadMeasurementFiles(
      files.empty() ? explore::DefaultMeasurementFiles(Globals().data_dir) : files, names,
      Globals().data_dir));
  const std::string own = options.board.empty() ? "" : BoardNamed(options.board).name;
  if (!own.empty() && std::none_of(set.rows.begin(), set.rows.end(), [&](const latency::Measurement& m) {
        return m.board == own && m.runtime == options.runtime_id;  // checked before any report
      })) {
    FailInput(fmt::format("--board {}: no row of --data names board '{}' with runtime {} (the "
                          "board column takes the profile's name)", options.board, own, options.runtime_id));
  }
  const std::vector<latency::Sample> samples =
      Unwrap(explore::BuildSamples(set.rows, boards, Spaces(), BudgetTable(), nullptr, models));
  const latency::CoefficientFile priors = explore::PriorsOf(samples, boards);
  latency::Calibration cal = latency::Calibrate(samples, priors, set.sources);
  cal.fitted.spreads = LoadedModels().coefficients->spreads;  // intervals of few rows, kept
  const latency::LeaveBoardOut lobo = latency::LeaveBoardsOut(samples, priors);
  if (options.json) {
    std::cout << explore::DocumentText(explore::CalibrationReportJson(cal, lobo));
  } else {
    std::cout << explore::CalibrationText(cal);
    std::cout << explore::LeaveBoardOutText(lobo);
    if (!options.board.empty()) {  // active calibration: what to measure next
      const hw::Board& b = *boards.Find(BoardNamed(options.board).name);
      const kernels::Runtime& rt = *ResolveRuntime(options.runtime_id);
      std::cout << explore::NextMeasurementText(
          explore::NextMeasurementFor(explore::DefaultGridFacts(Spaces()), b,
                                      latency::CoefficientsUnder(b, cal.fitted, rt), BudgetTable(),
                                      set.rows, rt),
          b.name);
    }
  }
  if (options.no_write) return;
  const char* env = std::getenv(latency::kUserCoefficientsVariable);
  const std::string out = !options.out_file.empty() ? options.out_file
                          : env && *env             ? std::string(env)
                                                    : std::string("results/coefficients.toml");
  latency::CoefficientFile written =  // with --board: its table into the file, the others kept
      options.board.empty() ? cal.fitted : Unwrap(latency::MergedInto(out, latency::OnlyBoard(
          cal.fitted, BoardNamed(options.board).name, options.runtime_id), boards.boards()));
  Unwrap(util::WriteFileAtomically(out, latency::FormatCoefficients(written), "coefficients"));
  Note(fmt::format("wrote fitted coefficients of {} board(s) to {}; read them with "
                   "--coefficients {}", options.board.empty() ? written.size() : 1, out, out));
}

}  // namespace

void RegisterCalibrate(CLI::App& app) {
  static CalibrateOptions options;
  CLI::App* cmd = app.add_subcommand(
      "calibrate", "Fit the latency model to measured latencies; report errors and write coefficients");
  cmd->add_option("--data", options.data_files,
                  "Measurement CSV (repeatable; default: every data/latency/*.csv). Columns: "
                  "board,variant,mode,latency_ms[,runtime,source,power_mw,energy_mj,paper_macs_m]; "
                  "# lines are comments")
      ->check(CLI::ExistingFile);
  cmd->add_option("--board", options.board, "Board name or profile file: fit its rows (--data) "
                  "with the shipped ones, write only its coefficients");
  AddRuntimeOption(cmd, &options.runtime_id);
  cmd->add_option("--out", options.out_file, "Where to write the fitted coefficients (default: "
                  "$DSE_COEFFICIENTS, else results/coefficients.toml)");
  cmd->add_flag("--no-write", options.no_write, "Report only; do not write the coefficients");
  cmd->add_flag("--json", options.json,
                "Print JSON: rows (measured, predicted, loo, baseline), summaries, coefficients");
  cmd->callback([] { Run(options); });
}

}  // namespace dse_app
