#pragma once
// `dse pick`: the best feasible designs of a board under a user's constraints (a latency
// ceiling, a top-1 floor, an SRAM ceiling, a mode), chosen from the candidates of a sweep (the
// one evaluation path: explore::Sweep / EvaluatePoint), ranked by top-1 then latency, each
// with every mode's figures. When nothing satisfies the constraints the answer names the
// tightest constraint and the closest design. Nothing here prints.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "explore/candidate.h"
#include "util/result.h"

namespace explore {

struct PickConstraints {
  std::optional<double> max_latency_ms;   // --max-latency
  std::optional<double> min_top1_pct;     // --min-top1
  std::optional<int64_t> max_sram_bytes;  // --max-sram
  std::string mode = "any";               // "any" or a registered mode id
};

/// The constraints as the command line writes them: --max-latency "200ms", "0.2s" or "200"
/// (ms); --min-top1 "60" or "60%" (0..100); --max-sram "256KiB", "256K", "262144"; --mode "any"
/// or a registered mode. Empty text: no such constraint. An input error naming the option and
/// what it accepts when a value is malformed.
util::Result<PickConstraints> ParsePickConstraints(const std::string& max_latency,
                                                   const std::string& min_top1,
                                                   const std::string& max_sram,
                                                   const std::string& mode);

/// One picked design: the variant in its best satisfying mode, and its evaluation in every
/// mode of the sweep (feasible or not), in sweep order.
struct PickedDesign {
  Candidate best;
  std::vector<Candidate> modes;
};

/// Why a candidate does not satisfy `c` ("" when it does): the first violated constraint, or
/// the candidate's own fail_reason when infeasible.
std::string ViolationOf(const Candidate& candidate, const PickConstraints& c);

struct PickAnswer {
  std::vector<PickedDesign> designs;
  std::string none_reason;  // when `designs` is empty: why, for exit 4
};

/// At most `limit` designs of `board` that satisfy `c` (feasible, in the mode, under each
/// ceiling, over the floor; a constraint on a figure the design lacks is not satisfied), one per
/// variant, by top-1 (highest first), then latency (lowest first), then name. When none does,
/// none_reason says "no design on B satisfies C; tightest: --X (N of M feasible designs meet
/// it); closest: V MODE (figures)".
PickAnswer Pick(const std::vector<Candidate>& candidates, const std::string& board,
                const PickConstraints& c, size_t limit);

/// The text of `dse pick`: a header naming the constraints, then per design its rank, variant,
/// best mode and figures, and one indented line per mode (its figures or why it does not fit).
std::string PickText(const std::string& board, const PickConstraints& c,
                     const std::vector<PickedDesign>& designs);

/// `dse pick --json`: board, the constraints (max_latency_ms, min_top1_pct, max_sram_bytes,
/// mode; null when not given) and "designs": each the best candidate's fields plus "modes", the
/// candidate of every mode.
nlohmann::json PickJson(const std::string& board, const PickConstraints& c,
                        const std::vector<PickedDesign>& designs);

}  // namespace explore
