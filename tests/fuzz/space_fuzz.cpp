// libFuzzer target: the search-space TOML reader (searchspace::ParseSpace) on arbitrary text,
// then the network builder on the first grid point of any space it accepts.
// Build and run with scripts/fuzz.sh space SECONDS.
//
// Properties checked beyond "no crash, no sanitizer report": a rejected file carries a message
// naming the file; an accepted space has a name, a non-empty grid and at least one block, and
// building it at a grid point either fails with a message or yields a network with ops.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "searchspace/space.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto space = searchspace::ParseSpace("fuzz.toml", text);
  if (!space.ok()) {
    if (space.error().message.find("fuzz.toml") == std::string::npos) std::abort();
    return 0;
  }
  if (space->name.empty() || space->widths.empty() || space->resolutions.empty()) std::abort();
  (void)searchspace::MinResolution(*space);
  auto net = searchspace::Build(*space, space->widths.front(), space->resolutions.front());
  if (net.ok() ? net->ops.empty() : net.error().message.empty()) std::abort();
  return 0;
}
