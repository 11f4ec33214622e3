// dse pareto — the Pareto front of a board from the results database: printed, as JSON/CSV,
// plotted (paper Fig. 3a/3b), or checked against a golden file (exit 3 when it changed).

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "app.h"
#include "explore/front_accuracy.h"
#include "explore/front_report.h"
#include "explore/fronts.h"
#include "explore/result_json.h"
#include "explore/texts.h"
#include "plot/figure.h"
#include "store/database.h"

namespace dse_app {
namespace {

struct ParetoArgs {
  std::string board;
  std::string x = "latency";
  std::string y = "top1";
  std::string space = "all";
  std::string task, dataset;  // default: ImageNet classification (explore::ChooseTaskDataset)
  std::string db = "results/dse.sqlite";
  bool plot = false;
  std::string out = "results/plots";
  bool json = false;
  bool csv = false;
  std::string check;
  bool update_golden = false;
};

// The newest run of the board, the top-1 of the chosen task and dataset applied (measured
// accuracies imported into the database after the run included).
std::vector<explore::Candidate> LatestEvaluations(const ParetoArgs& a, explore::FrontReport* report) {
  const accuracy::TaskDataset td = Unwrap(explore::ChooseTaskDataset(a.task, a.dataset));
  const store::BoardRun run = Unwrap(store::LatestBoardRun(a.db, a.board));
  Note(fmt::format("{}: run {}", a.db, run.run.id));
  *report = {a.board, a.x, a.space, td, a.db, run.run.id, run.run.tool_version,
             run.run.git_revision, run.run.started_at};
  return explore::WithMeasuredTop1(run.rows, run.measured, report->task_dataset, Spaces());
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) FailInput(fmt::format("{}: cannot read the golden file", path));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void Check(const ParetoArgs& a, const std::vector<explore::Candidate>& rows) {
  const std::vector<explore::FrontMember> now = explore::AllFronts(rows);
  if (a.update_golden) {
    std::ofstream out(a.check, std::ios::binary | std::ios::trunc);
    out << explore::GoldenText(now);
    if (!out) throw Failure{kExitRuntime, fmt::format("{}: cannot write the golden file", a.check)};
    std::cout << fmt::format("{}: {} front members written\n", a.check, now.size());
    return;
  }
  const auto golden = Unwrap(explore::ParseGolden(a.check, ReadText(a.check)));
  const explore::FrontDiff diff = explore::CompareFronts(golden, now, rows);
  if (diff.same()) {
    std::cout << fmt::format("{}: Pareto fronts of {} unchanged ({} members)\n", a.check, a.board, now.size());
    return;
  }
  throw Failure{kExitCheckFailed, explore::FrontDiffText(a.check, a.board, diff)};
}

void Run(const ParetoArgs& a) {
  if (a.update_golden && a.check.empty()) FailInput("--update-golden needs --check FILE (the golden file to rewrite)");
  explore::FrontReport r;
  const std::vector<explore::Candidate> rows = LatestEvaluations(a, &r);
  if (!a.check.empty()) return Check(a, rows);
  auto why = explore::MissingAxisReason(rows, a.board, a.x);  // no power: no energy
  if (!why) why = explore::MissingTop1Reason(rows, a.board, r.task_dataset, a.db);
  if (why) throw Failure{kExitInfeasible, *why};
  const auto front = explore::Front(rows, a.x, a.space);
  if (front.empty() && a.space != "all") {  // a mode none of whose designs fits: say why
    const std::string why = explore::SharedFailReason(rows, a.board, a.space);
    if (!why.empty()) {
      throw Failure{kExitInfeasible, fmt::format("no {} design fits {}: {}", a.space, a.board, why)};
    }
  }
  std::cout << (a.csv ? explore::FrontCsvText(r, front, rows) : a.json ? explore::DocumentText(
      explore::FrontReportJson(r, front, rows), r.run_id) : explore::FrontText(r, front, rows));
  if (a.plot) {
    for (const auto& path : Unwrap(plot::Write(explore::FrontReportFigure(r, rows), a.out))) Note("wrote " + path);
  }
}

}  // namespace

void RegisterPareto(CLI::App& app) {
  static ParetoArgs a;
  CLI::App* p = app.add_subcommand("pareto", "Print, plot or check the Pareto front of a board from the database "
                                   "(exit 4 when no design has the --x figure)");
  p->add_option("--board", a.board, "Board name as stored by dse sweep, or its profile FILE.toml")->required();
  p->add_option("--x", a.x, "Cost axis")->check(CLI::IsMember(explore::kXObjectives));
  p->add_option("--y", a.y, "Benefit axis")->check(CLI::IsMember({"top1"}));
  p->add_option("--space", a.space, "Design space")->check(CLI::IsMember(explore::DesignSpaces()));
  p->add_option("--db", a.db, "Results database (default results/dse.sqlite); its measured accuracies apply");
  p->add_option("--task", a.task, "Task of the top-1 axis (default classification; another task "
                "ranks the designs with a measured accuracy of it: keyword-spotting, ...)");
  p->add_option("--dataset", a.dataset, "Dataset of the top-1 axis (default: the task's first, imagenet)");
  p->add_flag("--plot", a.plot, "Write PNG and SVG (with the .gp script and .dat data) through gnuplot");
  p->add_option("--out", a.out, "Directory for plots (default results/plots)");
  auto* json = p->add_flag("--json", a.json, "Print JSON");
  p->add_flag("--csv", a.csv, "Print CSV")->excludes(json);
  p->add_option("--check", a.check, "Golden front file: exit 3 listing members added and removed when the fronts changed");
  p->add_flag("--update-golden", a.update_golden, "Rewrite the --check file from the database");
  p->callback([] {
    if (a.board.ends_with(".toml")) a.board = BoardNamed(a.board).name;  // the name sweep stored
    Run(a);
  });
}

}  // namespace dse_app
