#include "ockam/crypto/xeddsa.hpp"

#include <algorithm>

#include <openssl/bn.h>

#include "crypto/internal/openssl_ptr.hpp"
#include "crypto/internal/sodium_init.hpp"
#include "ockam/crypto/random.hpp"

namespace ockam::crypto {
namespace {

constexpr std::size_t kScalarLength = crypto_core_ed25519_SCALARBYTES;
constexpr std::size_t kPointLength = crypto_core_ed25519_BYTES;
constexpr std::size_t kRandomLength = 64;
static_assert(kScalarLength == 32 && kPointLength == 32);

/// A scalar or hash that may be secret; wiped when it goes out of scope.
template <std::size_t N>
struct WipedArray {
  std::array<std::uint8_t, N> bytes{};
  ~WipedArray() { secure_wipe(bytes); }
};

/// Reduces the 64-byte little-endian number `wide` modulo the group order q.
void reduce(const std::uint8_t* wide, std::uint8_t* out) {
  crypto_core_ed25519_scalar_reduce(out, wide);
}

Result<XEdDsaSignature> sign_with_random(const SecretBytes& x25519_secret, ByteView message,
                                         ByteView random_z) {
  if (x25519_secret.size() != 32 || random_z.size() != kRandomLength) {
    return Error(Origin::kCrypto, Kind::kInvalid, "XEdDSA takes a 32-byte X25519 secret");
  }
  internal::ensure_sodium_initialized();
  // calculate_key_pair (spec §2.3): k clamped as X25519 does, E = kB, a = ±k so that A = aB has
  // sign bit 0.
  WipedArray<64> wide;
  std::copy_n(x25519_secret.expose_secret().begin(), 32, wide.bytes.begin());
  wide.bytes[0] &= 248;
  wide.bytes[31] &= 127;
  wide.bytes[31] |= 64;
  WipedArray<kScalarLength> a;
  reduce(wide.bytes.data(), a.bytes.data());
  std::array<std::uint8_t, kPointLength> public_a{};
  if (crypto_scalarmult_ed25519_base_noclamp(public_a.data(), a.bytes.data()) != 0) {
    return Error(Origin::kCrypto, Kind::kInternal, "XEdDSA key derivation failed");
  }
  if ((public_a[31] & 0x80) != 0) {
    WipedArray<kScalarLength> negated;
    crypto_core_ed25519_scalar_negate(negated.bytes.data(), a.bytes.data());
    a.bytes = negated.bytes;
    public_a[31] &= 0x7F;
  }
  // r = hash1(a || M || Z) mod q, where hash1 prefixes 2^256 - 2 in little-endian (0xFE 0xFF...).
  std::array<std::uint8_t, 32> prefix{};
  prefix.fill(0xFF);
  prefix[0] = 0xFE;
  crypto_hash_sha512_state hash;
  crypto_hash_sha512_init(&hash);
  crypto_hash_sha512_update(&hash, prefix.data(), prefix.size());
  crypto_hash_sha512_update(&hash, a.bytes.data(), a.bytes.size());
  crypto_hash_sha512_update(&hash, message.data(), message.size());
  crypto_hash_sha512_update(&hash, random_z.data(), random_z.size());
  crypto_hash_sha512_final(&hash, wide.bytes.data());
  WipedArray<kScalarLength> r;
  reduce(wide.bytes.data(), r.bytes.data());
  XEdDsaSignature signature{};
  if (crypto_scalarmult_ed25519_base_noclamp(signature.data(), r.bytes.data()) != 0) {
    return Error(Origin::kCrypto, Kind::kInternal, "XEdDSA nonce is zero");
  }
  // h = hash(R || A || M) mod q; s = r + h·a mod q.
  crypto_hash_sha512_init(&hash);
  crypto_hash_sha512_update(&hash, signature.data(), kPointLength);
  crypto_hash_sha512_update(&hash, public_a.data(), public_a.size());
  crypto_hash_sha512_update(&hash, message.data(), message.size());
  crypto_hash_sha512_final(&hash, wide.bytes.data());
  WipedArray<kScalarLength> h;
  reduce(wide.bytes.data(), h.bytes.data());
  WipedArray<kScalarLength> ha;
  crypto_core_ed25519_scalar_mul(ha.bytes.data(), h.bytes.data(), a.bytes.data());
  crypto_core_ed25519_scalar_add(signature.data() + kPointLength, r.bytes.data(), ha.bytes.data());
  sodium_memzero(&hash, sizeof hash);
  return signature;
}

/// convert_mont (spec §2.2): the Edwards y = (u - 1) / (u + 1) mod p of the u-coordinate, with
/// sign bit 0. False when u is not below p or u + 1 is zero mod p. Public data: not constant time.
bool montgomery_to_edwards(ByteView u_bytes, std::array<std::uint8_t, kPointLength>& out) {
  internal::BnCtxPtr ctx(BN_CTX_new());
  internal::BignumPtr p(BN_new());
  internal::BignumPtr u(BN_lebin2bn(u_bytes.data(), static_cast<int>(u_bytes.size()), nullptr));
  internal::BignumPtr numerator(BN_new());
  internal::BignumPtr denominator(BN_new());
  internal::BignumPtr y(BN_new());
  if (!ctx || !p || !u || !numerator || !denominator || !y) {
    return false;
  }
  // p = 2^255 - 19
  if (BN_set_bit(p.get(), 255) != 1 || BN_sub_word(p.get(), 19) != 1 ||
      BN_cmp(u.get(), p.get()) >= 0 || BN_copy(numerator.get(), u.get()) == nullptr ||
      BN_copy(denominator.get(), u.get()) == nullptr || BN_add_word(denominator.get(), 1) != 1 ||
      BN_mod(denominator.get(), denominator.get(), p.get(), ctx.get()) != 1 ||
      BN_is_zero(denominator.get()) ||
      BN_mod_inverse(denominator.get(), denominator.get(), p.get(), ctx.get()) == nullptr ||
      BN_mod_sub(numerator.get(), u.get(), BN_value_one(), p.get(), ctx.get()) != 1 ||
      BN_mod_mul(y.get(), numerator.get(), denominator.get(), p.get(), ctx.get()) != 1) {
    return false;
  }
  return BN_bn2lebinpad(y.get(), out.data(), static_cast<int>(out.size())) ==
         static_cast<int>(out.size());
}

}  // namespace

Result<XEdDsaSignature> xeddsa_sign(const SecretBytes& x25519_secret, ByteView message) {
  WipedArray<kRandomLength> random_z;
  random_fill(random_z.bytes);
  return sign_with_random(x25519_secret, message, random_z.bytes);
}

Result<XEdDsaSignature> xeddsa_sign_for_testing(const SecretBytes& x25519_secret, ByteView message,
                                                ByteView random_z) {
  return sign_with_random(x25519_secret, message, random_z);
}

bool xeddsa_verify(ByteView montgomery_public, ByteView message, ByteView signature) {
  if (montgomery_public.size() != kPointLength || signature.size() != crypto_sign_BYTES) {
    return false;
  }
  std::array<std::uint8_t, kPointLength> edwards{};
  if (!montgomery_to_edwards(montgomery_public, edwards)) {
    return false;
  }
  internal::ensure_sodium_initialized();
  // libsodium also rejects a non-canonical s or R and small-order points.
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                     edwards.data()) == 0;
}

}  // namespace ockam::crypto
