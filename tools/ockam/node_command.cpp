#include "node_command.hpp"

#include "exit_code.hpp"
#include "multiaddr_argument.hpp"
#include "session.hpp"

namespace ockam::command {
namespace {

Task<Result<void>> on_node(Node node, std::string name, std::string as, NodeWork work) {
  NodeControl control = co_await NodeControl::open(node, node_name_argument(name), as);
  co_await work(node, control);
  co_await control.close();
  co_return ok();
}

}  // namespace

void run_on_node(const std::string& name, const std::string& as, NodeWork work) {
  run_command(Home::from_environment(),
              [name, as, work](Node node) { return on_node(node, name, as, work); });
}

cli::CborMap answer_map(ByteView body, const std::string& what) {
  auto map = cli::CborMap::parse(body);
  if (!map) {
    throw CommandError(kExitSoftware, what, "the node's answer does not decode");
  }
  return *map;
}

std::vector<cli::CborMap> answer_list(ByteView body, const std::string& what) {
  auto items = cli::parse_cbor_list(body);
  if (!items) {
    throw CommandError(kExitSoftware, what, "the node's answer does not decode");
  }
  std::vector<cli::CborMap> out;
  for (ByteView item : *items) {
    out.push_back(answer_map(item, what));
  }
  return out;
}

}  // namespace ockam::command
