// Reading a board profile: one field table per section, then cross-field checks.

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "hw/board.h"
#include "hw/regions_read.h"
#include "tomlspec/tomlspec.h"
#include "util/file.h"

namespace hw {
namespace {

using tomlspec::Field;

struct TopSpec {
  std::string name, title, source;
};

const std::vector<Field<TopSpec>>& TopFields() {
  static const std::vector<Field<TopSpec>> fields = {
      {"name", &TopSpec::name, true, 0, -1, {}, "", "short board name used with --board"},
      {"title", &TopSpec::title, true, 0, -1, {}, "", "board and chip"},
      {"source", &TopSpec::source, false, 0, -1, {}, "", "where the profile's facts come from"},
  };
  return fields;
}

const std::vector<std::string> kSections = {"core", "sram", "flash", "external", "dma",
                                            "memory"};

// Tables older profiles carried that are not about the board: each is an error saying where its
// data lives now.
struct MovedSection {
  const char* key;
  const char* message;
};
constexpr MovedSection kMovedSections[] = {
    {"tinyops", "[tinyops] is no longer part of a board profile: the default TinyOps SRAM budget "
                "is a deployment default, a row (board, sram_budget_bytes, source) of "
                "data/tinyops/budgets.csv"},
    {"power", "[power] is no longer part of a board profile: measured power is data keyed by "
              "(board, runtime, mode), rows of data/power/measured.csv with an empty design"},
    {"design_power", "[[design_power]] is no longer part of a board profile: a design's measured "
                     "power is a row (board, runtime, mode, design) of data/power/measured.csv"},
};

// Plausible ranges beyond the field tables' type bounds (issue "profiles checked").
constexpr int64_t kMinClockHz = 1'000'000;
constexpr int64_t kMaxClockHz = 2'000'000'000;
constexpr int64_t kMaxCacheBytes = 64 * 1024;  // the largest L1 cache any Cortex-M allows
constexpr int64_t kMinMemoryBytes = 1024;
constexpr int64_t kMaxSramBytes = 64LL << 20;
constexpr int64_t kMaxFlashBytes = 64LL << 20;
constexpr int64_t kMaxExternalRamBytes = 1LL << 30;  // the largest FMC/OSPI RAM window of a Cortex-M

struct CoreSpec {
  std::string arch;
  int64_t clock_hz = 0, icache_bytes = 0, dcache_bytes = 0;
  int flash_wait_states = 0;
};

const std::vector<Field<CoreSpec>>& CoreFields() {
  static const std::vector<Field<CoreSpec>> fields = {
      {"arch", &CoreSpec::arch, true, 0, -1, {}, "", "CPU core, e.g. cortex-m4"},
      {"clock_hz", &CoreSpec::clock_hz, true, 1, 4e9, {}, "Hz", "core clock"},
      {"icache_bytes", &CoreSpec::icache_bytes, false, 0, 1 << 24, {}, "B", "instruction cache"},
      {"dcache_bytes", &CoreSpec::dcache_bytes, false, 0, 1 << 24, {}, "B", "data cache (0 = none)"},
      {"flash_wait_states", &CoreSpec::flash_wait_states, false, 0, 31, {}, "cycles",
       "internal flash wait states at this clock"},
  };
  return fields;
}

const std::vector<Field<InternalMemory>>& InternalFields() {
  static const std::vector<Field<InternalMemory>> fields = {
      {"size_bytes", &InternalMemory::size_bytes, true, 1, 1LL << 40, {}, "B", "capacity"},
      {"reserved_bytes", &InternalMemory::reserved_bytes, false, 0, 1LL << 40, {}, "B",
       "taken by runtime code (flash) or framework state and stack (SRAM)"},
  };
  return fields;
}

struct ExternalSpec {
  std::string name, kind, part;
  int64_t size_bytes = 0, clock_hz = 0;
  int bus_width_bits = 0, cas_latency_cycles = 0;
};

const std::vector<Field<ExternalSpec>>& ExternalFields() {
  static const std::vector<Field<ExternalSpec>> fields = {
      {"name", &ExternalSpec::name, true, 0, -1, {}, "", "unique name, e.g. sdram"},
      {"kind", &ExternalSpec::kind, true, 0, -1, {"sdram", "sram", "qspi", "sdcard"}, "",
       "memory type"},
      {"size_bytes", &ExternalSpec::size_bytes, true, 1, 1LL << 40, {}, "B", "usable capacity"},
      {"bus_width_bits", &ExternalSpec::bus_width_bits, true, 1, 64, {}, "bit", "data lines"},
      {"clock_hz", &ExternalSpec::clock_hz, false, 0, 4e9, {}, "Hz", "interface clock"},
      {"cas_latency_cycles", &ExternalSpec::cas_latency_cycles, false, 0, 8, {}, "cycles",
       "SDRAM CAS latency"},
      {"part", &ExternalSpec::part, false, 0, -1, {}, "", "device part number"},
  };
  return fields;
}

const std::vector<Field<Dma>>& DmaFields() {
  static const std::vector<Field<Dma>> fields = {
      {"controller", &Dma::controller, true, 0, -1, {}, "", "DMA controller TinyOps uses"},
      {"streams_used", &Dma::streams_used, false, 1, 16, {}, "", "streams TinyOps drives"},
      {"memory_to_memory", &Dma::memory_to_memory, false, 0, -1, {}, "",
       "can copy external RAM to SRAM"},
  };
  return fields;
}

MemoryKind ToKind(const std::string& kind) {
  if (kind == "sram") return MemoryKind::kSram;
  if (kind == "qspi") return MemoryKind::kQspi;
  if (kind == "sdcard") return MemoryKind::kSdcard;
  return MemoryKind::kSdram;
}

// Reads the table `[key]`, or reports it missing when `required`. Returns the table or nullptr.
const toml::table* Section(const toml::table& root, const std::string& key, bool required,
                           const std::string& doc, tomlspec::Context& ctx) {
  const toml::node* node = root.get(key);
  if (node == nullptr) {
    if (required) ctx.Error(1, 1, fmt::format("missing section [{}] ({})", key, doc));
    return nullptr;
  }
  if (const toml::table* t = node->as_table()) return t;
  ctx.Error(node->source(), fmt::format("'{}' must be a table [{}]", key, key));
  return nullptr;
}

void ReadExternal(const toml::table& root, tomlspec::Context& ctx, Board* board) {
  tomlspec::ReadTableArray(root, "external", ExternalFields(), ExternalSpec{}, ctx, "[[external]]",
                           "'external' must be an array of tables: [[external]]",
                           "each [[external]] entry must be a table",
                           [&](const ExternalSpec& spec, int line) {
    if (spec.kind == "sdram" && (spec.clock_hz == 0 || spec.cas_latency_cycles == 0)) {
      ctx.Error(line, 1, fmt::format("external memory '{}' is an sdram: it needs 'clock_hz' and "
                                     "'cas_latency_cycles' greater than 0", spec.name));
    }
    for (const ExternalMemory& other : board->external) {
      if (other.name == spec.name) {
        ctx.Error(line, 1, fmt::format("external memory '{}' is listed twice", spec.name));
      }
    }
    board->external.push_back({spec.name, ToKind(spec.kind), spec.size_bytes, spec.bus_width_bits,
                               spec.clock_hz, spec.cas_latency_cycles, spec.part});
  });
}

// The top level: reports unknown keys (the section names are known) and missing required
// keys, and sets the board's name and title.
void ReadTop(const toml::table& root, tomlspec::Context& ctx, Board* board) {
  std::vector<std::string> top_keys = tomlspec::Keys(TopFields());
  top_keys.insert(top_keys.end(), kSections.begin(), kSections.end());
  for (const MovedSection& moved : kMovedSections) {
    if (const toml::node* node = root.get(moved.key)) {
      const toml::array* entries = node->as_array();
      ctx.Error(entries && !entries->empty() ? (*entries)[0].source() : node->source(),
                moved.message);
      top_keys.push_back(moved.key);  // reported above, not again as unknown
    }
  }
  tomlspec::CheckKnownKeys(root, top_keys, ctx, "the board profile");
  TopSpec top;
  tomlspec::ReadTopLevelFields(root, TopFields(), &top, ctx);
  board->name = top.name;
  board->title = top.title;
}

// Reads the table `[key]` of `root` into `spec` through `fields`; see Section for `required`
// and `doc`. Leaves `spec` as it is when the section is absent or not a table.
template <typename Spec>
void ReadSection(const toml::table& root, const std::string& key, bool required,
                 const std::string& doc, const std::vector<Field<Spec>>& fields, Spec* spec,
                 tomlspec::Context& ctx) {
  if (const toml::table* t = Section(root, key, required, doc, ctx)) {
    tomlspec::ReadFields(*t, fields, spec, ctx, fmt::format("[{}]", key));
  }
}

// Every section, in the order of the profile format: [core], [sram], [flash], [[external]],
// [dma]. Problems go to ctx in that order; a section that is absent or
// wrong leaves its Board fields at their defaults.
void ReadSections(const toml::table& root, tomlspec::Context& ctx, Board* board) {
  CoreSpec core;
  ReadSection(root, "core", true, "arch, clock_hz, caches", CoreFields(), &core, ctx);
  board->core = core.arch;
  board->clock_hz = core.clock_hz;
  board->icache_bytes = core.icache_bytes;
  board->dcache_bytes = core.dcache_bytes;
  board->flash_wait_states = core.flash_wait_states;
  ReadSection(root, "sram", true, "internal SRAM: size_bytes, reserved_bytes", InternalFields(),
              &board->sram, ctx);
  ReadSection(root, "flash", true, "internal flash: size_bytes, reserved_bytes", InternalFields(),
              &board->flash, ctx);
  ReadExternal(root, ctx, board);
  ReadSection(root, "dma", false, "", DmaFields(), &board->dma, ctx);
  ReadRegions(root, ctx, &board->regions);  // [memory]: hw/regions.h
}

// An integer the field tables accepted (type and bounds), else nullopt: a value they rejected
// is reported once, by them.
std::optional<int64_t> AcceptedInteger(const toml::node* node, int64_t min, int64_t max) {
  if (node == nullptr || !node->is_integer()) return std::nullopt;
  const int64_t value = *node->value<int64_t>();
  if (value < min || value > max) return std::nullopt;
  return value;
}

// [core]: `arch` must name a known core; the clock and caches must be plausible.
void CheckCore(const toml::table& root, tomlspec::Context& ctx, Board* board) {
  if (const toml::node* arch = root.at_path("core.arch").node(); arch && arch->is_string()) {
    board->core_type = FindCore(board->core);
    if (board->core_type == nullptr) ctx.Error(arch->source(), UnknownCoreMessage(board->core));
  }
  const toml::node* clock = root.at_path("core.clock_hz").node();
  if (const auto hz = AcceptedInteger(clock, 1, 4'000'000'000);
      hz && (*hz < kMinClockHz || *hz > kMaxClockHz)) {
    ctx.Error(clock->source(),
              fmt::format("'clock_hz' = {} Hz is implausible: a core clock is between 1 MHz and "
                          "2 GHz{}", *hz, *hz < 10'000 ? fmt::format(" (did you mean {}_000_000?)",
                                                                     *hz) : ""));
  }
  for (const char* key : {"icache_bytes", "dcache_bytes"}) {
    const toml::node* cache = root.at_path(std::string("core.") + key).node();
    if (const auto bytes = AcceptedInteger(cache, 0, 1 << 24); bytes && *bytes > kMaxCacheBytes) {
      ctx.Error(cache->source(), fmt::format("'{}' = {} is more than 64 KiB, the largest L1 cache "
                                             "of any Cortex-M core", key, *bytes));
    }
  }
}

// A memory size outside [min_bytes, max_bytes]; one below 1 KiB was probably meant in KiB.
void CheckSize(const toml::node* node, const std::string& what, int64_t min_bytes,
               int64_t max_bytes, tomlspec::Context& ctx) {
  const auto bytes = AcceptedInteger(node, 1, 1LL << 40);
  if (!bytes || (*bytes >= min_bytes && *bytes <= max_bytes)) return;
  ctx.Error(node->source(),
            fmt::format("'size_bytes' = {} is implausible for {} ({} to {} B){}", *bytes, what,
                        min_bytes, max_bytes,
                        *bytes < 1024 ? fmt::format(" (sizes are in bytes: did you mean {} = {} "
                                                    "KiB?)", *bytes * 1024, *bytes)
                                      : ""));
}

void CheckMemorySizes(const toml::table& root, tomlspec::Context& ctx) {
  CheckSize(root.at_path("sram.size_bytes").node(), "internal SRAM", kMinMemoryBytes,
            kMaxSramBytes, ctx);
  CheckSize(root.at_path("flash.size_bytes").node(), "internal flash", kMinMemoryBytes,
            kMaxFlashBytes, ctx);
  const toml::array* external = root["external"].as_array();
  if (external == nullptr) return;
  for (const toml::node& entry : *external) {
    const toml::table* t = entry.as_table();
    const toml::node* kind = t ? t->get("kind") : nullptr;
    const auto kind_name = kind ? kind->value<std::string>() : std::nullopt;
    if (kind_name && (*kind_name == "sdram" || *kind_name == "sram")) {
      CheckSize(t->get("size_bytes"), "an external " + *kind_name, kMinMemoryBytes,
                kMaxExternalRamBytes, ctx);
    }
  }
}

// Cross-field checks that a field table cannot express.
void CheckBoard(const toml::table& root, tomlspec::Context& ctx, const Board& board) {
  auto line_of = [&](const char* section, const char* key) {
    const toml::node* n = root.at_path(std::string(section) + "." + key).node();
    return n ? tomlspec::LineOf(*n) : 1;
  };
  for (const auto& [section, memory] :
       {std::pair{"sram", &board.sram}, std::pair{"flash", &board.flash}}) {
    if (memory->reserved_bytes >= memory->size_bytes) {
      ctx.Error(line_of(section, "reserved_bytes"), 1,
                fmt::format("[{}] reserved_bytes = {} leaves nothing of size_bytes = {}", section,
                            memory->reserved_bytes, memory->size_bytes));
    }
  }
}

}  // namespace

util::Result<Board> ParseBoard(const std::string& file, std::string_view text) {
  auto parsed = tomlspec::Parse(file, text);
  if (!parsed) return parsed.error();
  const toml::table& root = parsed.value();
  tomlspec::Context ctx(file, text);
  Board board;
  board.file = file;
  ReadTop(root, ctx, &board);
  ReadSections(root, ctx, &board);
  CheckCore(root, ctx, &board);
  CheckMemorySizes(root, ctx);
  if (ctx.ok()) CheckBoard(root, ctx, board);
  if (!ctx.ok()) return ctx.ToError();
  return board;
}

util::Result<Board> LoadBoard(const std::string& path) {
  auto text = util::ReadFile(path, "board profile");
  if (!text) return text.error();
  return ParseBoard(path, *text);
}

}  // namespace hw
