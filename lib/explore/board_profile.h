#pragma once
// A board profile as `dse boards show` reports it (text, JSON) and back: the JSON document
// turned into a profile file (hwprofiles/*.toml format) that hw::ParseBoard reads to the same
// board, every field included (the [memory] regions too).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hw/board.h"
#include "power/power.h"
#include "util/result.h"

namespace explore {

/// `dse boards show --json`: every value of the profile, its default TinyOps budget and the
/// power `power` has measured per mode under the default runtime (null when not measured);
/// "memory_regions" only when the profile has a [memory] table.
nlohmann::json BoardJson(const hw::Board& b, int64_t tinyops_budget_bytes,
                         const power::Table& power);

/// The board profile (hwprofiles/*.toml format) that BoardJson describes: `dse boards show
/// --json` written back as a file hw::ParseBoard reads to the same board. The derived values
/// (file, tinyops_budget_bytes, power_mw) and the envelope are left out; [memory]'s
/// sram_total_bytes is the regions' sum (the board keeps the regions, not the total).
/// Throws nlohmann::json::exception when a key BoardJson writes is missing.
std::string BoardProfileToml(const nlohmann::json& board_json);

/// BoardProfileToml of the JSON text `json_text` read from `file` (a saved `dse boards show
/// --json`), checked by loading it: "file:line: not JSON: ..." or "file: not a board document
/// (no 'core')" when it is not one, the profile's own errors when the values do not load.
util::Result<std::string> BoardProfileFromJson(const std::string& file, const std::string& json_text);

/// `dse boards show` text: every value of the profile (its [memory] regions one per line after
/// the SRAM the modes size against), its default TinyOps budget and the measured power per mode.
std::string BoardText(const hw::Board& b, int64_t tinyops_budget_bytes, const power::Table& power);

/// The widest line of BoardsListText.
inline constexpr size_t kBoardsListColumns = 100;

/// `dse boards list` text: one line per board (name, board, core, clock, SRAM, flash, external
/// memories), every line at most kBoardsListColumns wide. The board column is the title up to its
/// chip in parentheses ("STM32F469I-DISCO (STM32F469NI)" -> "STM32F469I-DISCO"; `boards show`
/// gives the whole), cut with "..." where still too long. The default TinyOps budget, a
/// deployment default rather than a fact of the board, is in `boards show` and `--json`.
std::string BoardsListText(const std::vector<hw::Board>& boards);

}  // namespace explore
