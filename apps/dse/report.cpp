#include "report.h"

#include <iostream>

namespace dse_app::report {

void PrintTotals(const graph::Network& net, const analysis::PeakActivation& peak,
                 ParamsNote note) {
  std::cout << explore::TotalsText(net, peak, note);
}

void PrintPerOp(const graph::Network& net, const analysis::PeakActivation& peak) {
  std::cout << explore::PerOpText(net, peak);
}

void PrintPeakTensors(const graph::Network& net, const analysis::PeakActivation& peak) {
  std::cout << explore::PeakTensorsText(net, peak);
}

}  // namespace dse_app::report
