#include "ockam/crypto/p256.hpp"

#include <openssl/core_names.h>
#include <openssl/obj_mac.h>

#include "crypto/internal/openssl_ptr.hpp"
#include "ockam/crypto/random.hpp"

namespace ockam::crypto {

namespace {

constexpr std::size_t kScalarLength = 32;
constexpr std::size_t kPublicKeyLength = 65;
constexpr std::size_t kSignatureLength = 64;
constexpr std::size_t kMaxDerSignatureLength = 80;  // 72 for P-256, with room to spare
constexpr char kGroupName[] = "prime256v1";

Error internal_error() {
  return Error(Origin::kCrypto, Kind::kInternal, "OpenSSL P-256 operation failed");
}

/// Parses a 32-byte scalar and checks that it lies in [1, n-1].
Result<internal::BignumPtr> parse_scalar(const EC_GROUP* group, ByteView secret_key) {
  if (secret_key.size() != kScalarLength) {
    return Error(Origin::kCrypto, Kind::kInvalid, "P-256 secret key must be 32 bytes");
  }
  internal::BignumPtr scalar(
      BN_bin2bn(secret_key.data(), static_cast<int>(secret_key.size()), nullptr));
  if (!scalar) {
    return internal_error();
  }
  BN_set_flags(scalar.get(), BN_FLG_CONSTTIME);
  if (BN_is_zero(scalar.get()) || BN_cmp(scalar.get(), EC_GROUP_get0_order(group)) >= 0) {
    return Error(Origin::kCrypto, Kind::kInvalid, "P-256 secret key out of range");
  }
  return scalar;
}

/// Builds an EC EVP_PKEY from a SEC1 public key and, when given, its private scalar.
internal::PkeyPtr make_pkey(ByteView public_key, const BIGNUM* scalar) {
  internal::ParamBldPtr builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, kGroupName, 0) !=
          1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, public_key.data(),
                                       public_key.size()) != 1) {
    return nullptr;
  }
  if (scalar != nullptr &&
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, scalar) != 1) {
    return nullptr;
  }
  internal::ParamPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
  internal::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) {
    return nullptr;
  }
  EVP_PKEY* raw = nullptr;
  const int selection = scalar != nullptr ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
  if (EVP_PKEY_fromdata(ctx.get(), &raw, selection, params.get()) != 1) {
    return nullptr;
  }
  return internal::PkeyPtr(raw);
}

internal::EcGroupPtr p256_group() {
  return internal::EcGroupPtr(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
}

/// Computes scalar * G in SEC1 uncompressed form; false if OpenSSL fails.
bool derive_public_key(const EC_GROUP* group, const BIGNUM* scalar,
                       std::array<std::uint8_t, kPublicKeyLength>& out) {
  internal::EcPointPtr point(EC_POINT_new(group));
  internal::BnCtxPtr bn_ctx(BN_CTX_new());
  return point && bn_ctx &&
         EC_POINT_mul(group, point.get(), scalar, nullptr, nullptr, bn_ctx.get()) == 1 &&
         EC_POINT_point2oct(group, point.get(), POINT_CONVERSION_UNCOMPRESSED, out.data(),
                            out.size(), bn_ctx.get()) == kPublicKeyLength;
}

}  // namespace

Result<P256KeyPair> p256_generate() {
  SecretBytes scalar(kScalarLength);
  // A random 32-byte string is out of range with probability about 2^-32: draw again.
  for (;;) {
    random_fill(scalar.expose_secret_mut());
    Result<P256KeyPair> pair = p256_from_secret(scalar.expose_secret());
    if (pair || pair.error().kind() != Kind::kInvalid) {
      return pair;
    }
  }
}

Result<P256KeyPair> p256_from_secret(ByteView secret_key) {
  internal::EcGroupPtr group = p256_group();
  if (!group) {
    return internal_error();
  }
  Result<internal::BignumPtr> scalar = parse_scalar(group.get(), secret_key);
  if (!scalar) {
    return scalar.error();
  }
  P256KeyPair pair{SecretBytes(secret_key), {}};
  if (!derive_public_key(group.get(), scalar->get(), pair.public_key)) {
    return internal_error();
  }
  return pair;
}

Result<std::array<std::uint8_t, 64>> p256_sign(const SecretBytes& secret_key, ByteView message) {
  internal::EcGroupPtr group = p256_group();
  if (!group) {
    return internal_error();
  }
  Result<internal::BignumPtr> scalar = parse_scalar(group.get(), secret_key.expose_secret());
  if (!scalar) {
    return scalar.error();
  }
  std::array<std::uint8_t, kPublicKeyLength> public_key{};
  if (!derive_public_key(group.get(), scalar->get(), public_key)) {
    return internal_error();
  }
  internal::PkeyPtr pkey = make_pkey(public_key, scalar->get());
  internal::MdCtxPtr md_ctx(EVP_MD_CTX_new());
  std::array<std::uint8_t, kMaxDerSignatureLength> der{};
  std::size_t der_length = der.size();
  if (!pkey || !md_ctx ||
      EVP_DigestSignInit(md_ctx.get(), nullptr, EVP_sha256(), nullptr, pkey.get()) != 1 ||
      EVP_DigestSign(md_ctx.get(), der.data(), &der_length, message.data(), message.size()) != 1) {
    return internal_error();
  }
  const unsigned char* cursor = der.data();
  internal::EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der_length)));
  if (!sig) {
    return internal_error();
  }
  std::array<std::uint8_t, kSignatureLength> signature{};
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), signature.data(), kScalarLength) !=
          static_cast<int>(kScalarLength) ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), signature.data() + kScalarLength, kScalarLength) !=
          static_cast<int>(kScalarLength)) {
    return internal_error();
  }
  return signature;
}

bool p256_verify(ByteView public_key, ByteView message, ByteView signature) {
  if (public_key.size() != kPublicKeyLength || public_key[0] != 0x04 ||
      signature.size() != kSignatureLength) {
    return false;
  }
  internal::PkeyPtr pkey = make_pkey(public_key, nullptr);
  internal::EcdsaSigPtr sig(ECDSA_SIG_new());
  if (!pkey || !sig) {
    return false;
  }
  BIGNUM* r = BN_bin2bn(signature.data(), kScalarLength, nullptr);
  BIGNUM* s = BN_bin2bn(signature.data() + kScalarLength, kScalarLength, nullptr);
  // ECDSA_SIG_set0 takes ownership of r and s only when it succeeds.
  if (r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return false;
  }
  std::array<std::uint8_t, kMaxDerSignatureLength> der{};
  unsigned char* cursor = der.data();
  const int der_length = i2d_ECDSA_SIG(sig.get(), nullptr);
  if (der_length <= 0 || static_cast<std::size_t>(der_length) > der.size() ||
      i2d_ECDSA_SIG(sig.get(), &cursor) != der_length) {
    return false;
  }
  internal::MdCtxPtr md_ctx(EVP_MD_CTX_new());
  return md_ctx &&
         EVP_DigestVerifyInit(md_ctx.get(), nullptr, EVP_sha256(), nullptr, pkey.get()) == 1 &&
         EVP_DigestVerify(md_ctx.get(), der.data(), static_cast<std::size_t>(der_length),
                          message.data(), message.size()) == 1;
}

}  // namespace ockam::crypto
