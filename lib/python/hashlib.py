"""Secure hashes and message digests: md5, sha1, the SHA-2 family (sha224, sha256, sha384,
sha512), SHA-3 (sha3_224 … sha3_512, and the extendable-output shake_128 / shake_256), BLAKE2
(blake2b, blake2s, with keys, salts, personalization and tree parameters), and new(name) for
those plus the other algorithms in algorithms_available. Also pbkdf2_hmac, scrypt and
file_digest.

    >>> import hashlib
    >>> m = hashlib.sha256()
    >>> m.update(b"Nobody inspects")
    >>> m.update(b" the spammish repetition")
    >>> m.hexdigest()
    '031edd7d41651593c5fe5c006fa5752b37fddff7bc4e843aa6af0c950f4b9406'

The digests are computed by _hashlib (node:crypto underneath) and _blake2.
"""

import _hashlib
import _blake2

# The algorithms every Python has (the names new() accepts on all platforms).
__always_supported = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                      'blake2b', 'blake2s',
                      'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
                      'shake_128', 'shake_256')

algorithms_guaranteed = set(__always_supported)
algorithms_available = set(__always_supported) | set(_hashlib.openssl_md_meth_names)

__all__ = __always_supported + ('new', 'algorithms_guaranteed',
                                'algorithms_available', 'pbkdf2_hmac', 'file_digest')

md5 = _hashlib.openssl_md5
sha1 = _hashlib.openssl_sha1
sha224 = _hashlib.openssl_sha224
sha256 = _hashlib.openssl_sha256
sha384 = _hashlib.openssl_sha384
sha512 = _hashlib.openssl_sha512
sha3_224 = _hashlib.openssl_sha3_224
sha3_256 = _hashlib.openssl_sha3_256
sha3_384 = _hashlib.openssl_sha3_384
sha3_512 = _hashlib.openssl_sha3_512
shake_128 = _hashlib.openssl_shake_128
shake_256 = _hashlib.openssl_shake_256
blake2b = _blake2.blake2b
blake2s = _blake2.blake2s

pbkdf2_hmac = _hashlib.pbkdf2_hmac
scrypt = _hashlib.scrypt

_BLAKE2 = {'blake2b': blake2b, 'blake2s': blake2s}


def new(name, data=b'', **kwargs):
    """A new hash object for the algorithm called name (any of algorithms_available), updated
    with data. Keyword arguments go to the constructor (BLAKE2's parameters, usedforsecurity)."""
    if name in _BLAKE2:
        return _BLAKE2[name](data, **kwargs)
    try:
        return _hashlib.new(name, data, **kwargs)
    except ValueError:
        raise ValueError('unsupported hash type ' + name)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """The hash object for the whole contents of fileobj, a file opened for reading in binary
    mode (or a BytesIO). digest is an algorithm name or a constructor such as hashlib.sha256."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if hasattr(fileobj, "getbuffer"):
        digestobj.update(fileobj.getvalue())
        return digestobj
    if not (hasattr(fileobj, "readinto") and hasattr(fileobj, "readable") and fileobj.readable()):
        raise ValueError(f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        digestobj.update(chunk)
    return digestobj
