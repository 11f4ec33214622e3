// User coefficient files laid over the shipped one (coefficient_layers.h).

#include "latency/coefficient_layers.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

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

}  // namespace latency
