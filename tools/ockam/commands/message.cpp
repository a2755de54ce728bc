// `ockam message send MESSAGE --to MULTIADDR [--from NODE]`.
#include <memory>

#include "command_line.hpp"
#include "exit_code.hpp"
#include "multiaddr_argument.hpp"
#include "node_control.hpp"
#include "ockam/cli/connection.hpp"
#include "ockam/core/cbor_reader.hpp"
#include "request_bodies.hpp"
#include "session.hpp"

namespace ockam::command {
namespace {

struct MessageArgs {
  std::string message;
  std::string to;
  std::string from;
  std::string identity;
  double timeout_seconds = 10;
  Output output;
};

// With --from, how much longer than the message's own timeout this process waits for the
// node's answer (the node connects and answers on top of it).
constexpr std::chrono::seconds kNodeAnswerMargin{5};

std::chrono::milliseconds timeout_of(const MessageArgs& args) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(args.timeout_seconds * 1000));
}

// Without --from: from this process, as the command's identity (Ockam: an in-memory node).
Task<std::string> send_here(Node node, const MessageArgs& args, cli::MultiAddr to) {
  identity::Identity identity = co_await command_identity(node, args.identity);
  auto tcp = co_await node.create_tcp_transport();
  if (!tcp) {
    fail_with("starting the TCP transport", tcp.error());
  }
  cli::ConnectOptions options{identity, {}};
  auto connection = co_await cli::connect(node, *tcp, to, std::move(options));
  if (!connection) {
    fail_with("reaching " + args.to, connection.error());
  }
  Bytes message(args.message.begin(), args.message.end());
  auto reply = co_await node.send_and_receive<Bytes>(connection->route, std::move(message),
                                                     timeout_of(args));
  (void)co_await cli::close_connection(node, *tcp, std::move(*connection));
  if (!reply) {
    fail_with("sending to " + args.to, reply.error());
  }
  co_return std::string(reply->begin(), reply->end());
}

// With --from: the node sends it (`POST v0/message`).
Task<std::string> send_from(Node node, const MessageArgs& args, cli::MultiAddr to) {
  NodeControl control =
      co_await NodeControl::open(node, node_name_argument(args.from), args.identity);
  ByteView message(reinterpret_cast<const std::uint8_t*>(args.message.data()), args.message.size());
  Bytes body =
      co_await control.call(cli::Method::kPost, "v0/message",
                            message_request(to.to_string(), message,
                                            static_cast<std::uint64_t>(timeout_of(args).count())),
                            "sending to " + args.to, timeout_of(args) + kNodeAnswerMargin);
  co_await control.close();
  CborReader reader(body);
  ByteView reply;
  if (!reader.read_bytes(reply)) {
    throw CommandError(kExitSoftware, "sending to " + args.to, "the node's answer does not decode");
  }
  co_return std::string(reply.begin(), reply.end());
}

Task<Result<void>> send_message(Node node, MessageArgs args) {
  cli::MultiAddr to = resolve_nodes(node, parse_multiaddr("--to", args.to));
  std::string reply;
  if (args.from.empty()) {
    reply = co_await send_here(node, args, to);
  } else {
    reply = co_await send_from(node, args, to);
  }
  args.output.result(reply, reply, "");
  co_return ok();
}

}  // namespace

void add_message_commands(CLI::App& app, CommandLine& line) {
  CLI::App* group = app.add_subcommand("message", "Send messages");
  group->require_subcommand(1);
  auto args = std::make_shared<MessageArgs>();
  CLI::App* send = group->add_subcommand("send", "Send a message and print the reply");
  send->add_option("message", args->message, "The message")->required();
  send->add_option("--to", args->to, "Where to: a multiaddr (- reads it from stdin)")->required();
  send->add_option("--from", args->from, "The node that sends it (default: this process)");
  send->add_option("--identity", args->identity, "Act as this identity");
  send->add_option("--timeout", args->timeout_seconds, "Seconds to wait for the reply (10)")
      ->check(CLI::Range(0.001, 120.0));
  send->callback([&line, args] {
    line.action = [&line, args] {
      args->output = line.output;
      args->to = with_piped_value(args->to);
      run_command(Home::from_environment(),
                  [args](Node node) { return send_message(node, *args); });
    };
  });
}

}  // namespace ockam::command
