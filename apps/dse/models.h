#pragma once
// The models and inputs a run reads, loaded once per process from the data directory.

#include <map>
#include <string>
#include <vector>

#include "explore/evaluate.h"
#include "hw/catalog.h"

namespace CLI { class App; }

namespace dse_app {

const hw::Catalog& BoardCatalog();
// Names of the boards this run resolved (built-in or profile files), for coefficient files.
std::vector<std::string>& ResolvedBoardNames();
// $DSE_COEFFICIENTS (when set), then every --coefficients FILE: read over the shipped file.
std::vector<std::string> UserCoefficientFiles();
// Checks the user coefficient files over the shipped one before a command runs (file:line, exit 2).
void CheckCoefficientFiles(const CLI::App& app);
// --board values: built-in names, profile files, or "all" (every built-in board). Fails with
// exit 2 when two of them name the same board.
std::vector<hw::Board> BoardsNamed(const std::vector<std::string>& names);
// The surrogate, measured accuracies and latency coefficients, with the built-in spaces.
const explore::Models& LoadedModels();
/// Where LoadedModels() reads measured accuracies (default results/dse.sqlite) and the
/// imported models (name -> SHA-256) they are matched to; call before LoadedModels().
void UseDatabase(const std::string& db, const std::map<std::string, std::string>& models);
// Measured power per (board, runtime, mode[, design]): data/power/measured.csv.
const power::Table& PowerTable();
// Default TinyOps SRAM budgets per board: data/tinyops/budgets.csv.
const tinyops::BudgetTable& BudgetTable();
// The default TinyOps SRAM budget on `board` (its row of BudgetTable(), else its available SRAM).
int64_t DefaultBudgetBytes(const hw::Board& board);
// Where the fitted coefficients live: <data dir>/data/latency/coefficients.toml.
std::string CoefficientsPath();
// The coefficients of `board` under `runtime` (nullptr: the default) from the loaded file.
latency::BoardCoefficients CoefficientsOn(const hw::Board& board, const kernels::Runtime* runtime);
// An evaluation target on `board` under `runtime` (nullptr: the default) with the shipped power
// and default budgets; `coefficients` nullptr evaluates the placement only.
explore::Target TargetOn(const hw::Board& board, const kernels::Runtime* runtime,
                         const latency::BoardCoefficients* coefficients,
                         const std::string& mode, int64_t budget_bytes = 0,
                         bool filter_growth = true);

}  // namespace dse_app
