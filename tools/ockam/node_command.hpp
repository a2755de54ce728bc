#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "commands/command_line.hpp"
#include "multiaddr_argument.hpp"
#include "node_control.hpp"
#include "ockam/cli/cbor_map.hpp"

namespace ockam::command {

/// NodeWork is a command's requests to one node.
using NodeWork = std::function<Task<void>(Node, NodeControl&)>;

/// run_on_node connects to node `name` (the default node when empty) as identity `as` (the
/// default identity when empty), runs `work` and closes the connection.
void run_on_node(const std::string& name, const std::string& as, NodeWork work);

/// add_node_verb adds `<group> <verb>` (with `--identity`) whose action runs `work` on the node
/// `args->node` names, after taking the output settings and, for arguments with a `to`, a piped
/// `-`. Args needs `node`, `identity` and `output` members. With `node_option` (`--at`), that
/// option names the node.
template <class Args>
CLI::App* add_node_verb(CLI::App& group, CommandLine& line, const char* verb, const char* about,
                        Task<void> (*work)(Node, NodeControl&, std::shared_ptr<Args>),
                        std::shared_ptr<Args> args, const char* node_option = nullptr) {
  CLI::App* cmd = group.add_subcommand(verb, about);
  cmd->add_option("--identity", args->identity, "Act as this identity");
  if (node_option) {
    cmd->add_option(node_option, args->node, "The node (default: the default node)");
  }
  cmd->callback([&line, work, args] {
    line.action = [&line, work, args] {
      args->output = line.output;
      if constexpr (requires { args->to; }) {
        args->to = with_piped_value(args->to);
      }
      run_on_node(args->node, args->identity, [work, args](Node node, NodeControl& control) {
        return work(node, control, args);
      });
    };
  });
  return cmd;
}

/// answer_list splits a 200 answer holding a CBOR array of maps; CommandError 70 when it does
/// not decode. The maps view `body`, which must outlive them.
std::vector<cli::CborMap> answer_list(ByteView body, const std::string& what);
/// answer_map decodes a 200 answer holding one map; CommandError 70 when it does not decode.
/// The map views `body`, which must outlive it.
cli::CborMap answer_map(ByteView body, const std::string& what);

}  // namespace ockam::command
