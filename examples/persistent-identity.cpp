// examples/persistent-identity: an identity that survives restarts. The node keeps its state
// in the folder given (database.sqlite3 and vault.key, or PostgreSQL when
// OCKAM_DATABASE_CONNECTION_URL is set); each run prints the same identifier.
//   --home DIR      the node's folder (required)
//   --name NAME     the identity's name (default "default")
#include <cstdio>
#include <string>

#include "ockam/ockam.hpp"
#include "support/arguments.hpp"

int main(int argc, char** argv) {
  std::string home = ockam::examples::flag_value(argc, argv, "--home", "");
  std::string name = ockam::examples::flag_value(argc, argv, "--name", "default");
  if (home.empty()) {
    std::fprintf(stderr, "usage: %s --home DIR [--name NAME]\n", argv[0]);
    return 2;
  }
  return ockam::run_node(
      ockam::NodeOptions::in_home(home), [name](ockam::Node node) -> ockam::NodeMain {
        auto identity = co_await node.get_or_create_identity(name);
        if (!identity) {
          co_return identity.error();
        }
        std::printf("Identifier: %s\n", identity->identifier().to_string().c_str());
        co_return co_await node.stop();
      });
}
