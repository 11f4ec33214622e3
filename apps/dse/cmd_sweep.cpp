// dse sweep — evaluate every variant of the chosen spaces on the chosen boards in every mode,
// write one run into the results database, and summarise the best models and the fronts.

#include <fmt/format.h>
#include <unistd.h>

#include <ctime>
#include <iostream>
#include <thread>

#include "app.h"
#include "explore/choice.h"
#include "explore/sweep.h"
#include "explore/model_files.h"
#include "explore/provenance.h"
#include "search/problem.h"
#include "explore/result_json.h"
#include "explore/texts.h"
#include "explore/vocabulary.h"
#include "models.h"
#include "placement/memory_checks.h"
#include "store/database.h"
#include "tflite_models.h"
#include "util/directory.h"

namespace dse_app {
namespace {

struct SweepArgs {
  std::vector<std::string> boards;
  std::vector<std::string> spaces;
  std::vector<std::string> modes;
  std::vector<std::string> model_dirs;   // --models DIR: every *.tflite in it
  std::vector<std::string> model_files;  // --model FILE.tflite
  std::string budget;
  bool no_filter_growth = false;
  bool per_op = false;
  std::string db = "results/dse.sqlite";
  bool json = false;
  std::string command_line;
  std::string runtime;
  std::string shard;
  int threads = 1;
};

void Run(const SweepArgs& args) {
  explore::SweepOptions options;
  options.runtime = ResolveRuntime(args.runtime);
  const std::vector<hw::Board> boards = BoardsNamed(args.boards);
  options.spaces = Unwrap(explore::ChooseSpaces(Spaces(), args.spaces));
  for (const hw::Board& b : boards) options.boards.push_back(&b);
  options.modes = Unwrap(explore::ChooseModes(args.modes));
  options.budget_bytes = args.budget.empty() ? 0 : ParseBudgetBytes(args.budget);
  for (const hw::Board& b : boards) Unwrap(placement::CheckBudget(b, options.budget_bytes, &BudgetTable()));
  options.filter_growth = !args.no_filter_growth;
  options.configuration = Globals().tinyops_config;
  options.per_op = args.per_op;
  if (!args.shard.empty()) std::tie(options.shard_index, options.shard_count) = Unwrap(search::ParseShard(args.shard));
  options.threads = args.threads > 0 ? args.threads : static_cast<int>(std::thread::hardware_concurrency());
  // Imported models are read before the database is opened: a bad model leaves it untouched.
  const std::vector<std::string> model_files =
      Unwrap(explore::ImportedModelFiles(args.model_dirs, args.model_files));
  std::vector<graph::Network> networks;
  for (const std::string& file : model_files) networks.push_back(ImportModel(file).network);
  const auto model_sha256 = Unwrap(explore::ModelIdentities(model_files));
  UseDatabase(args.db, model_sha256);
  for (const graph::Network& net : networks) options.networks.push_back(&net);
  if (options.spaces.empty() && networks.empty()) {
    FailInput("nothing to sweep: --spaces none needs --models DIR or --model FILE");
  }
  const explore::Models& models = LoadedModels();
  auto db = OpenResults(args.db);  // before the work, so a bad file fails fast and untouched
  const explore::SweepResult result = Unwrap(explore::Sweep(options, models, ProgressBar("variants")));
  const int64_t run_id =
      StoreRun(*db, boards, options, model_files, args.command_line, result, model_sha256);
  std::vector<std::string> names;
  for (const hw::Board& b : boards) names.push_back(b.name);
  std::cout << (args.json ? explore::DocumentText(explore::SweepJson(result, names, args.db), run_id)
                          : explore::SweepSummaryText(result, names, run_id, args.db));
}

}  // namespace

std::function<void(int64_t, int64_t)> ProgressBar(const std::string& unit) {
  if (Globals().quiet || !isatty(STDERR_FILENO)) return {};
  return [unit](int64_t done, int64_t total) {
    const int width = 40;
    const int filled = static_cast<int>(width * done / std::max<int64_t>(total, 1));
    std::cerr << fmt::format("\r[{}{}] {}/{} {}", std::string(filled, '#'),
                             std::string(width - filled, ' '), done, total, unit)
              << (done == total ? "\n" : "") << std::flush;
  };
}

std::unique_ptr<store::Database> OpenResults(const std::string& path) {
  if (auto made = util::CreateParentDirectory(path); !made) {
    FailInput(fmt::format("--db {}: {}", path, made.error().message));
  }
  return Unwrap(store::Database::Open(path, true));
}

int64_t StoreRun(store::Database& db, const std::vector<hw::Board>& boards, const explore::SweepOptions& options,
                 const std::vector<std::string>& model_files, const std::string& command_line,
                 const explore::SweepResult& result,
                 const std::map<std::string, std::string>& model_sha256) {
  std::vector<std::string> board_files;
  for (const hw::Board& b : boards) board_files.push_back(b.file);
  const explore::RunProvenance provenance = explore::DescribeRun(
      boards, options.spaces, !options.networks.empty(),
      explore::RunInputFiles(Spaces(), board_files, Globals().data_dir, accuracy::kDefaultStorePath, model_files),
      std::time(nullptr));
  store::RunInfo run{0, provenance.started_at, explore::ToolVersion(), explore::GitRevision(), command_line,
                     provenance.inputs_hash, provenance.boards, provenance.spaces, model_sha256, result.options};
  return Unwrap(db.WriteRun(run, result.candidates, result.fronts, result.op_costs));
}

void RegisterSweep(CLI::App& app, int argc, char** argv) {
  static SweepArgs args;
  for (int i = 0; i < argc; ++i) args.command_line += (i ? " " : "") + std::string(argv[i]);
  CLI::App* sweep = app.add_subcommand("sweep", "Evaluate every variant on boards and modes; write one run to the database");
  sweep->add_option("--board", args.boards, "Board name or profile file (repeatable), or 'all'")->required();
  sweep->add_option("--spaces", args.spaces, "Spaces to sweep (default: mbv3 proxyless mnasnet + the fixed reference nets; 'all' for every space, 'none' for --models only)")->delimiter(',');
  sweep->add_option("--modes,--mode", args.modes, "Modes (default: internal,external,tinyops; all: also the opt-in patch,reorder,pex)")->delimiter(',');
  sweep->add_option("--models", args.model_dirs, "Also evaluate every int8 *.tflite in DIR (repeatable); a model is named by its file name")->type_name("DIR");
  sweep->add_option("--model", args.model_files, "Also evaluate this int8 .tflite model (repeatable)")->type_name("FILE");
  sweep->add_option("--budget", args.budget, "TinyOps SRAM budget in bytes, or K/M (x 1024) (default: each board's)")->check(NotEmpty());
  sweep->add_flag("--no-filter-growth", args.no_filter_growth, "Do not give unused budget to the filter buffer");
  AddRuntimeOption(sweep, &args.runtime);
  sweep->add_flag("--per-op", args.per_op, "Also store the predicted latency of every op of every feasible design (table op_costs)");
  sweep->add_option("--shard", args.shard, "Evaluate shard k of N of the points (k/N); 'dse db merge' joins the shards");
  sweep->add_option("--threads", args.threads, "Evaluation threads (default 1; 0: hardware concurrency)");
  sweep->add_option("--db", args.db, "Results database (default results/dse.sqlite)");
  sweep->add_flag("--json", args.json, "Print a JSON summary instead of the text summary");
  sweep->callback([] { Run(args); });
}

}  // namespace dse_app
