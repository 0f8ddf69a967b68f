"""HMAC (keyed-hashing for message authentication, RFC 2104): new(key, msg, digestmod) → an
HMAC object (update, copy, digest, hexdigest, name, digest_size, block_size); digest() for one
message at once; compare_digest() to compare digests without leaking where they differ."""

from _hashlib import compare_digest
import hashlib as _hashlib

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

# The size of the digests produced by the HMAC objects; None: the digest's own size.
digest_size = None

__all__ = ['HMAC', 'new', 'digest', 'compare_digest', 'digest_size']


def _constructor(digestmod):
    # A callable making a fresh hash object (taking optional initial data) for digestmod.
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda d=b'': _hashlib.new(digestmod, d)
    return lambda d=b'': digestmod.new(d)


def _pad(key, trans):
    return bytes(trans[b] for b in key)


class HMAC:
    """RFC 2104 HMAC: a keyed hash of a message."""
    blocksize = 64  # 512-bit HMAC; can be changed in subclasses.

    __slots__ = ("_digest_cons", "_inner", "_outer", "block_size", "digest_size")

    def __init__(self, key, msg=None, digestmod=''):
        """key: bytes or bytearray. msg: initial message (update() adds more). digestmod: a hash
        name ('sha256'), a constructor (hashlib.sha256) or a module with a new() function."""
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        self._digest_cons = _constructor(digestmod)
        self._outer = self._digest_cons()
        self._inner = self._digest_cons()
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
            key = self._digest_cons(key).digest()
        self.block_size = blocksize
        key = bytes(key) + bytes(blocksize - len(key))
        self._outer.update(_pad(key, trans_5C))
        self._inner.update(_pad(key, trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    def update(self, msg):
        """Adds msg to the message."""
        self._inner.update(msg)

    def copy(self):
        """A separate HMAC object with the same state."""
        other = self.__class__.__new__(self.__class__)
        other._digest_cons = self._digest_cons
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _current(self):
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
    return HMAC(key, msg, digest).digest()
