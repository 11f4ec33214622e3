// dse fit DESIGN --board B — DESIGN a variant or an int8 .tflite file (explore::ResolveDesign);
// per mode: does it fit, what it uses of internal SRAM, internal flash and external memory, and
// where not, which constraint fails and by how much. When no mode fits, the report is still
// printed and the command exits 4 (no feasible design). With --map: the memory map of one mode.
// dse deploy DESIGN --board B [--mode M] --out DIR — the firmware files of lib/deploy; without
// --mode, the mode deploy::ChooseDeployMode picks (said on stdout; exit 4 when none fits).

#include <iostream>

#include "app.h"
#include "explore/report_json.h"
#include "explore/texts.h"
#include "deploy/artefacts.h"
#include "deploy/request.h"
#include "deploy_report.h"
#include "explore/choice.h"
#include "models.h"
#include "tflite_models.h"

namespace dse_app {
namespace {

struct FitOptions {
  std::string variant;
  std::string board;
  std::string budget;
  bool no_filter_growth = false;
  bool json = false;
  std::string runtime;
  bool map = false;
  std::string mode, out;
  int split = 0, patches = 0;
};

// The fit of the one mode --map and deploy ask for (default: --map the board's default mode).
placement::Fit FitOne(const FitOptions& o, const explore::VariantFacts& facts,
                      const hw::Board& board, int64_t budget) {
  explore::Target target = TargetOn(board, ResolveRuntime(o.runtime), nullptr, "", budget,
                                    !o.no_filter_growth);
  const latency::BoardCoefficients coefficients = CoefficientsOn(board, target.runtime);
  target.coefficients = &coefficients;  // prices the configurations (and, deploy, the modes)
  if (o.mode.empty() && !o.out.empty()) {
    target.deployment.patch_split_units = o.split;
    target.deployment.patches = o.patches;
    deploy::ModeChoice choice = Unwrap(deploy::ChooseDeployMode(facts, target));
    if (choice.mode.empty()) throw Failure{kExitInfeasible, choice.reason};
    std::cout << choice.reason << "\n";
    return std::move(choice.chosen.fit);
  }
  target.deployment = {o.mode.empty() ? explore::DefaultMode(board) : o.mode, budget,
                       !o.no_filter_growth, target.deployment.default_budgets, o.split, o.patches,
                       Globals().tinyops_config};
  return Unwrap(deploy::PlaceForDeploy(facts, target));
}

void Run(const FitOptions& options) {
  const kernels::Runtime* runtime = ResolveRuntime(options.runtime);
  const hw::Board board = BoardNamed(options.board);
  const int64_t budget = options.budget.empty() ? 0 : ParseBudgetBytes(options.budget);
  const explore::VariantFacts facts = DesignNamed(options.variant, options.out.empty()
      ? explore::DesignUse::kReport : explore::DesignUse::kFirmware);
  const placement::Footprint footprint = explore::FootprintFor(facts, *runtime);
  if (options.map || !options.out.empty()) {
    const placement::Fit fit = FitOne(options, facts, board, budget);
    if (options.out.empty()) {
      std::cout << deploy::MapText(deploy::MapMemory(facts.net, footprint, board, fit));
      return;
    }
    Unwrap(deploy::WriteArtefacts(options.out, deploy::BuildArtefacts(facts.net, board, *runtime,
                                                                      footprint, fit)));
    std::cout << "wrote dse_model_config.h, dse_memory.ld, layer_report.txt, layer_report.csv"
                 " to " << options.out << "\n";
    return;
  }
  const std::vector<placement::Fit> fits = options.mode.empty()
      ? report::FitAllModes(facts, board, runtime, budget, !options.no_filter_growth)
      : std::vector<placement::Fit>{FitOne(options, facts, board, budget)};
  if (options.json) {
    std::cout << explore::DocumentText(explore::FitReportJson(facts.net, board, footprint, fits));
  } else {
    report::PrintFitReport(facts.net, board, footprint, fits);
  }
  const auto none = explore::NoModeFitsText(facts.net.name, board.name, fits);
  if (none) throw Failure{kExitInfeasible, *none};  // the report is printed: exit 4
}

}  // namespace

void RegisterFit(CLI::App& app) {
  static FitOptions options;
  CLI::App* fit = app.add_subcommand(
      "fit", "Whether a variant fits a board in each mode (internal, external, tinyops), and why not "
      "(exit 4 when no mode fits)");
  fit->add_option("variant", options.variant, "Variant name (e.g. proxyless-w0.30-r144) or an int8 FILE.tflite")->required();
  fit->add_option("--board", options.board, "Board name (dse boards list) or a profile FILE.toml")
      ->required();
  fit->add_option("--budget", options.budget,
                  "TinyOps SRAM budget in bytes, or K/M (x 1024) (default: the board's sram_budget_bytes)")->check(NotEmpty());
  fit->add_flag("--no-filter-growth", options.no_filter_growth,
                "TinyOps: do not give the unused budget to the filter buffer");
  AddRuntimeOption(fit, &options.runtime);
  fit->add_flag("--json", options.json, "Print JSON: footprint at the top, one object per mode");
  fit->add_flag("--map", options.map, "Print the memory map (region, start, size, what) of --mode");
  fit->add_option("--mode", options.mode, "Only this mode (any of 'dse fit --help' modes, e.g. "
                  "patch); with --map its map (default: every mode; --map: the board's default)");
  fit->callback([] { Run(options); });
  CLI::App* dep = app.add_subcommand("deploy", "Write the firmware files of a variant in one mode: "
      "C header, linker fragment, per-layer RAM/ROM report (text + CSV)");
  dep->add_option("variant", options.variant, "Variant name or an int8 FILE.tflite")->required();
  dep->add_option("--board", options.board, "Board name or a profile FILE.toml")->required();
  dep->add_option("--mode", options.mode, "Deployment mode (internal, tinyops, patch, ...; default: "
                  "the feasible mode of lowest predicted latency, said on stdout)");
  dep->add_option("--out", options.out, "Directory to write into")->required()->check(NotEmpty());
  dep->add_option("--budget", options.budget, "TinyOps SRAM budget in bytes, or K/M");
  dep->add_option("--split", options.split, "Patch mode: stem + blocks run per patch (MCUNetV2 n)");
  dep->add_option("--patches", options.patches, "Patch mode: p x p patches");
  AddRuntimeOption(dep, &options.runtime);
  dep->callback([] { Run(options); });
}

}  // namespace dse_app
