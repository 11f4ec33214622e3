#pragma once
// The latency model's coefficients: one small set per board, each with a sourced prior that
// depends only on the board profile (core type, clock ratios, wait states, external memory),
// optionally replaced by values fitted to measurements (`dse calibrate`), kept in
// data/latency/coefficients.toml so the hardware profiles stay hand-written facts.

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "hw/board.h"
#include "power/power.h"
#include "util/result.h"

namespace latency {

/// Coefficient indices. All are cycles of the core clock per unit of the named quantity.
enum Coef : int {
  kDispatchCycles,          // per op: interpreter dispatch, kernel prologue
  kConv1x1CyclesPerMac,     // arm_convolve_1x1_s8_fast, the 16-column SIMD loop
  kConv1x1LeftoverCyclesPerMac,  // same kernel, the scalar loop over Cin % 16 columns
  kConvIm2colCyclesPerMac,  // arm_convolve_s8 (im2col + mat-mult)
  kIm2colCyclesPerElement,  // arm_convolve_s8: gathering one input element into the s16 column
  kDw3x3CyclesPerMac,       // arm_depthwise_conv_3x3_s8
  kDwK5CyclesPerMac,        // arm_depthwise_conv_s8_opt / generic, kernel <= 5
  kDwK7CyclesPerMac,        // same kernels, kernel >= 6
  kFcCyclesPerMac,          // arm_fully_connected_s8
  kRequantCyclesPerOutput,  // per requantised output element
  kElementwiseCyclesPerElement,  // add, mul, hard-swish, softmax, copies
  kPoolCyclesPerElement,    // pooling, mean, pad (per element read)
  kFlashCyclesPerByte,      // internal mode: weight bytes fetched from flash (wait states)
  kExtReadCyclesPerByte,    // CPU bytes fetched from external RAM
  kExtWriteCyclesPerByte,   // CPU bytes written to external RAM
  kExtAccessCycles,         // per external-RAM access (CPU read or DMA beat): bus-matrix and
                            // FMC crossing, controller state machine, the requester's stall
  kDmaCyclesPerByte,        // TinyOps DMA external RAM -> SRAM
  kPartCycles,              // TinyOps fixed cost per part: kernel call, DMA set-up, ISR, cache
  kNumCoefs,
};

struct CoefInfo {
  std::string_view key;   // key in coefficients.toml
  std::string_view unit;
  std::string_view doc;
};

/// Key, unit and meaning of each coefficient, indexed by Coef.
const std::array<CoefInfo, kNumCoefs>& CoefTable();

using CoefValues = std::array<double, kNumCoefs>;

/// The coefficients used for one board, with where they came from.
struct BoardCoefficients {
  std::string board;
  CoefValues prior{};
  CoefValues value{};          // == prior unless fitted
  std::array<int, kNumCoefs> rows_informing{};  // measured rows each coefficient was fitted on
  int calibration_rows = 0;    // 0 = prior only
  std::string data_sources;    // the CSV files fitted, "" for prior only
  // Measured power (board, runtime, mode[, design]) the energy is computed from; not owned.
  // nullptr = none known (no energy).
  const power::Table* power = nullptr;

  /// "calibrated on N rows (files)" or "prior only (no measurements for board B)".
  std::string Provenance() const;
};

/// Priors from the board profile alone (core family, wait states, external memory timing);
/// each value's derivation is documented in coefficients.cpp and in lib/latency/README.md.
BoardCoefficients Priors(const hw::Board& board);

/// Fitted coefficients per board name, as stored in coefficients.toml.
using CoefficientFile = std::map<std::string, BoardCoefficients>;

/// Reads coefficients.toml; a missing file is an empty map. Errors are file:line.
util::Result<CoefficientFile> LoadCoefficients(const std::string& path);

/// TOML text of `file` (one [board] table per board with values, provenance and row counts).
std::string FormatCoefficients(const CoefficientFile& file);

/// The board's priors, replaced by the fitted values of `file` when it has the board, with
/// `power` (not owned; nullptr = no measured power, so no energy) for the energy.
BoardCoefficients CoefficientsFor(const hw::Board& board, const CoefficientFile& file,
                                  const power::Table* power);

}  // namespace latency
