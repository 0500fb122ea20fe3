// OpenSSL's libcrypto (Debian: libssl-dev): SHA-256 digests through the EVP interface.
#include <openssl/evp.h>
