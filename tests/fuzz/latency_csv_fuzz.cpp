// libFuzzer target: the latency measurement CSV reader (latency::ParseMeasurements) on
// arbitrary text. Build and run with scripts/fuzz.sh latency_csv SECONDS.
//
// Properties checked beyond "no crash, no sanitizer report": a rejected file carries a
// message; every accepted row names a known board, has a positive finite latency and a line
// inside the file.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "latency/measurements.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const latency::KnownNames known{
      {"f469", "f746", "l552"},
      [](const std::string& name) {
        for (const char* family : {"mbv3-", "proxyless-", "mnasnet-", "mcunet-"}) {
          if (name.rfind(family, 0) == 0) return std::string();
        }
        return "unknown variant '" + name + "'";
      }};
  std::string text(reinterpret_cast<const char*>(data), size);
  auto rows = latency::ParseMeasurements("fuzz.csv", text, known);
  if (!rows.ok()) {
    if (rows.error().message.empty()) std::abort();
    return 0;
  }
  const long lines = 1 + std::count(text.begin(), text.end(), '\n');
  for (const latency::Measurement& m : *rows) {
    if (m.board != "f469" && m.board != "f746" && m.board != "l552") std::abort();
    if (!(m.latency_ms > 0) || !std::isfinite(m.latency_ms)) std::abort();
    if (m.line < 1 || m.line > lines) std::abort();
  }
  return 0;
}
