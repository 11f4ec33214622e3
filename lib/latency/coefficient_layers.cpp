// User coefficient files laid over the shipped one (coefficient_layers.h).

#include "latency/coefficient_layers.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "kernels/runtime.h"
#include "util/spellcheck.h"

namespace latency {

util::Result<CoefficientFile> LayerCoefficients(CoefficientFile base,
                                                const std::vector<std::string>& files,
                                                const std::vector<std::string>& known_boards) {
  for (const std::string& path : files) {
    if (!std::filesystem::is_regular_file(path)) {
      return util::InputError(fmt::format("{}: no such coefficients file", path));
    }
    auto file = LoadCoefficients(path);
    if (!file) return file.error();
    for (const auto& [key, bc] : *file) {
      // A name near a known board is a typo; any other unknown name is a profile of the user's
      // own (calibrate --board FILE), kept for the commands that load that profile.
      const bool known = std::find(known_boards.begin(), known_boards.end(), bc.board) != known_boards.end();
      const std::string nearest = known ? "" : util::DidYouMean(bc.board, known_boards);
      if (!nearest.empty()) {
        return util::InputError(fmt::format("{}:{}: [{}] names no known board{}", path,
                                            bc.source_line, key, nearest));
      }
      if (auto runtime = kernels::FindRuntime(bc.runtime); !bc.runtime.empty() && !runtime) {
        return util::InputError(fmt::format("{}:{}: [{}]: {}", path, bc.source_line, key,
                                            runtime.error().message));
      }
      base[key] = bc;
    }
    for (const auto& [key, c] : file->corrections) base.corrections[key] = c;
    if (file->spreads.version > 0) base.spreads = file->spreads;
  }
  return base;
}

CoefficientFile OnlyBoard(const CoefficientFile& fitted, const std::string& board,
                          std::string_view runtime) {
  CoefficientFile out;
  const auto it = fitted.find(CoefficientKey(board, runtime));
  if (it != fitted.end()) out[it->first] = it->second;
  return out;
}

util::Result<CoefficientFile> MergedInto(const std::string& path, const CoefficientFile& tables,
                                         const std::vector<hw::Board>& boards) {
  auto loaded = LoadCoefficients(path);  // a missing file is an empty one
  if (!loaded) return loaded.error();
  CoefficientFile merged = std::move(loaded).value();
  for (auto& [key, bc] : merged) {
    const auto board = std::find_if(boards.begin(), boards.end(),
                                    [&](const hw::Board& b) { return b.name == bc.board; });
    if (board != boards.end()) bc.prior = Priors(*board).prior;
  }
  for (const auto& [key, bc] : tables) merged[key] = bc;
  return merged;
}

}  // namespace latency
