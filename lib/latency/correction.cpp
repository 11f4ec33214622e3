// The corrections boards without rows inherit (coefficients.h: Correction, CorrectionFor,
// Inherit, CoefficientsUnder); reading and writing them is in coefficients.cpp with the rest of the TOML file.

#include <fmt/format.h>

#include "latency/coefficients.h"

namespace latency {

std::string Correction::Describe() const {
  const std::string what =
      family.empty() ? "shared correction" : fmt::format("{} family correction", family);
  return fmt::format("{} (calibrated on {} row{} of boards {})", what, calibration_rows,
                     calibration_rows == 1 ? "" : "s", boards);
}

std::string CorrectionKey(std::string_view family, std::string_view runtime) {
  std::string key = family.empty() ? "shared" : fmt::format("family/{}", family);
  if (runtime != kPaperRuntime) key += fmt::format("/{}", runtime);
  return key;
}

const Correction* CorrectionFor(const CoefficientFile& file, std::string_view family,
                                std::string_view runtime) {
  if (!family.empty()) {
    const auto it = file.corrections.find(CorrectionKey(family, runtime));
    if (it != file.corrections.end()) return &it->second;
  }
  const auto it = file.corrections.find(CorrectionKey("", runtime));
  return it == file.corrections.end() ? nullptr : &it->second;
}

BoardCoefficients Inherit(BoardCoefficients priors, const CoefficientFile& file) {
  const Correction* c = CorrectionFor(file, priors.core, priors.runtime);
  if (c == nullptr) return priors;
  for (int j = 0; j < kNumCoefs; ++j) priors.value[j] = priors.prior[j] * c->multiplier[j];
  priors.inherited = c->Describe();
  priors.transfer_log_sigma = file.spreads.transfer_log_sigma;
  priors.within_board_log_sigma = file.spreads.within_board_log_sigma;
  return priors;
}

BoardCoefficients CoefficientsUnder(const hw::Board& board, const CoefficientFile& file,
                                    const kernels::Runtime& runtime) {
  // A (board, runtime) table is a build calibrated on its own rows (`dse calibrate --runtime`):
  // those rows were fitted with the runtime's factors in their terms, so the table is the
  // board's model under it. Without one, the runtime's coefficient runtime's table.
  const bool own = file.count(CoefficientKey(board.name, runtime.id())) > 0;
  BoardCoefficients bc =
      CoefficientsFor(board, file, own ? runtime.id() : runtime.coefficient_runtime());
  bc.runtime_log_sigma = file.spreads.RuntimeLogSigma(runtime.id());
  return bc;
}

}  // namespace latency
