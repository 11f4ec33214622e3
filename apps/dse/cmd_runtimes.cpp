// dse runtimes list | fit | lobo | fewshot — the registered runtimes (the values of --runtime), refitting a
// data-file runtime to measurements, leave one board out per runtime (explore/runtime_fit.h).

#include <fmt/format.h>

#include <iostream>

#include "app.h"
#include "explore/few_shot_table.h"
#include "explore/runtime_fit.h"
#include "explore/runtime_interval.h"
#include "models.h"
#include "util/atomic_file.h"
#include "util/file.h"

namespace dse_app {
namespace {

struct RuntimesOptions {
  std::vector<std::string> data_files;
  std::string runtime, out_file;
  bool json = false, write_spreads = false;
};

explore::MeasuredRows Measured(const RuntimesOptions& o) {
  return Unwrap(explore::LoadMeasuredRows(o.data_files, BoardCatalog(), Spaces(), BudgetTable(),
                                          *LoadedModels().coefficients, Globals().data_dir));
}

}  // namespace

void RegisterRuntimes(CLI::App& app) {
  static RuntimesOptions o;
  CLI::App* runtimes = app.add_subcommand("runtimes", "Runtimes the predictions can assume");
  runtimes->require_subcommand(1);
  CLI::App* list = runtimes->add_subcommand("list", "One line per registered runtime: id, title");
  CLI::App* fit = runtimes->add_subcommand("fit", "Fit a data-file runtime's factors to rows");
  CLI::App* lobo = runtimes->add_subcommand("lobo", "Leave one board out, per runtime");
  CLI::App* few = runtimes->add_subcommand("fewshot", "Calibrate on k = 1, 3 rows per board/runtime");
  for (CLI::App* cmd : {list, lobo}) cmd->add_flag("--json", o.json, "Print JSON");
  for (CLI::App* cmd : {fit, lobo, few}) {
    cmd->add_option("--data", o.data_files, "Measurement CSV (repeatable)")->required()
        ->check(CLI::ExistingFile);
  }
  lobo->add_flag("--write-spreads", o.write_spreads, "Store the interval spreads of these rows "
                 "in the shipped data/latency/coefficients.toml ([spread])");
  fit->add_option("--runtime", o.runtime, "The data-file runtime to fit")->required();
  fit->add_option("--out", o.out_file, "Where to write the runtime file (default: stdout)");
  list->callback([] {
    std::cout << (o.json ? explore::DocumentText(explore::RuntimesListJson()) : explore::RuntimesListText());
  });
  fit->callback([] {
    const std::string text = Unwrap(explore::RefitRuntimeText(Measured(o), o.runtime));
    if (o.out_file.empty()) std::cout << text;
    if (o.out_file.empty()) return;
    Unwrap(util::WriteFileAtomically(o.out_file, text, "runtime file"));
    Note(fmt::format("wrote {}: --runtime {} reads it when it is in data/runtimes/ (or --data-dir)",
                     o.out_file, o.runtime));
  });
  few->callback([] { std::cout << explore::FewShotText(explore::FewShotTable(Measured(o), BoardCatalog())); });
  lobo->callback([] {
    const explore::MeasuredRows measured = Measured(o);
    std::cout << explore::LeaveBoardsOutReport(measured, BoardCatalog(), o.json);
    if (!o.write_spreads) return;
    const std::string text = Unwrap(util::ReadFile(CoefficientsPath(), "coefficients"));
    const latency::Spreads spreads = explore::EstimateSpreads(measured, BoardCatalog());
    Unwrap(util::WriteFileAtomically(CoefficientsPath(), latency::WithSpreads(text, spreads),
                                     "coefficients"));
    Note("wrote the interval spreads ([spread]) to " + CoefficientsPath());
  });
}

}  // namespace dse_app
