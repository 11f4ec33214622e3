#include <fmt/format.h>

#include "hw/regions_read.h"

namespace hw {
namespace {

using tomlspec::Field;

struct MemorySpec {
  int64_t sram_total_bytes = 0;
};

struct RegionSpec {
  std::string name, kind;
  int64_t start = -1, size_bytes = 0;
  bool dma = true;
};

const std::vector<Field<RegionSpec>>& RegionFields() {
  static const std::vector<Field<RegionSpec>> fields = {
      {"name", &RegionSpec::name, true, 0, -1, {}, "", "unique name, e.g. dtcm"},
      {"kind", &RegionSpec::kind, true, 0, -1, {"dtcm", "itcm", "sram"}, "", "memory type"},
      {"start", &RegionSpec::start, true, 0, 4294967295.0, {}, "", "start address"},
      {"size_bytes", &RegionSpec::size_bytes, true, 1, 1LL << 32, {}, "B", "capacity"},
      {"dma", &RegionSpec::dma, false, 0, -1, {}, "", "reachable by DMA1/2"},
  };
  return fields;
}

struct Placed {
  MemoryRegion region;
  int line = 0;
};

void CheckRegion(const RegionSpec& spec, int line, int64_t total, const std::vector<Placed>& seen,
                 tomlspec::Context& ctx) {
  if (total > 0 && spec.size_bytes > total) {
    ctx.Error(line, 1, fmt::format("region '{}' ({} B) is larger than the part's internal RAM "
                                   "(sram_total_bytes = {} B)", spec.name, spec.size_bytes, total));
  }
  if (spec.start + spec.size_bytes > (int64_t{1} << 32)) {
    ctx.Error(line, 1, fmt::format("region '{}' ends past the 32-bit address space", spec.name));
  }
  for (const Placed& other : seen) {
    if (other.region.name == spec.name) {
      ctx.Error(line, 1, fmt::format("region '{}' is listed twice (first at line {})", spec.name,
                                     other.line));
    }
    if (spec.start < other.region.end() && other.region.start < spec.start + spec.size_bytes) {
      ctx.Error(line, 1, fmt::format(
          "region '{}' [{:#010x}, {:#010x}) overlaps region '{}' [{:#010x}, {:#010x}) of line {}",
          spec.name, spec.start, spec.start + spec.size_bytes, other.region.name,
          other.region.start, other.region.end(), other.line));
    }
  }
}

}  // namespace

void ReadRegions(const toml::table& root, tomlspec::Context& ctx,
                 std::vector<MemoryRegion>* regions) {
  const toml::node* node = root.get("memory");
  if (node == nullptr) return;
  const toml::table* memory = node->as_table();
  if (memory == nullptr) {
    ctx.Error(node->source(), "'memory' must be a table [memory] with [[memory.region]] entries");
    return;
  }
  toml::table fields = *memory;  // ReadFields reports unknown keys: the regions are read below
  fields.erase("region");
  MemorySpec spec;
  tomlspec::ReadFields(fields,
                       std::vector<Field<MemorySpec>>{{"sram_total_bytes",
                                                       &MemorySpec::sram_total_bytes, true, 1024,
                                                       1LL << 32, {}, "B",
                                                       "every internal RAM of the part"}},
                       &spec, ctx, "[memory]");
  std::vector<Placed> seen;
  int64_t sum = 0;
  int last_line = 1;
  tomlspec::ReadTableArray(*memory, "region", RegionFields(), RegionSpec{}, ctx,
                           "[[memory.region]]",
                           "'memory.region' must be an array of tables: [[memory.region]]",
                           "each [[memory.region]] entry must be a table",
                           [&](const RegionSpec& r, int line) {
    if (r.start < 0 || r.size_bytes <= 0) return;  // reported by the field table
    CheckRegion(r, line, spec.sram_total_bytes, seen, ctx);
    seen.push_back({{r.name, r.kind, r.start, r.size_bytes, r.dma}, line});
    sum += r.size_bytes;
    last_line = line;
  });
  if (spec.sram_total_bytes > 0 && sum > spec.sram_total_bytes) {
    ctx.Error(last_line, 1, fmt::format("the regions add up to {} B, more than the part's "
                                        "sram_total_bytes = {} B", sum, spec.sram_total_bytes));
  }
  for (Placed& p : seen) regions->push_back(std::move(p.region));
}

}  // namespace hw
