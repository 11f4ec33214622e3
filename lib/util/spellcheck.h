#pragma once
// "Did you mean 'x'?" for unknown keys, names and values.

#include <string>
#include <string_view>
#include <vector>

namespace util {

// Levenshtein distance between a and b (case-sensitive).
int EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` by edit distance, or "" when none is within
// max(2, word.size() / 3) edits. Ties go to the earlier candidate.
std::string NearestMatch(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" when a near match exists, "" otherwise; for appending to messages.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace util
