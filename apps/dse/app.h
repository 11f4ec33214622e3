#pragma once
// Shared pieces of the `dse` subcommands: the global options, where the built-in data lives,
// and the one place errors become messages and exit codes.

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "explore/sweep.h"
#include "explore/vocabulary.h"  // every --json document: explore::DocumentText
#include "searchspace/catalog.h"
#include "store/database.h"
#include "hw/board.h"
#include "kernels/runtime.h"
#include "util/result.h"

namespace dse_app {

// Exit codes (design.md): 0 ok, 1 runtime failure, 2 usage or input error, 3 a check failed,
// 4 no feasible design where a command asked for one.
enum ExitCode { kExitOk = 0, kExitRuntime = 1, kExitInput = 2, kExitCheckFailed = 3, kExitInfeasible = 4 };

// Options every subcommand understands.
struct GlobalOptions {
  bool quiet = false;
  std::string data_dir;                 // root holding searchspaces/, hwprofiles/, data/
  std::vector<std::string> space_files; // --space FILE.toml, added to the built-in spaces
  std::vector<std::string> coefficient_files;  // --coefficients FILE, over the shipped file
  placement::Configuration tinyops_config = placement::Configuration::kFastest;  // --tinyops-config
};

GlobalOptions& Globals();

// Thrown by subcommand handlers; main() prints "dse: error: <message>" and exits with `code`.
struct Failure {
  int code;
  std::string message;
};

// Turns a library error into a Failure (input errors exit 2, runtime errors exit 1).
[[noreturn]] void Fail(const util::Error& error);
[[noreturn]] void FailInput(const std::string& message);

template <typename T>
T Unwrap(util::Result<T> result) {
  if (!result) Fail(result.error());
  return std::move(result).value();
}

// The built-in spaces plus any --space files.
const searchspace::Catalog& Spaces();
// Builds the network of a variant name; fails with a usage error when the name is unknown.
graph::Network BuildNamed(const std::string& variant_name);

// A CLI11 check refusing an empty value (`--budget ""` must not mean "the default").
CLI::Validator NotEmpty();

// --runtime ID on a predicting command: the runtime of its predictions, default tflm-cmsis-nn.
void AddRuntimeOption(CLI::App* cmd, std::string* runtime_id);
// The registered runtime `id`; an unknown id exits 2 naming the nearest one.
const kernels::Runtime* ResolveRuntime(const std::string& id);

// Progress and notes go to stderr unless --quiet; an empty note prints nothing.
void Note(const std::string& text);

// Subcommand registration: each cmd_*.cpp adds its subcommand to the app.
void RegisterSpaces(CLI::App& app);
void RegisterShow(CLI::App& app);
void RegisterAnalyze(CLI::App& app);   // cmd_analyze.cpp
void RegisterCalibrate(CLI::App& app);  // cmd_calibrate.cpp
void RegisterBoards(CLI::App& app);     // cmd_boards.cpp
void RegisterFit(CLI::App& app);        // cmd_fit.cpp
void RegisterPartition(CLI::App& app);  // cmd_partition.cpp
// --board NAME|FILE.toml: a built-in board (hwprofiles/) or a profile file; fails with exit 2
// naming the nearest board. --budget BYTES: a positive whole number, else exit 2.
// Both defined in cmd_boards.cpp.
hw::Board BoardNamed(const std::string& name_or_file);
int64_t ParseBudgetBytes(const std::string& text);
void RegisterAccuracy(CLI::App& app);
void RegisterSweep(CLI::App& app, int argc, char** argv);  // cmd_sweep.cpp
void RegisterPareto(CLI::App& app);                       // cmd_pareto.cpp
void RegisterPlot(CLI::App& app);                         // cmd_plot.cpp
void RegisterPick(CLI::App& app);                         // cmd_pick.cpp
void RegisterReproduce(CLI::App& app);                    // cmd_reproduce.cpp
void RegisterRuntimes(CLI::App& app);                     // cmd_runtimes.cpp
// Shared by sweep and search (cmd_sweep.cpp): a progress bar on stderr (none when --quiet or not a
// terminal); the results database, its directory made; one run written with its provenance.
std::function<void(int64_t, int64_t)> ProgressBar(const std::string& unit);
std::unique_ptr<store::Database> OpenResults(const std::string& path);
int64_t StoreRun(store::Database& db, const std::vector<hw::Board>& boards, const explore::SweepOptions& options,
                 const std::vector<std::string>& model_files, const std::string& command_line,
                 const explore::SweepResult& result,
                 const std::map<std::string, std::string>& model_sha256 = {});
void RegisterSearch(CLI::App& app, int argc, char** argv);  // cmd_search.cpp
void RegisterExport(CLI::App& app);                       // cmd_export.cpp
void RegisterDb(CLI::App& app);                           // cmd_db.cpp

// Top-1 of a variant for `dse show` (cmd_accuracy.cpp): accuracy::Top1ForVariant with the
// measurements of the default database (results/dse.sqlite).
struct ShowTop1 {
  nlohmann::json json;  // explore::Top1Json: top1 (null: int4 without a published figure), provenance, interval
  std::string text;        // e.g. "61.26% int8 (predicted [59.90, 62.62], family mbv3; ...)"
};
ShowTop1 Top1OfVariant(const std::string& variant_name, int64_t macs);

}  // namespace dse_app
