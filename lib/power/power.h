#pragma once
// power — measured power as data keyed by (board, runtime, mode[, design]), outside the board
// profile (design.md: "measured power is data keyed by (board, runtime[, mode])"). Read from
// data/power/measured.csv:
//
//   board,runtime,mode,design,power_mw,source
//   f469,tflm-cmsis-nn,tinyops,,380.0,seed Table III ...       <- the mode's board-level figure
//   f469,tflm-cmsis-nn,tinyops,mbv3-w0.50-r112,410.0,seed Table II   <- one design's own power
//
// Energy per inference = the power Lookup() finds x the predicted latency.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace power {

/// One measured figure. An empty `design` is the board's power in `mode` for any design.
struct Row {
  std::string board;    // hwprofiles name, e.g. "f469"
  std::string runtime;  // e.g. "tflm-cmsis-nn"
  std::string mode;     // a deployment mode name, e.g. "tinyops"
  std::string design;   // a design's name, e.g. "mcunet-in2"; "" = the mode's board figure
  double power_mw = 0;  // > 0
  std::string source;   // where the figure comes from
  int line = 0;         // where the file lists it
};

struct Table {
  std::string file;  // "" for an empty table built in code
  std::vector<Row> rows;
};

/// Reads the CSV `text` (named `file` in errors). `modes` are the valid mode names (the
/// deployment-mode registry's; not hard-coded here). Every problem is reported as
/// "file:line: what is wrong": missing or unknown columns, an empty board or runtime, an unknown
/// mode (with the nearest), a power that is not a positive number, a key listed twice.
util::Result<Table> ParseTable(const std::string& file, std::string_view text,
                               const std::vector<std::string>& modes);
/// Reads the file at `path`; see ParseTable.
util::Result<Table> LoadTable(const std::string& path, const std::vector<std::string>& modes);

/// The power used for `design` on `board` under `runtime` in `mode`, with where it came from.
struct Figure {
  std::optional<double> mw;  // none when nothing is measured
  std::string provenance;    // "measured for this design", "board, <mode> mode", "" when none
};

/// The design's own measured power first ("measured for this design"), else the board's power
/// in the mode ("board, <mode> mode"), else none. An empty `design` asks for the mode's figure.
Figure Lookup(const Table& table, std::string_view board, std::string_view runtime,
              std::string_view mode, std::string_view design);

}  // namespace power
