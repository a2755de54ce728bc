#include "internal/tls_peer.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <utility>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "internal/message_sizes.hpp"
#include "ockam/transport/tcp/constants.hpp"

namespace ockam::bench {
namespace {

/// Records are gathered into writes of up to this many bytes until `flush`.
constexpr int kWriteBufferSize = 64 * 1024;
/// How long self-signed certificates are valid (they live for one benchmark run).
constexpr long kCertificateLifetimeSeconds = 24 * 3600;

Error tls_error(const char* message) {
  return Error(Origin::kApplication, Kind::kIo, message);
}

Error openssl_error(const char* message) {
  return Error(Origin::kApplication, Kind::kInternal, message);
}

/// The SHA-256 fingerprint of `certificate` in hex, or empty when OpenSSL fails.
std::string fingerprint_of(const X509* certificate) {
  std::array<std::uint8_t, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (X509_digest(certificate, EVP_sha256(), digest.data(), &length) != 1) {
    return {};
  }
  return to_hex(ByteView(digest).first(length));
}

/// Sets send and receive timeouts and TCP_NODELAY on a connected socket.
void configure_socket(int fd, std::chrono::milliseconds timeout) {
  timeval limit{};
  limit.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  limit.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof(limit));
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof(limit));
  const int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
}

}  // namespace

struct TlsContext::Pinned {
  std::string fingerprint;

  /// The certificate verification of both sides: the peer's certificate must be the pinned one.
  static int verify(X509_STORE_CTX* store, void* argument) {
    const auto* pinned = static_cast<const Pinned*>(argument);
    const X509* presented = X509_STORE_CTX_get0_cert(store);
    if (presented == nullptr || fingerprint_of(presented) != pinned->fingerprint) {
      X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REJECTED);
      return 0;
    }
    return 1;
  }
};

TlsContext::TlsContext() = default;
TlsContext::TlsContext(TlsContext&& other) noexcept = default;
TlsContext& TlsContext::operator=(TlsContext&& other) noexcept = default;
TlsContext::~TlsContext() = default;

Result<TlsIdentity> TlsIdentity::generate() {
  TlsIdentity identity;
  identity.key_.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  identity.certificate_.reset(X509_new());
  X509* certificate = identity.certificate_.get();
  if (!identity.key_ || certificate == nullptr || X509_set_version(certificate, 2) != 1 ||
      ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1) != 1 ||
      X509_gmtime_adj(X509_getm_notBefore(certificate), -kCertificateLifetimeSeconds) == nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(certificate), kCertificateLifetimeSeconds) == nullptr ||
      X509_set_pubkey(certificate, identity.key_.get()) != 1) {
    return openssl_error("cannot make a TLS certificate");
  }
  X509_NAME* name = X509_get_subject_name(certificate);
  const auto* common_name = reinterpret_cast<const unsigned char*>("ockam-bench");
  if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, common_name, -1, -1, 0) != 1 ||
      X509_set_issuer_name(certificate, name) != 1 ||
      X509_sign(certificate, identity.key_.get(), nullptr) == 0) {
    return openssl_error("cannot sign a TLS certificate");
  }
  identity.fingerprint_ = fingerprint_of(certificate);
  if (identity.fingerprint_.empty()) {
    return openssl_error("cannot hash a TLS certificate");
  }
  return identity;
}

Result<TlsContext> TlsContext::make(Side side, const TlsIdentity& self,
                                    std::string peer_fingerprint) {
  // A peer that closes first must not kill the process: socket BIOs write with write(2).
  std::signal(SIGPIPE, SIG_IGN);
  TlsContext tls;
  tls.pinned_ = std::make_unique<Pinned>(Pinned{std::move(peer_fingerprint)});
  tls.context_.reset(
      SSL_CTX_new(side == Side::kClient ? TLS_client_method() : TLS_server_method()));
  SSL_CTX* context = tls.context_.get();
  if (context == nullptr || SSL_CTX_set_min_proto_version(context, TLS1_3_VERSION) != 1 ||
      SSL_CTX_set_max_proto_version(context, TLS1_3_VERSION) != 1 ||
      SSL_CTX_set_ciphersuites(context, "TLS_AES_256_GCM_SHA384") != 1 ||
      SSL_CTX_set1_groups_list(context, "X25519") != 1 ||
      SSL_CTX_set_num_tickets(context, 0) != 1 ||
      SSL_CTX_use_certificate(context, self.certificate_.get()) != 1 ||
      SSL_CTX_use_PrivateKey(context, self.key_.get()) != 1) {
    return openssl_error("cannot configure TLS");
  }
  // Read as much as the socket has, not one record header and body at a time (two reads per
  // record): what a TLS user who cares about small messages does.
  SSL_CTX_set_read_ahead(context, 1);
  SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  SSL_CTX_set_cert_verify_callback(context, &Pinned::verify, tls.pinned_.get());
  return tls;
}

