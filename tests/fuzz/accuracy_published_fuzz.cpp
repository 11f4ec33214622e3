// libFuzzer target: the published-accuracy table reader (accuracy::ParsePublished) on
// arbitrary text. Build and run with scripts/fuzz.sh accuracy_published SECONDS.
//
// Properties checked beyond "no crash, no sanitizer report": a rejected file carries a
// message naming the file; every accepted row has a model name, a source and a top-1 in
// [0, 100].

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "accuracy/published.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rows = accuracy::ParsePublished("fuzz.csv", text);
  if (!rows.ok()) {
    if (rows.error().message.find("fuzz.csv") == std::string::npos) std::abort();
    return 0;
  }
  for (const accuracy::PublishedRow& r : *rows) {
    if (r.model.empty() || r.source.empty()) std::abort();
    if (!(r.top1_pct >= 0 && r.top1_pct <= 100)) std::abort();
  }
  return 0;
}
