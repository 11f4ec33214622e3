// dse pick --board B [constraints] — the best feasible designs of the default spaces under
// constraints (lib/explore/pick.h), from a grid sweep; exit 4 when none satisfies them.

#include <iostream>

#include "app.h"
#include "explore/choice.h"
#include "explore/pick.h"
#include "explore/sweep.h"
#include "models.h"

namespace dse_app {
namespace {

struct PickArgs { std::string board, max_latency, min_top1, max_sram, mode = "any", runtime, db = store::kDefaultPath; bool json = false; };

void Run(const PickArgs& a) {
  const auto k = Unwrap(explore::ParsePickConstraints(a.max_latency, a.min_top1, a.max_sram, a.mode));
  UseDatabase(a.db, {});  // its measured accuracies apply
  explore::SweepOptions options;
  options.runtime = ResolveRuntime(a.runtime);
  const hw::Board board = BoardNamed(a.board);
  options.boards = {&board};
  options.spaces = Unwrap(explore::ChooseSpaces(Spaces(), {}));
  const auto r = explore::Pick(Unwrap(explore::Sweep(options, LoadedModels(), {})).candidates, board.name, k, 5);
  if (r.designs.empty()) throw Failure{kExitInfeasible, r.none_reason};
  std::cout << (a.json ? explore::DocumentText(explore::PickJson(board.name, k, r.designs))
                       : explore::PickText(board.name, k, r.designs));
}

}  // namespace

void RegisterPick(CLI::App& app) {
  static PickArgs a;
  CLI::App* p = app.add_subcommand("pick", "The best feasible designs of a board under constraints, "
                                   "every mode's figures (exit 4 when none satisfies them)");
  p->add_option("--board", a.board, "Board name or profile file")->required();
  p->add_option("--max-latency", a.max_latency, "Latency ceiling: 200ms, 0.2s or 200 (ms)");
  p->add_option("--min-top1", a.min_top1, "Top-1 floor in percent: 60 or 60%");
  p->add_option("--max-sram", a.max_sram, "SRAM ceiling: bytes, or K/KiB/M/MiB");
  p->add_option("--mode", a.mode, "Deployment mode, or 'any' (default)");
  AddRuntimeOption(p, &a.runtime);
  p->add_option("--db", a.db, "Results database whose measured accuracies apply (default results/dse.sqlite)")->check(CLI::ExistingFile);
  p->add_flag("--json", a.json, "Print JSON");
  p->callback([] { Run(a); });
}

}  // namespace dse_app
