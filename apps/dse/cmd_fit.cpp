// dse fit VARIANT --board B — for each deployment mode (internal, external, tinyops): does the
// variant fit, what it uses of internal SRAM, internal flash and external memory, and where it
// does not fit, which constraint fails and by how much. Not fitting is a result (exit 0).

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app.h"
#include "placement/placement.h"

namespace dse_app {
namespace {

struct FitOptions {
  std::string variant;
  std::string board;
  std::string budget;
  bool no_filter_growth = false;
  bool json = false;
};

nlohmann::json FitJson(const placement::Fit& fit) {
  nlohmann::json violations = nlohmann::json::array();
  for (const placement::Violation& v : fit.violations) {
    violations.push_back({{"constraint", v.constraint}, {"needed_bytes", v.needed_bytes},
                          {"available_bytes", v.available_bytes},
                          {"excess_bytes", v.excess_bytes()}, {"detail", v.detail}});
  }
  nlohmann::json out = {{"mode", placement::ModeName(fit.mode)}, {"fits", fit.fits},
                        {"sram_bytes", fit.sram_bytes}, {"flash_bytes", fit.flash_bytes},
                        {"external_bytes", fit.external_bytes},
                        {"storage_bytes", fit.storage_bytes},
                        {"external_memory", fit.external_name}, {"storage", fit.storage_name},
                        {"violations", violations}};
  if (fit.plan) {
    out["partition_factor"] = fit.plan->partition_factor;
    out["max_partition_bytes"] = fit.plan->max_partition_bytes;
    out["budget_bytes"] = fit.plan->budget_bytes;
  }
  return out;
}

void PrintText(const graph::Network& net, const hw::Board& board,
               const placement::Footprint& f, const std::vector<placement::Fit>& fits) {
  std::cout << fmt::format(
      "{} on {} ({})\n  weights {} B, peak activations {} B, tensors + kernel scratch {} B "
      "(op {})\n\n{:<9} {:<5} {:>10} {:>10} {:>11}  {}\n",
      net.name, board.name, board.title, f.weight_bytes, f.peak_activation_bytes, f.arena_bytes,
      f.arena_peak_op, "mode", "fits", "SRAM_B", "flash_B", "external_B", "notes");
  for (const placement::Fit& fit : fits) {
    std::string notes = fit.external_name.empty() ? "" : "in " + fit.external_name;
    if (fit.plan && fit.plan->fits) {
      notes += fmt::format("{}PF {}, S {} B, budget {} B", notes.empty() ? "" : "; ",
                           fit.plan->partition_factor, fit.plan->max_partition_bytes,
                           fit.plan->budget_bytes);
    }
    std::cout << fmt::format("{:<9} {:<5} {:>10} {:>10} {:>11}  {}\n",
                             placement::ModeName(fit.mode), fit.fits ? "yes" : "no",
                             fit.sram_bytes, fit.flash_bytes, fit.external_bytes, notes);
    for (const placement::Violation& v : fit.violations) {
      std::cout << fmt::format("    {}: needs {} B, has {} B, over by {} B: {}\n", v.constraint,
                               v.needed_bytes, v.available_bytes, v.excess_bytes(), v.detail);
    }
  }
}

void Run(const FitOptions& options) {
  const hw::Board board = BoardNamed(options.board);
  const int64_t budget = options.budget.empty() ? 0 : ParseBudgetBytes(options.budget);
  const graph::Network net = BuildNamed(options.variant);
  const placement::Footprint footprint = placement::Measure(net);
  std::vector<placement::Fit> fits;
  for (placement::Mode mode : placement::kAllModes) {
    fits.push_back(placement::Check(net, footprint, board,
                                    {mode, budget, !options.no_filter_growth}));
  }
  if (!options.json) {
    PrintText(net, board, footprint, fits);
    return;
  }
  nlohmann::json modes = nlohmann::json::array();
  for (const placement::Fit& fit : fits) modes.push_back(FitJson(fit));
  const nlohmann::json out = {{"variant", net.name}, {"board", board.name},
                              {"weight_bytes", footprint.weight_bytes},
                              {"peak_activation_bytes", footprint.peak_activation_bytes},
                              {"arena_bytes", footprint.arena_bytes}, {"modes", modes}};
  std::cout << out.dump(2) << "\n";
}

}  // namespace

void RegisterFit(CLI::App& app) {
  static FitOptions options;
  CLI::App* fit = app.add_subcommand(
      "fit", "Whether a variant fits a board in each mode (internal, external, tinyops), and why not");
  fit->add_option("variant", options.variant, "Variant name, e.g. proxyless-w0.30-r144")->required();
  fit->add_option("--board", options.board, "Board name (dse boards list) or a profile FILE.toml")
      ->required();
  fit->add_option("--budget", options.budget,
                  "TinyOps SRAM budget in bytes (default: the board's sram_budget_bytes)");
  fit->add_flag("--no-filter-growth", options.no_filter_growth,
                "TinyOps: do not give the unused budget to the filter buffer");
  fit->add_flag("--json", options.json, "Print JSON: footprint at the top, one object per mode");
  fit->callback([] { Run(options); });
}

}  // namespace dse_app
