// dse search — a multi-objective search over one space's points (lib/search); one run in the
// database with its fronts, like a sweep.

#include <iostream>

#include "app.h"
#include "explore/choice.h"
#include "models.h"
#include "search/dominate.h"
#include "search/resume.h"
#include "search/run.h"
#include "search/stage_space.h"

namespace dse_app {
namespace {

struct SearchArgs {
  search::Request request;
  std::vector<std::string> boards;
  std::string mode = "all", runtime, db = "results/dse.sqlite", command_line;
  std::optional<int64_t> resume;
  bool json = false;
};

void Run(const SearchArgs& a) {
  const std::vector<hw::Board> boards = BoardsNamed(a.boards);
  explore::SweepOptions sweep;
  for (const hw::Board& b : boards) sweep.boards.push_back(&b);
  sweep.runtime = ResolveRuntime(a.runtime);
  sweep.configuration = Globals().tinyops_config;
  sweep.modes = Unwrap(explore::ChooseModes(a.mode == "all" ? std::vector<std::string>{} : std::vector{a.mode}));
  search::Request request = a.request;
  request.data_root = Globals().data_dir;
  if (a.resume) Note(Unwrap(search::Resume(a.db, *a.resume, explore::OptionsOf(sweep.configuration, sweep.filter_growth), &request)));
  UseDatabase(a.db, {});
  const std::optional<searchspace::Catalog> at_width = search::CatalogAtWidth(Spaces(), request.space);
  const search::Plan plan = Unwrap(search::MakePlan(request, at_width ? *at_width : Spaces(), sweep));
  const search::Outcome out = Unwrap(search::Run(plan, LoadedModels(), ProgressBar("evaluations")));
  if (out.unsatisfiable) throw Failure{kExitInfeasible, *out.unsatisfiable};
  const std::string dominating = plan.dominate.empty() ? "" : search::DominatingText(plan, out, Unwrap(search::Dominating(plan, out, LoadedModels())));
  auto db = OpenResults(a.db);  // after the search: an unsatisfiable one writes nothing
  const int64_t run_id = StoreRun(*db, boards, plan.sweep, {}, a.command_line, out.sweep);
  if (a.resume) Unwrap(db->SetResumedFrom(run_id, *a.resume));
  std::cout << (a.json ? search::OutcomeJson(plan, out, run_id) : search::OutcomeText(plan, out, run_id, a.db)) << "\n" << dominating;
}

}  // namespace

void RegisterSearch(CLI::App& app, int argc, char** argv) {
  static SearchArgs a;
  for (int i = 0; i < argc; ++i) a.command_line += (i ? " " : "") + std::string(argv[i]);
  search::Request& r = a.request;
  CLI::App* cmd = app.add_subcommand("search", "Search one space for the best designs under constraints; write one run to the database");
  cmd->add_option("--board", a.boards, "Board name or profile file (repeatable)")->required();
  cmd->add_option("--space", r.space, "The space to search; a per-stage space's family at another width as in a point, e.g. ofa-proxyless-w0.5")->required();
  cmd->add_option("--mode", a.mode, "Deployment mode, or 'all' (default)");
  AddRuntimeOption(cmd, &a.runtime);
  cmd->add_option("--objectives", r.objectives, "Objectives: top1,latency[,energy,sram,macs] (default top1,latency)");
  cmd->add_option("--constraint", r.constraints, "A bound, e.g. 'latency<=500ms', 'sram<=256KiB' (repeatable)");
  cmd->add_option("--evaluations", r.evaluations, "Points to evaluate (default 1000)");
  cmd->add_option("--algorithm", r.algorithm, "nsga2 (default), aging-evolution or random");
  cmd->add_option("--seed", r.seed, "Random seed (default 1)");
  cmd->add_option("--shard", r.shard, "Search shard k of N of the points (k/N)");
  cmd->add_option("--threads", r.threads, "Evaluation threads (default: hardware concurrency)");
  cmd->add_flag("--keep-all", r.keep_all, "Store every evaluated candidate, not only the fronts'");
  cmd->add_option("--resume", a.resume, "Re-evaluate run RUN's designs with the accuracies measured since, then search on from them (a new run)");
  cmd->add_option("--dominate", r.dominate, "After the search, list the front's designs dominating DESIGN in (top-1, latency) (repeatable)");
  cmd->add_option("--db", a.db, "Results database (default results/dse.sqlite)");
  cmd->add_flag("--json", a.json, "Print the front and statistics as JSON");
  cmd->callback([] { Run(a); });
}

}  // namespace dse_app
