#pragma once
// User coefficient files over the shipped one (issue 13 item 4): `dse calibrate --board` writes
// one board's fitted coefficients to a file of its own; every command that predicts reads the
// shipped data/latency/coefficients.toml, then the file named by $DSE_COEFFICIENTS (the
// documented default location of a user's file), then each --coefficients FILE in order. A
// later file's table replaces an earlier one's per key (board, board/runtime, or correction):
// a user's file for one board never changes another board's coefficients.

#include <string>
#include <vector>

#include "latency/coefficients.h"
#include "util/result.h"

namespace latency {

/// The environment variable naming the default user coefficients file.
inline constexpr const char* kUserCoefficientsVariable = "DSE_COEFFICIENTS";

/// `base` with the tables of each of `files` laid over it in order. Each file must exist and
/// be a coefficients file (LoadCoefficients' errors, file:line); a table naming a board not in
/// `known_boards` but near one of them (a typo), or a runtime that is not registered
/// (kernels::FindRuntime), is an error at its line with the nearest name.
/// A table for a board far from every known name is kept: it is a profile of the user's own and
/// serves only the commands that load that profile. Nothing is returned on error.
util::Result<CoefficientFile> LayerCoefficients(CoefficientFile base,
                                                const std::vector<std::string>& files,
                                                const std::vector<std::string>& known_boards);

/// Only the (board, runtime) table of `fitted` (and no corrections): what `dse calibrate
/// --board` fits.
CoefficientFile OnlyBoard(const CoefficientFile& fitted, const std::string& board,
                          std::string_view runtime);

/// What `dse calibrate --board` writes to `path`: the coefficients file already there (a missing
/// file: an empty one) with the tables of `tables` replacing its tables of the same key, every
/// other table, correction and spread kept, so calibrating a second board into one file (the
/// default $DSE_COEFFICIENTS, or the shipped file named) never drops the first one's.
/// The kept tables' priors (a file stores them as comments only) are those of `boards` of the
/// same name; unknown ones are left out of the text. Errors: `path` exists and is not a
/// coefficients file (LoadCoefficients', file:line).
util::Result<CoefficientFile> MergedInto(const std::string& path, const CoefficientFile& tables,
                                         const std::vector<hw::Board>& boards);

}  // namespace latency
