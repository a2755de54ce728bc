#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "output.hpp"

namespace ockam::command {

/// CommandLine is what the command groups share: the output settings (filled in by the global
/// options) and the action the chosen subcommand sets, run after parsing.
struct CommandLine {
  Output output;
  std::function<void()> action;
};

/// add_yes_flag accepts Ockam's `-y,--yes` on a deleting command: ockam never asks, so it
/// changes nothing, but scripts written for Ockam pass it.
inline void add_yes_flag(CLI::App& command) {
  command.add_flag("-y,--yes")->description("Do not ask (ockam never asks)");
}

// Each group adds its subcommands to `app`; their callbacks set `line.action`.
void add_identity_commands(CLI::App& app, CommandLine& line);
void add_node_commands(CLI::App& app, CommandLine& line);
void add_message_commands(CLI::App& app, CommandLine& line);
void add_status_commands(CLI::App& app, CommandLine& line);
void add_secure_channel_commands(CLI::App& app, CommandLine& line);
void add_relay_commands(CLI::App& app, CommandLine& line);
void add_tcp_outlet_commands(CLI::App& app, CommandLine& line);
void add_tcp_inlet_commands(CLI::App& app, CommandLine& line);

}  // namespace ockam::command
