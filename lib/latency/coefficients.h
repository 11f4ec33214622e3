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
#include "kernels/runtime.h"
#include "latency/spreads.h"
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

// Log spreads of the fit's priors (fit.h), per coefficient group.
inline constexpr double kSharedSigma = 1.0;       // log spread of a prior's shared correction
inline constexpr double kBoardSigma = 0.25;       // log spread of a board's own deviation
inline constexpr double kTimingSharedSigma = 0.5;  // same, for per-byte costs from memory timing
inline constexpr double kTimingBoardSigma = 0.1;

/// What a coefficient describes, which decides how the fit treats it (fit.h).
enum class CoefGroup {
  kCompute,  // cycles of the core per unit of work: scaled together per board (a[b])
  kMemory,   // cycles per byte or access of a memory path, no timing document behind the prior
  kTiming,   // per-byte memory costs whose priors come from the memories' timing registers
};

/// One entry of the described coefficient vector.
struct CoefInfo {
  std::string_view key;   // key in coefficients.toml
  std::string_view unit;
  std::string_view doc;
  CoefGroup group = CoefGroup::kCompute;
  double shared_sigma = 0;  // log spread of the prior's shared correction s[j] in the fit
  double board_sigma = 0;   // log spread of a board's own deviation e[b][j]
};

/// The described coefficient vector: key, unit, meaning, group and fit spreads of each
/// coefficient, indexed by Coef. The fit, the TOML file and the reports iterate it; nothing
/// depends on the order of the enum beyond this table.
const std::array<CoefInfo, kNumCoefs>& CoefTable();

using CoefValues = std::array<double, kNumCoefs>;

/// The runtime of coefficients given without one: the paper's.
inline constexpr std::string_view kPaperRuntime = kernels::kDefaultRuntime;

/// The coefficients used for one board and runtime, with where they came from.
struct BoardCoefficients {
  std::string board;
  std::string runtime = std::string(kPaperRuntime);
  std::string core;            // the board's core family (hw::Board::core), set by Priors
  CoefValues prior{};
  CoefValues value{};          // == prior unless fitted
  std::array<int, kNumCoefs> rows_informing{};  // measured rows each coefficient was fitted on
  int calibration_rows = 0;    // 0 = prior only
  std::string data_sources;    // the CSV files fitted, "" for prior only
  std::string inherited;       // with calibration_rows 0: the correction applied to the priors
                               // (Correction::Describe()), "" = none
  int source_line = 0;         // the table's line in the file it was read from (0: none)
  double loo_log_sigma = 0;    // RMS of the board's rows' leave-one-out log errors, as measured
                               // (interval.h shrinks it); 0 = unknown (key `loo_log_sigma`,
                               // optional in the file)
  double transfer_log_sigma = 0;  // the file's Spreads::transfer_log_sigma (0 = none: the
                                  // CoefInfo spreads under a correction, interval.h)
  double within_board_log_sigma = 0;  // the file's Spreads::within_board_log_sigma (0 = none)
  double runtime_log_sigma = 0;   // what the runtime's factors add (Spreads::RuntimeLogSigma)

  /// "calibrated on N rows (files)", "prior x cortex-m7 family correction (calibrated on N rows
  /// of boards f746)" or "prior only (no measurements for board B)".
  std::string Provenance() const;
};

/// What a board without rows inherits from the fit: a multiplier per coefficient over its
/// priors. The priors already carry the profile (clock ratios, wait states, memory timing); the
/// correction carries what the priors miss. A family's is the shared correction s[j] plus the
/// mean compute scale a[b] of the family's boards with rows (fit.h); "shared" is s[j] plus the
/// mean a[b] of every board with rows. Never a board's own deviation e[b][j].
struct Correction {
  std::string family;   // core id ("cortex-m7"); "" = the shared correction
  std::string runtime = std::string(kPaperRuntime);
  CoefValues multiplier{};  // value = prior x multiplier[j]; 1 = the prior unchanged
  int calibration_rows = 0;  // rows of the boards it was calibrated on
  std::string boards;        // those boards, comma-separated
  std::string data_sources;

  /// "cortex-m7 family correction (calibrated on 8 rows of boards f746)" or
  /// "shared correction (calibrated on 22 rows of boards f469, f746, l552)".
  std::string Describe() const;
};

/// Key of a correction in coefficients.toml: "shared" or "family/cortex-m7", with "/RUNTIME"
/// appended for a runtime other than the paper's. "shared" and "family" are not board names.
std::string CorrectionKey(std::string_view family, std::string_view runtime);

/// Priors from the board profile alone (core family, wait states, external memory timing);
/// each value's derivation is documented in coefficients.cpp and in lib/latency/README.md.
BoardCoefficients Priors(const hw::Board& board);

/// Fitted coefficients keyed by CoefficientKey(board, runtime), as stored in coefficients.toml
/// (a table per key: `[f469]` for the paper's runtime, `["f469/RUNTIME"]` for another), plus
/// the corrections boards without rows inherit, keyed by CorrectionKey (`["family/cortex-m7"]`,
/// `[shared]`). A file written before corrections existed has none: boards without rows then
/// get their priors alone.
struct CoefficientFile : std::map<std::string, BoardCoefficients> {
  std::map<std::string, Correction> corrections;
  Spreads spreads;  // the [spread] table (spreads.h); version 0 when the file has none
};

/// "board" for the paper's runtime, "board/runtime" otherwise.
std::string CoefficientKey(std::string_view board, std::string_view runtime);

/// Reads coefficients.toml; a missing file is an empty map. Errors are file:line.
util::Result<CoefficientFile> LoadCoefficients(const std::string& path);

/// TOML text of `file` (one [board] table per board with values, provenance and row counts).
std::string FormatCoefficients(const CoefficientFile& file);

/// The correction a board of core `family` without rows inherits under `runtime`: the family's,
/// else the shared one, else nullptr (the file has neither).
const Correction* CorrectionFor(const CoefficientFile& file, std::string_view family,
                                std::string_view runtime);

/// `priors` (Priors() of a board, runtime set) times the correction `file` has for its family
/// (CorrectionFor), with `inherited` saying which; unchanged when the file has none.
BoardCoefficients Inherit(BoardCoefficients priors, const CoefficientFile& file);

/// The board's priors, replaced by the fitted values of `file` for (board, runtime) when it has
/// them; else the priors times the correction of the board's core family, else the shared one
/// (Inherit); else the priors alone. Another runtime's or board's own values are never used.
BoardCoefficients CoefficientsFor(const hw::Board& board, const CoefficientFile& file,
                                  std::string_view runtime = kPaperRuntime);

/// What a prediction under `runtime` uses: the (board, runtime) table of `file` when it has one
/// (a build calibrated on its own rows), else CoefficientsFor(board, file, the runtime's
/// coefficient_runtime()); with the spread its factors add (file.spreads.RuntimeLogSigma).
BoardCoefficients CoefficientsUnder(const hw::Board& board, const CoefficientFile& file,
                                    const kernels::Runtime& runtime);

}  // namespace latency
