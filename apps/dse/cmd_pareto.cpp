// dse pareto — the Pareto front of a board from the results database: printed, as JSON/CSV,
// plotted (paper Fig. 3a/3b), or checked against a golden file (exit 3 when it changed).

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app.h"
#include "explore/front_figure.h"
#include "explore/fronts.h"
#include "explore/result_json.h"
#include "explore/texts.h"
#include "explore/vocabulary.h"
#include "plot/figure.h"
#include "store/database.h"
#include "util/spellcheck.h"

namespace dse_app {
namespace {

struct ParetoArgs {
  std::string board;
  std::string x = "latency";
  std::string y = "top1";
  std::string space = "all";
  std::string db = "results/dse.sqlite";
  bool plot = false;
  std::string out = "results/plots";
  bool json = false;
  bool csv = false;
  std::string check;
  bool update_golden = false;
};

std::vector<explore::Candidate> LatestEvaluations(const ParetoArgs& a, int64_t* run_id) {
  if (!std::filesystem::exists(a.db)) {
    FailInput(fmt::format("{}: no such database; run 'dse sweep --board {}' first", a.db, a.board));
  }
  auto db = Unwrap(store::Database::Open(a.db, false));
  const std::optional<int64_t> run = Unwrap(db->LatestRun(a.board));
  if (!run) FailInput(fmt::format("{}: no run evaluated board '{}'; run 'dse sweep --board {}'", a.db, a.board, a.board));
  Note(fmt::format("{}: run {}", a.db, *run));
  *run_id = *run;
  return Unwrap(db->Evaluations(*run, a.board));
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
  const explore::FrontDiff diff = explore::CompareFronts(golden, now);
  if (diff.same()) {
    std::cout << fmt::format("{}: Pareto fronts of {} unchanged ({} members)\n", a.check, a.board, now.size());
    return;
  }
  throw Failure{kExitCheckFailed, explore::FrontDiffText(a.check, a.board, diff)};
}

void Print(const ParetoArgs& a, const std::vector<explore::FrontMember>& front,
           const std::vector<explore::Candidate>& rows, int64_t run_id) {
  if (a.json || a.csv) {
    std::cout << (a.csv ? explore::FrontCsv(front, a.x) : explore::DocumentText(
                              explore::FrontJson(a.board, a.x, a.space, front, rows), run_id));
    return;
  }
  std::cout << fmt::format("{} front ({} designs), top-1 vs {}:\n", a.board, a.space, explore::XLabel(a.x));
  for (const auto& m : front) std::cout << fmt::format("  {:<28} {:<9} {:>12.2f}  {:>6.2f}%\n", m.variant, m.mode, m.x, m.y);
}

void Run(const ParetoArgs& a) {
  if (a.update_golden && a.check.empty()) FailInput("--update-golden needs --check FILE (the golden file to rewrite)");
  int64_t run_id = 0;
  const std::vector<explore::Candidate> rows = LatestEvaluations(a, &run_id);
  if (!a.check.empty()) return Check(a, rows);
  const auto why = explore::MissingAxisReason(rows, a.board, a.x);  // no power: no energy
  if (why) throw Failure{kExitInfeasible, *why};
  Print(a, explore::Front(rows, a.x, a.space), rows, run_id);
  if (a.plot) {
    for (const auto& path : Unwrap(plot::Write(explore::FrontFigure(rows, a.board, a.x), a.out))) Note("wrote " + path);
  }
}

}  // namespace

void RegisterPareto(CLI::App& app) {
  static ParetoArgs a;
  CLI::App* p = app.add_subcommand("pareto", "Print, plot or check the Pareto front of a board from the database "
                                   "(exit 4 when no design has the --x figure)");
  p->add_option("--board", a.board, "Board name (as stored by dse sweep)")->required();
  p->add_option("--x", a.x, "Cost axis")->check(CLI::IsMember(explore::kXObjectives));
  p->add_option("--y", a.y, "Benefit axis")->check(CLI::IsMember({"top1"}));
  p->add_option("--space", a.space, "Design space")->check(CLI::IsMember(explore::DesignSpaces()));
  p->add_option("--db", a.db, "Results database (default results/dse.sqlite)");
  p->add_flag("--plot", a.plot, "Write PNG and SVG (with the .gp script and .dat data) through gnuplot");
  p->add_option("--out", a.out, "Directory for plots (default results/plots)");
  auto* json = p->add_flag("--json", a.json, "Print JSON");
  p->add_flag("--csv", a.csv, "Print CSV")->excludes(json);
  p->add_option("--check", a.check, "Golden front file: exit 3 listing members added and removed when the fronts changed");
  p->add_flag("--update-golden", a.update_golden, "Rewrite the --check file from the database");
  p->callback([] { Run(a); });
}

}  // namespace dse_app
