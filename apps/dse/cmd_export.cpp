// dse export-training — a run's candidates as architecture JSONs, a manifest and a Slurm array
// or GNU parallel job list (lib/search/export.h).

#include <fmt/format.h>

#include <iostream>

#include "app.h"
#include "search/export.h"
#include "store/database.h"

namespace dse_app {

void RegisterExport(CLI::App& app) {
  static search::ExportRequest r;
  static std::string db = "results/dse.sqlite";
  static int64_t top = 0;
  static bool front = false;
  CLI::App* cmd = app.add_subcommand("export-training", "Write a run's candidates for training on a cluster (Slurm or GNU parallel)");
  cmd->add_option("--run", r.run_id, "Run id")->required();
  auto* top_option = cmd->add_option("--top", top, "The K best by predicted top-1");
  cmd->add_flag("--front", front, "The run's Pareto-front designs (default)")->excludes(top_option);
  cmd->add_option("--format", r.format, "slurm (default) or gnu-parallel");
  cmd->add_option("--command", r.command, "Training command TEMPLATE: {variant} {config} {width} {resolution} {index}")->required();
  cmd->add_option("--out", r.out_dir, "Output directory")->required();
  cmd->add_option("--db", db, "Results database (default results/dse.sqlite)");
  cmd->callback([] {
    if (top != 0) r.top = top;
    Unwrap(search::CheckExportRequest(r));
    auto database = Unwrap(store::Database::Open(db, false));
    const search::ExportSummary s = Unwrap(search::ExportTraining(*database, Spaces(), r));
    std::cout << fmt::format("{} candidates of run {} written to {}\n", s.candidates, r.run_id, r.out_dir);
  });
}

}  // namespace dse_app
