"""HMAC (keyed-hashing for message authentication, RFC 2104): new(key, msg, digestmod) → an
HMAC object (update, copy, digest, hexdigest, name, digest_size, block_size); digest() for one
message at once; compare_digest() to compare digests without leaking where they differ.

A digestmod given by name or as one of hashlib's OpenSSL constructors is computed by
_hashlib.hmac_new / hmac_digest (native); any other hash (a module with new(), a constructor
such as hashlib.blake2b) by the inner and outer hashes here."""

import _hashlib as _hashopenssl
from _hashlib import compare_digest
import hashlib as _hashlib

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

# The size of the digests produced by the HMAC objects; None: the digest's own size.
digest_size = None

# The type of hashlib's OpenSSL constructors (hashlib.sha256...): those go to _hashlib too.
_functype = type(_hashopenssl.openssl_sha256)

__all__ = ['HMAC', 'new', 'digest', 'compare_digest', 'digest_size']


def _constructor(digestmod):
    # A callable making a fresh hash object (taking optional initial data) for digestmod.
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda d=b'': _hashlib.new(digestmod, d)
    return lambda d=b'': digestmod.new(d)


def _xor_pad(key, byte):
    # Every byte of key XOR byte (key.translate(trans_5C) in CPython; two big-int operations
    # here, where bytes.translate is not there yet).
    n = len(key)
    mask = int.from_bytes(bytes((byte,)) * n, 'little')
    return (int.from_bytes(key, 'little') ^ mask).to_bytes(n, 'little')


class HMAC:
    """RFC 2104 HMAC: a keyed hash of a message."""
    blocksize = 64  # 512-bit HMAC; can be changed in subclasses.

    __slots__ = ("_hmac", "_inner", "_outer", "block_size", "digest_size")

    def __init__(self, key, msg=None, digestmod=''):
        """key: bytes or bytearray. msg: initial message (update() adds more). digestmod: a hash
        name ('sha256'), a constructor (hashlib.sha256) or a module with a new() function."""
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        if isinstance(digestmod, (str, _functype)):
            try:
                self._hmac = _hashopenssl.hmac_new(key, msg, digestmod=digestmod)
            except _hashopenssl.UnsupportedDigestmodError:
                pass
            else:
                self._inner = self._outer = None
                self.digest_size = self._hmac.digest_size
                self.block_size = self._hmac.block_size
                return
        self._start(key, msg, digestmod)

    def _start(self, key, msg, digestmod):
        # The inner and outer hashes of any other digestmod.
        self._hmac = None
        cons = _constructor(digestmod)
        self._outer = cons()
        self._inner = cons()
        self.digest_size = self._inner.digest_size
        if hasattr(self._inner, 'block_size'):
            blocksize = self._inner.block_size
            if blocksize < 16:
                import warnings
                warnings.warn('block_size of %d seems too small; using our default of %d.'
                              % (blocksize, self.blocksize), RuntimeWarning, 2)
                blocksize = self.blocksize
        else:
            import warnings
            warnings.warn('No block_size attribute on given digest object; Assuming %d.'
                          % (self.blocksize), RuntimeWarning, 2)
            blocksize = self.blocksize
        if len(key) > blocksize:
            key = cons(key).digest()
        self.block_size = blocksize
        key = bytes(key) + bytes(blocksize - len(key))
        self._outer.update(_xor_pad(key, 0x5C))
        self._inner.update(_xor_pad(key, 0x36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        if self._hmac:
            return self._hmac.name
        return "hmac-" + self._inner.name

    def update(self, msg):
        """Adds msg to the message."""
        (self._hmac or self._inner).update(msg)

    def copy(self):
        """A separate HMAC object with the same state."""
        other = self.__class__.__new__(self.__class__)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        if self._hmac:
            other._hmac = self._hmac.copy()
            other._inner = other._outer = None
        else:
            other._hmac = None
            other._inner = self._inner.copy()
            other._outer = self._outer.copy()
        return other

    def _current(self):
        if self._hmac:
            return self._hmac
        h = self._outer.copy()
        h.update(self._inner.digest())
        return h

    def digest(self):
        """The HMAC of the message so far, as bytes (more may still be added)."""
        return self._current().digest()

    def hexdigest(self):
        """digest() as a str of hex digits."""
        return self._current().hexdigest()


def new(key, msg=None, digestmod=''):
    """A new HMAC object: key (bytes or bytearray), an optional first message, and the hash
    (digestmod: a name, a constructor or a module with new(); required)."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of msg under key with the hash digest (a name, constructor or module), at once."""
    if isinstance(digest, (str, _functype)):
        try:
            return _hashopenssl.hmac_digest(key, msg, digest)
        except _hashopenssl.UnsupportedDigestmodError:
            pass
    cons = _constructor(digest)
    inner = cons()
    outer = cons()
    blocksize = getattr(inner, 'block_size', 64)
    if len(key) > blocksize:
        key = cons(key).digest()
    key = key + b'\x00' * (blocksize - len(key))
    inner.update(_xor_pad(key, 0x36))
    outer.update(_xor_pad(key, 0x5C))
    inner.update(msg)
    outer.update(inner.digest())
    return outer.digest()
