#pragma once
// The report of `dse reproduce` as text or JSON on stdout: explore::BuildReproduceReport
// computes it; this only formats it. Every toolkit figure but MACs and params is labelled
// predicted.

#include "explore/reproduce_report.h"

namespace dse_app {

void PrintReproduceText(const explore::ReproduceReport& report);
/// JSON: tables (paper, dse, diff per row), summary, claims, picks.
void PrintReproduceJson(const explore::ReproduceReport& report);

}  // namespace dse_app
