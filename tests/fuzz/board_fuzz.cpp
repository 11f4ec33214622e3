// libFuzzer target: the board-profile TOML reader (hw::ParseBoard) on arbitrary text.
// Build and run with scripts/fuzz.sh board SECONDS.
//
// Properties checked beyond "no crash, no sanitizer report": a rejected profile carries a
// message naming the file; an accepted one has a name.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hw/board.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto board = hw::ParseBoard("fuzz.toml", text);
  if (!board.ok()) {
    if (board.error().message.find("fuzz.toml") == std::string::npos) std::abort();
    return 0;
  }
  if (board->name.empty()) std::abort();
  return 0;
}
