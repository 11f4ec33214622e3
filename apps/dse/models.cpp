#include "models.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <functional>

#include "app.h"
#include "store/database.h"
#include "latency/coefficient_layers.h"

namespace dse_app {

const hw::Catalog& BoardCatalog() {
  static const hw::Catalog catalog =
      Unwrap(hw::Catalog::LoadDirectory(Globals().data_dir + "/hwprofiles"));
  return catalog;
}

std::vector<std::string>& ResolvedBoardNames() {
  static std::vector<std::string> names;
  return names;
}

std::vector<std::string> UserCoefficientFiles() {
  std::vector<std::string> files;
  const char* env = std::getenv(latency::kUserCoefficientsVariable);
  if (env && std::filesystem::exists(env)) {  // the default location: read once written
    files.emplace_back(env);
  }
  for (const std::string& f : Globals().coefficient_files) files.push_back(f);
  return files;
}

std::vector<hw::Board> BoardsNamed(const std::vector<std::string>& names) {
  std::vector<hw::Board> boards;
  for (const std::string& name : names) {
    if (name == "all") {
      for (const hw::Board& b : BoardCatalog().boards()) boards.push_back(b);
    } else {
      boards.push_back(BoardNamed(name));
    }
  }
  // Results are keyed by board name: two boards of one name would collide in the database
  // only after the whole sweep, so refuse them here.
  for (size_t i = 0; i < boards.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (boards[i].name == boards[j].name) {
        FailInput(fmt::format("--board: board '{}' is given twice{}", boards[i].name,
                              boards[i].file == boards[j].file
                                  ? ""
                                  : fmt::format(" ({} and {})", boards[j].file, boards[i].file)));
      }
    }
  }
  return boards;
}

const power::Table& PowerTable() {
  static const power::Table table = [] {
    return Unwrap(power::LoadTable(Globals().data_dir + "/data/power/measured.csv",
                                   placement::ModeIds()));
  }();
  return table;
}

const tinyops::BudgetTable& BudgetTable() {
  static const tinyops::BudgetTable table = [] {
    tinyops::BudgetTable loaded =
        Unwrap(tinyops::LoadBudgets(Globals().data_dir + "/data/tinyops/budgets.csv"));
    Unwrap(tinyops::CheckBudgets(loaded, BoardCatalog().boards()));  // built-in boards' SRAM
    return loaded;
  }();
  return table;
}

std::string CoefficientsPath() { return Globals().data_dir + "/data/latency/coefficients.toml"; }

latency::BoardCoefficients CoefficientsOn(const hw::Board& board, const kernels::Runtime* runtime) {
  return latency::CoefficientsUnder(board, *LoadedModels().coefficients,
                                    runtime ? *runtime : kernels::DefaultRuntime());
}

explore::Target TargetOn(const hw::Board& board, const kernels::Runtime* runtime,
                         const latency::BoardCoefficients* coefficients,
                         const std::string& mode, int64_t budget_bytes, bool filter_growth) {
  return {&board, runtime, coefficients, {mode, budget_bytes, filter_growth, &BudgetTable(), 0, 0,
          Globals().tinyops_config}, &PowerTable()};
}

int64_t DefaultBudgetBytes(const hw::Board& board) {
  return tinyops::DefaultBudgetBytes(BudgetTable(), board);
}

// The built-in boards, those resolved so far and those of profile files among `app`'s values.
std::vector<std::string> KnownBoards(const CLI::App* app) {
  std::vector<std::string> known = ResolvedBoardNames();
  for (const hw::Board& b : BoardCatalog().boards()) known.push_back(b.name);
  std::function<void(const CLI::App*)> add = [&](const CLI::App* a) {
    for (const CLI::Option* o : a->get_options()) {
      for (const std::string& v : o->results()) {
        auto b = v.ends_with(".toml") && std::filesystem::is_regular_file(v) ? hw::LoadBoard(v)
                                                                               : util::InputError("");
        if (b) known.push_back(b->name);
      }
    }
    for (const CLI::App* sub : a->get_subcommands()) add(sub);
  };
  if (app != nullptr) add(app);
  return known;
}

void CheckCoefficientFiles(const CLI::App& app) {
  if (UserCoefficientFiles().empty()) return;
  Unwrap(latency::LayerCoefficients(Unwrap(latency::LoadCoefficients(CoefficientsPath())),
                                    UserCoefficientFiles(), KnownBoards(&app)));
}

namespace {
std::string measured_db = store::kDefaultPath;
std::map<std::string, std::string> model_sha256;  // this command's imported models
}  // namespace

void UseDatabase(const std::string& db, const std::map<std::string, std::string>& models) {
  measured_db = db;
  model_sha256 = models;
}

const explore::Models& LoadedModels() {
  static const accuracy::Surrogate surrogate = Unwrap(accuracy::LoadSurrogate(Globals().data_dir));
  static const std::vector<accuracy::Measurement> measured =
      Unwrap(store::MeasuredFor(measured_db, model_sha256));
  static const latency::CoefficientFile coefficients = Unwrap(latency::LayerCoefficients(
      Unwrap(latency::LoadCoefficients(CoefficientsPath())), UserCoefficientFiles(),
      KnownBoards(nullptr)));
  static const explore::Models models{&Spaces(),     &surrogate,    &measured,
                                      &coefficients, &PowerTable(), &BudgetTable()};
  return models;
}

}  // namespace dse_app
