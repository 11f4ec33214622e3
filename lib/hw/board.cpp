#include "hw/board.h"

namespace hw {

std::string_view MemoryKindName(MemoryKind kind) {
  switch (kind) {
    case MemoryKind::kSdram: return "sdram";
    case MemoryKind::kSram: return "sram";
    case MemoryKind::kQspi: return "qspi";
    case MemoryKind::kSdcard: return "sdcard";
  }
  return "?";
}

bool IsRam(MemoryKind kind) { return kind == MemoryKind::kSdram || kind == MemoryKind::kSram; }

const ExternalMemory* Board::ExternalRam() const {
  for (const ExternalMemory& m : external) {
    if (IsRam(m.kind)) return &m;
  }
  return nullptr;
}

const ExternalMemory* Board::ExternalStorage() const {
  for (const ExternalMemory& m : external) {
    if (!IsRam(m.kind)) return &m;
  }
  return nullptr;
}

}  // namespace hw
