// search::Space — numbering the points of a search space (problem.h).

#include <mutex>
#include <unordered_map>

#include "search/problem.h"

namespace search {

// The gated spaces' numbering: every canonical genome met so far, by id.
struct Space::Registry {
  std::mutex mutex;
  std::vector<Genome> genomes;
  std::unordered_map<std::string, int64_t> ids;  // genome bytes -> id
};

namespace {
std::string Key(const Genome& g) {
  std::string key;
  key.reserve(g.size());
  for (int64_t v : g) key.push_back(static_cast<char>(v));  // choice counts are < 128
  return key;
}
}  // namespace

Space::Space(std::vector<Dimension> dimensions, int shard_index, int shard_count)
    : dimensions_(std::move(dimensions)), shard_index_(shard_index), shard_count_(shard_count) {
  bool gated = false;
  for (const Dimension& d : dimensions_) gated = gated || d.gate >= 0;
  if (gated) {
    registry_ = std::make_shared<Registry>();
    size_ = kMaxGatedSize;
    return;
  }
  for (const Dimension& d : dimensions_) size_ *= d.choices;
}

bool Space::Counts(const Genome& g, size_t dimension) const {
  const Dimension& d = dimensions_[dimension];
  return d.gate < 0 || d.active_when[static_cast<size_t>(g[static_cast<size_t>(d.gate)])];
}

Genome Space::Canonical(Genome g) const {
  for (size_t i = 0; i < g.size(); ++i) {
    if (!Counts(g, i)) g[i] = 0;
  }
  return g;
}

int64_t Space::Id(const Genome& genome) const {
  if (!registry_) {
    int64_t id = 0;
    for (size_t i = 0; i < dimensions_.size(); ++i) id = id * dimensions_[i].choices + genome[i];
    return id;
  }
  Genome g = Canonical(genome);
  std::lock_guard lock(registry_->mutex);
  const auto [it, added] = registry_->ids.try_emplace(Key(g), static_cast<int64_t>(registry_->genomes.size()));
  if (added) registry_->genomes.push_back(std::move(g));
  return it->second;
}

Genome Space::At(int64_t id) const {
  if (registry_) {
    std::lock_guard lock(registry_->mutex);
    return registry_->genomes.at(static_cast<size_t>(id));
  }
  Genome g(dimensions_.size());
  for (size_t i = dimensions_.size(); i-- > 0;) {
    g[i] = id % dimensions_[i].choices;
    id /= dimensions_[i].choices;
  }
  return g;
}

bool Space::GenomeInShard(const Genome& g) const {
  if (shard_count_ == 1) return true;
  uint64_t hash = 1469598103934665603ull;  // FNV-1a over the choice indices
  for (int64_t v : g) hash = (hash ^ static_cast<uint64_t>(v)) * 1099511628211ull;
  return static_cast<int>(hash % static_cast<uint64_t>(shard_count_)) == shard_index_ - 1;
}

bool Space::InShard(int64_t id) const {
  if (registry_) return GenomeInShard(At(id));
  return id % shard_count_ == shard_index_ - 1;
}

int64_t Space::shard_size() const {
  return (size_ - (shard_index_ - 1) + shard_count_ - 1) / shard_count_;
}

// The next canonical genome in mixed-radix order over the dimensions that count (the first
// genome after the last). Carrying into a gate resets the lower dimensions, so the order is
// strictly increasing and never cycles short of the wrap.
Genome Space::Increment(Genome g) const {
  for (size_t i = g.size(); i-- > 0;) {
    if (!Counts(g, i)) continue;
    if (++g[i] < dimensions_[i].choices) return Canonical(std::move(g));
    g[i] = 0;
  }
  return Canonical(std::move(g));
}

int64_t Space::Repair(int64_t id) const {
  if (registry_) {
    Genome g = At(id);
    // A genome lands in a shard with probability 1/N: 64 N steps miss it with odds e^-64.
    for (int64_t step = 0; step < 64 * shard_count_ && !GenomeInShard(g); ++step) g = Increment(std::move(g));
    return Id(g);
  }
  const int64_t step = ((shard_index_ - 1) - id % shard_count_ + shard_count_) % shard_count_;
  const int64_t repaired = id + step;
  return repaired < size_ ? repaired : shard_index_ - 1;
}

int64_t Space::Successor(int64_t id) const {
  if (registry_) return Repair(Id(Increment(At(id))));
  return Repair(id + 1 < size_ ? id + 1 : 0);
}

int64_t Space::Random(std::mt19937_64& rng) const {
  if (!registry_) return std::uniform_int_distribution<int64_t>(0, size_ - 1)(rng);
  Genome g(dimensions_.size());
  for (size_t i = 0; i < g.size(); ++i) g[i] = std::uniform_int_distribution<int64_t>(0, dimensions_[i].choices - 1)(rng);
  return Id(g);
}

}  // namespace search
