#pragma once
// explore reproduce_text — the text of `dse reproduce` (Tables II and III beside the paper, the
// mean differences, the latency provenance per board, the headline claims and the picks) built
// from a ReproduceReport; the fairness table is FairnessText (reproduce_fairness.h).

#include <string>

#include "explore/reproduce_report.h"

namespace explore {

/// The whole report as text, every predicted figure labelled as such.
std::string ReproduceText(const ReproduceReport& report);

}  // namespace explore
