#pragma once

#include <memory>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace ockam::crypto::internal {

/// OpensslDeleter frees an OpenSSL object with its type's free function.
template <class T, void (*Free)(T*)>
struct OpensslDeleter {
  void operator()(T* object) const noexcept { Free(object); }
};

template <class T, void (*Free)(T*)>
using OpensslPtr = std::unique_ptr<T, OpensslDeleter<T, Free>>;

using CipherCtxPtr = OpensslPtr<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;
using MdCtxPtr = OpensslPtr<EVP_MD_CTX, EVP_MD_CTX_free>;
using PkeyPtr = OpensslPtr<EVP_PKEY, EVP_PKEY_free>;
using PkeyCtxPtr = OpensslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
/// BIGNUMs that may hold secrets are freed with BN_clear_free.
using BignumPtr = OpensslPtr<BIGNUM, BN_clear_free>;
using EcGroupPtr = OpensslPtr<EC_GROUP, EC_GROUP_free>;
using EcPointPtr = OpensslPtr<EC_POINT, EC_POINT_clear_free>;
using EcdsaSigPtr = OpensslPtr<ECDSA_SIG, ECDSA_SIG_free>;
using ParamBldPtr = OpensslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamPtr = OpensslPtr<OSSL_PARAM, OSSL_PARAM_free>;
using BnCtxPtr = OpensslPtr<BN_CTX, BN_CTX_free>;

}  // namespace ockam::crypto::internal
