#pragma once
// The memory checks the built-in modes share: internal flash + SRAM, and external RAM +
// model storage. Each appends a Violation to the fit when a need exceeds what the board has.

#include <cstdint>
#include <string>

#include "hw/board.h"
#include "placement/mode.h"

namespace placement {

/// Appends a violation of `constraint` when `needed` > `available`.
void Require(Fit* fit, std::string constraint, int64_t needed, int64_t available,
             std::string detail);

/// Weights in internal flash after the runtime code, the arena in SRAM after the runtime state.
void CheckInternal(const Footprint& f, const hw::Board& board, Fit* fit);

/// Weights, arena and `extra_bytes` in the first external RAM; the model in external storage
/// (or internal flash when the board has none). Sets flash, external and storage bytes.
void CheckExternalRam(const Footprint& f, const hw::Board& board, int64_t extra_bytes, Fit* fit);

/// An input error when `board` has no external RAM for `mode`.
util::Status RequireExternalRam(const hw::Board& board, std::string_view mode);

}  // namespace placement