TlsConnection::TlsConnection(SSL* ssl, int fd)
    : ssl_(ssl), fd_(fd), parser_(kMaxMessageSize), buffer_(ockam::tcp::kReadBufferSize) {}

TlsConnection::TlsConnection(TlsConnection&& other) noexcept
    : ssl_(std::exchange(other.ssl_, nullptr)),
      fd_(std::exchange(other.fd_, -1)),
      parser_(std::move(other.parser_)),
      buffer_(std::move(other.buffer_)) {}

TlsConnection::~TlsConnection() {
  if (ssl_ != nullptr) {
    SSL_free(ssl_);
  }
  if (fd_ >= 0) {
    ::close(fd_);
  }
}

Result<TlsConnection> TlsConnection::start(const TlsContext& context, int fd, bool client) {
  SSL* ssl = SSL_new(context.get());
  if (ssl == nullptr) {
    ::close(fd);
    return openssl_error("cannot make a TLS connection");
  }
  TlsConnection connection(ssl, fd);
  BIO* reader = BIO_new_socket(fd, BIO_NOCLOSE);
  BIO* writer = BIO_new(BIO_f_buffer());
  BIO* socket_writer = BIO_new_socket(fd, BIO_NOCLOSE);
  if (reader == nullptr || writer == nullptr || socket_writer == nullptr ||
      BIO_set_write_buffer_size(writer, kWriteBufferSize) != 1) {
    BIO_free(reader);
    BIO_free(writer);
    BIO_free(socket_writer);
    return openssl_error("cannot make TLS buffers");
  }
  SSL_set_bio(ssl, reader, BIO_push(writer, socket_writer));
  const int done = client ? SSL_connect(ssl) : SSL_accept(ssl);
  if (done != 1) {
    return tls_error("the TLS handshake failed");
  }
  return connection;
}

Result<TlsConnection> TlsConnection::connect(const TlsContext& context, std::uint16_t port,
                                             std::chrono::milliseconds timeout) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return tls_error("cannot make a socket");
  }
  sockaddr_in peer{};
  peer.sin_family = AF_INET;
  peer.sin_port = htons(port);
  peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&peer), sizeof(peer)) != 0) {
    ::close(fd);
    return tls_error("cannot connect to the TLS peer");
  }
  configure_socket(fd, timeout);
  return start(context, fd, true);
}

Result<TlsConnection> TlsConnection::accept(const TlsContext& context, int fd,
                                            std::chrono::milliseconds timeout) {
  configure_socket(fd, timeout);
  return start(context, fd, false);
}

Result<void> TlsConnection::write(ByteView bytes) {
  if (SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size())) <= 0) {
    return tls_error("writing to the TLS peer failed");
  }
  return ok();
}

Result<void> TlsConnection::flush() {
  if (BIO_flush(SSL_get_wbio(ssl_)) != 1) {
    return tls_error("sending to the TLS peer failed");
  }
  return ok();
}

Result<std::size_t> TlsConnection::read_some(Bytes& buffer) {
  const int read = SSL_read(ssl_, buffer.data(), static_cast<int>(buffer.size()));
  if (read > 0) {
    return static_cast<std::size_t>(read);
  }
  if (SSL_get_error(ssl_, read) == SSL_ERROR_ZERO_RETURN) {
    return std::size_t{0};
  }
  return tls_error("reading from the TLS peer failed");
}

Result<void> TlsConnection::read_frame(Bytes& body) {
  std::size_t frames = 0;
  auto on_frame = [&](ByteView frame) {
    if (++frames == 1) {
      body.assign(frame.begin(), frame.end());
    }
  };
  while (frames == 0) {
    auto length = read_some(buffer_);
    if (!length) {
      return length.error();
    }
    if (*length == 0) {
      return tls_error("the TLS peer closed the connection");
    }
    if (auto parsed = parser_.feed(ByteView(buffer_).first(*length), on_frame); !parsed) {
      return parsed.error();
    }
  }
  if (frames > 1) {
    return Error(Origin::kApplication, Kind::kProtocol, "the peer sent more than one frame");
  }
  return ok();
}

bool TlsConnection::has_pending() const {
  return SSL_has_pending(ssl_) == 1;
}

void TlsConnection::close() {
  if (ssl_ != nullptr) {
    SSL_shutdown(ssl_);
    (void)flush();
    SSL_free(std::exchange(ssl_, nullptr));
  }
  if (fd_ >= 0) {
    ::close(std::exchange(fd_, -1));
  }
}

}  // namespace ockam::bench
