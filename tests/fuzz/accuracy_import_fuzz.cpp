// libFuzzer target: the measured-accuracy import reader (accuracy::ParseMeasurements) on
// arbitrary text, against the built-in search spaces. Build and run with
// scripts/fuzz.sh accuracy_import SECONDS (the script defines DSE_SOURCE_DIR).
//
// Properties checked beyond "no crash, no sanitizer report": a rejected file carries a
// message naming the file; every accepted row has a top-1 in [0, 100] and a variant name the
// catalog resolves.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "accuracy/measured.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const searchspace::Catalog catalog = [] {
    auto loaded = searchspace::Catalog::LoadDirectory(DSE_SOURCE_DIR "/searchspaces");
    if (!loaded.ok()) std::abort();
    return std::move(loaded).value();
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rows = accuracy::ParseMeasurements("fuzz.csv", text, catalog);
  if (!rows.ok()) {
    if (rows.error().message.find("fuzz.csv") == std::string::npos) std::abort();
    return 0;
  }
  for (const accuracy::Measurement& m : *rows) {
    if (!(m.top1_pct >= 0 && m.top1_pct <= 100)) std::abort();
    if (!catalog.ParseVariant(m.variant).ok()) std::abort();
  }
  return 0;
}
