#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <openssl/ssl.h>

#include "internal/frame_parser.hpp"
#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam::bench {

/// TlsIdentity is a fresh Ed25519 key with a self-signed certificate: what each side of the
/// TLS baseline authenticates with. Peers pin each other's certificate by its fingerprint.
class TlsIdentity {
 public:
  /// generate makes the key and the certificate. kInternal when OpenSSL fails.
  static Result<TlsIdentity> generate();

  /// The SHA-256 of the certificate's DER encoding, in hex.
  const std::string& fingerprint() const noexcept { return fingerprint_; }

 private:
  friend class TlsContext;
  struct Free {
    void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
    void operator()(X509* certificate) const noexcept { X509_free(certificate); }
  };

  std::unique_ptr<EVP_PKEY, Free> key_;
  std::unique_ptr<X509, Free> certificate_;
  std::string fingerprint_;
};

/// TlsContext is the TLS configuration of one side of the baseline: TLS 1.3 only,
/// TLS_AES_256_GCM_SHA384, X25519, no session tickets, our certificate, and mutual
/// authentication by pinning: the handshake succeeds only when the peer's certificate has the
/// given fingerprint.
class TlsContext {
 public:
  enum class Side { kClient, kServer };

  /// make builds the configuration. kInternal when OpenSSL refuses a setting.
  static Result<TlsContext> make(Side side, const TlsIdentity& self, std::string peer_fingerprint);

  TlsContext(TlsContext&& other) noexcept;
  TlsContext& operator=(TlsContext&& other) noexcept;
  ~TlsContext();

  SSL_CTX* get() const noexcept { return context_.get(); }

 private:
  struct Pinned;
  struct Free {
    void operator()(SSL_CTX* context) const noexcept { SSL_CTX_free(context); }
  };

  TlsContext();

  std::unique_ptr<SSL_CTX, Free> context_;
  std::unique_ptr<Pinned> pinned_;  // read by the verification callback; outlives the context's use
};

/// TlsConnection is one blocking TLS connection over loopback TCP (TCP_NODELAY, as the TCP
/// transport sets it) carrying u32-length-prefixed frames. Writes are buffered (one record per
/// write, records sent together by `flush`, as a batching writer would); reads time out.
class TlsConnection {
 public:
  /// connect opens a connection to 127.0.0.1:`port` and completes the handshake. kIo when
  /// the connection or the handshake fails (including a peer that is not the pinned one).
  static Result<TlsConnection> connect(const TlsContext& context, std::uint16_t port,
                                       std::chrono::milliseconds timeout);
  /// accept completes the server side of the handshake on an accepted socket `fd` (which it
  /// then owns). kIo when the handshake fails.
  static Result<TlsConnection> accept(const TlsContext& context, int fd,
                                      std::chrono::milliseconds timeout);

  TlsConnection(TlsConnection&& other) noexcept;
  TlsConnection& operator=(TlsConnection&&) = delete;
  TlsConnection(const TlsConnection&) = delete;
  TlsConnection& operator=(const TlsConnection&) = delete;
  ~TlsConnection();

  /// write encrypts `bytes` as one record into the write buffer. kIo on a failure.
  Result<void> write(ByteView bytes);
  /// flush sends everything written so far. kIo on a failure.
  Result<void> flush();
  /// read_some decrypts what arrives next into `buffer` and returns its length; 0 when the
  /// peer closed. kIo on a failure or timeout.
  Result<std::size_t> read_some(Bytes& buffer);
  /// read_frame waits for the next frame and copies its body into `body`. kIo on failures;
  /// kProtocol when more than one frame arrives at once.
  Result<void> read_frame(Bytes& body);
  /// Whether bytes already read from the socket wait in the connection (decrypted or not): then
  /// read_some needs no poll first.
  bool has_pending() const;
  int fd() const noexcept { return fd_; }
  /// close sends close_notify and closes the socket.
  void close();

 private:
  TlsConnection(SSL* ssl, int fd);
  static Result<TlsConnection> start(const TlsContext& context, int fd, bool client);

  SSL* ssl_;
  int fd_;
  FrameParser parser_;
  Bytes buffer_;
};

}  // namespace ockam::bench
