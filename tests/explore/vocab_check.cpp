// vocab_check FILE... — for the CLI vocabulary test (tests/cli/vocabulary.sh): each FILE is one
// `dse ... --json` document. Prints "FILE: no envelope key 'K'" for each of schema_version,
// tool_version and git_revision it lacks (and run_id when FILE is given as run:FILE), and
// "FILE: unknown key 'path.k'" for each key outside the vocabulary (explore::UnknownKeys).
// Exits 1 when it printed anything, 2 on an unreadable or non-JSON file.

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "explore/vocabulary.h"

int main(int argc, char** argv) {
  int problems = 0;
  for (int i = 1; i < argc; ++i) {
    std::string file = argv[i];
    const bool from_run = file.rfind("run:", 0) == 0;
    if (from_run) file = file.substr(4);
    std::ifstream in(file);
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (!in.good() && !in.eof()) {
      std::cout << file << ": cannot read\n";
      return 2;
    }
    if (doc.is_discarded() || !doc.is_object()) {
      std::cout << file << ": not a JSON object\n";
      return 2;
    }
    std::vector<std::string> wanted = {"schema_version", "tool_version", "git_revision"};
    if (from_run) wanted.push_back("run_id");
    for (const std::string& key : wanted) {
      if (!doc.contains(key)) {
        std::cout << file << ": no envelope key '" << key << "'\n";
        ++problems;
      }
    }
    for (const std::string& key : explore::UnknownKeys(doc)) {
      std::cout << file << ": unknown key '" << key << "'\n";
      ++problems;
    }
  }
  return problems == 0 ? 0 : 1;
}
