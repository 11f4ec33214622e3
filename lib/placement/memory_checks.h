#pragma once
// The memory checks the built-in modes share: internal flash + SRAM, and external RAM +
// model storage. Each appends a Violation to the fit when a need exceeds what the board has.

#include <cstdint>
#include <string>

#include "hw/board.h"
#include "placement/mode.h"
#include "tinyops/budgets.h"

namespace placement {

/// Appends a violation of `constraint` when `needed` > `available`.
void Require(Fit* fit, std::string constraint, int64_t needed, int64_t available,
             std::string detail);

/// Weights in internal flash after the runtime code; the runtime layout's SRAM (Footprint::sram)
/// after the runtime state. Sets flash and SRAM bytes and the SRAM parts.
void CheckInternal(const Footprint& f, const hw::Board& board, Fit* fit);

/// The parts of a deployed model: "the .tflite file: D B of weights, biases and
/// requantisation + O B of flatbuffer" (or "..., estimated" for a built network).
std::string ModelFlashText(const ModelFlash& model);

/// One line of `fit`'s SRAM parts, "" when it has none: "SRAM by the tflm layout: arena A B
/// + scratch S B + persistent P B + runtime reserve R B".
std::string SramPartsText(const Fit& fit);

/// The indented lines of SramPartsText and of the flash parts ("    flash: model M B (...) +
/// runtime code C B"), each ending in '\n'; "" when the fit has neither.
std::string FitPartsText(const Fit& fit);

/// Weights, arena and `extra_bytes` in the first external RAM; the model in external storage
/// (or internal flash when the board has none). Sets flash, external and storage bytes.
void CheckExternalRam(const Footprint& f, const hw::Board& board, int64_t extra_bytes, Fit* fit);

/// The largest TinyOps SRAM budget `board` takes, the one rule of every command that takes a
/// budget (fit, partition, show, analyze, sweep, plot budget --to): the SRAM its profile leaves
/// to a network (size_bytes - reserved_bytes), or its default budget in `defaults`
/// (data/tinyops/budgets.csv; nullptr = no table) where that is higher (f469: 258,000 B of the
/// paper's F4 firmware, above 262,144 - 12,680 = 249,464 B).
int64_t MaxBudgetBytes(const hw::Board& board, const tinyops::BudgetTable* defaults);

/// Where MaxBudgetBytes comes from, e.g. "262144 B of SRAM less a 12680 B runtime reserve:
/// 249464 B; its default budget in budgets.csv, 258000 B, is higher".
std::string BudgetLimitText(const hw::Board& board, const tinyops::BudgetTable* defaults);

/// An input error when `budget_bytes` (0 = the board's default) is above MaxBudgetBytes,
/// naming the option, the board's SRAM and reserve and the nearest valid budget: every command
/// taking --budget refuses it the same way (fit, partition, show, analyze, sweep, through
/// explore::EvaluatePoint).
util::Status CheckBudget(const hw::Board& board, int64_t budget_bytes,
                         const tinyops::BudgetTable* defaults);

/// An input error "TinyOps needs external RAM: board 'B' has none (sdram or sram)" when
/// `board` has no external RAM (`dse partition` refuses such a board).
util::Status RequireTinyopsRam(const hw::Board& board);

/// An input error when `board` has no external RAM for `mode`.
util::Status RequireExternalRam(const hw::Board& board, std::string_view mode);

}  // namespace placement
