# hashlib/hmac: digest names (Python names exactly, OpenSSL's in any case), _hashlib.HMAC and
# hmac_digest, hmac.HMAC on either side (native or inner/outer hashes), their errors.
import _hashlib, hmac, hashlib
print(_hashlib.UnsupportedDigestmodError.__mro__)
h = _hashlib.hmac_new(b'k', b'm', 'sha256'); print(h.name, h.digest_size, h.block_size, type(h), type(h).__module__, h.copy().hexdigest())
for d in ['blake2b', 'blake2s', 'sha3_256', 'shake_128', 'sm3', 'md5-sha1', 'nope', 'SHA256', hashlib.sha1, hashlib.blake2b, hashlib.sha3_512, hashlib.md5]:
    try: x = _hashlib.hmac_new(b'k', b'm', d); print(d, x.name, x.digest_size, x.block_size, x.hexdigest()[:16])
    except Exception as e: print(d, type(e).__name__, e)
    try: h = hmac.new(b'k' * 200, b'm', d); h2 = h.copy(); h2.update(b'more'); print('  hmac.new', h.name, h.digest_size, h.block_size, h.hexdigest()[:16], h2.hexdigest()[:16], h.digest()[:4])
    except Exception as e: print('  hmac.new', type(e).__name__, e)
    try: print('  hmac.digest', hmac.digest(b'k', b'm', d)[:8], hmac.digest(b'k' * 300, b'm' * 1000, d)[:8])
    except Exception as e: print('  hmac.digest', type(e).__name__, e)
for a in [(), (b'k',), ('k', b'm', 'sha1'), (b'k', 'm', 'sha1'), (b'k', b'm', None), (b'k', b'm', 5), (bytearray(b'k'), bytearray(b'm'), 'md5')]:
    try: print(_hashlib.hmac_new(*a).hexdigest())
    except Exception as e: print(a, type(e).__name__, e)
    try: print(_hashlib.hmac_digest(*a))
    except Exception as e: print(a, type(e).__name__, e)
h = _hashlib.hmac_new(b'k', digestmod='md5'); h.update(b'x'); print(h.hexdigest(), repr(h)[:19])
try: h.update('s')
except Exception as e: print(type(e).__name__, e)
try: _hashlib.HMAC()
except Exception as e: print(type(e).__name__, e)
print(hmac.new(b'k', digestmod='sha1')._hmac is not None, hmac.new(b'k', digestmod=hashlib.blake2s)._hmac, type(hmac.new(b'k', digestmod=hashlib.blake2s)._inner))
import types
mod = types.SimpleNamespace(new=hashlib.sha224)
print(hmac.new(b'key', b'msg', mod).hexdigest(), hmac.digest(b'key', b'msg', mod).hex(), hmac.new(b'key', b'msg', mod).name)
for bad in (5, 'x', None):
    try: hmac.new(bad, b'm', 'sha1')
    except Exception as e: print(type(e).__name__, e)
try: hmac.new(b'k', b'm')
except Exception as e: print(type(e).__name__, e)
h = hmac.new(b'k', digestmod='sha256'); h.update(b'a'); d1 = h.digest(); h.update(b'b'); print(d1 != h.digest(), h.hexdigest() == hmac.new(b'k', b'ab', 'sha256').hexdigest())
for n in ['Blake2B', 'blake2b', 'BLAKE2S', 'blake2s', 'SHA3_256', 'sha3_256', 'Sha512_224', 'SHA512-224', 'SHAKE_128', 'shake128', 'SHAKE128', 'MD5-SHA1', 'md5_sha1', 'RIPEMD160', 'ripemd_160', 'Sha-1', 'sha-1', 'SHA1', 'sha_1', 'SM3', 'sha-512/224', 'sha512_256', 'SHA-512/256']:
    try: r = _hashlib.new(n).name
    except Exception as e: r = type(e).__name__ + ' ' + str(e)
    try: h = hmac.new(b'k', b'm', n).name
    except Exception as e: h = type(e).__name__ + ' ' + str(e)
    print(n, r, h)
for n in ['sha2-256','SHA2-512/224','sha2-224','shake-256','blake2b-512','BLAKE2S-256','sha512_224','SHA384','sha2-384','SHA2-512','sha2-512/256','md5', 'SHA3-256', 'ripemd-160', 'SHA512_224', 'SHA224_', 'sha3_224', 'Shake_256', 'SHA512_256', 'ssl3-md5', 'RMD160', 'blake2b512', 'sha256WithRSAEncryption', 'RSA-SHA256', '']:
    try: print(n, _hashlib.new(n).name)
    except Exception as e: print(n, type(e).__name__, e)
