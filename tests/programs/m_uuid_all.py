# uuid: construction from every form and its errors, every property, ordering and hashing,
# uuid3/uuid5 vectors, the shapes of uuid1/uuid4, SafeUUID, immutability, pickling state.
import uuid, copy
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
for attr in ['int', 'hex', 'urn', 'bytes', 'bytes_le', 'fields', 'time_low', 'time_mid', 'time_hi_version', 'clock_seq_hi_variant', 'clock_seq_low', 'time', 'clock_seq', 'node', 'variant', 'version', 'is_safe']:
    print(attr, repr(getattr(u, attr)))
print(repr(u), str(u), int(u), hash(u) == hash(u.int))
for form in [dict(hex='12345678123456781234567812345678'), dict(hex='urn:uuid:12345678-1234-5678-1234-567812345678'), dict(bytes=u.bytes), dict(bytes_le=u.bytes_le), dict(fields=u.fields), dict(int=u.int)]:
    print(uuid.UUID(**form) == u)
for v in range(1, 6):
    x = uuid.UUID(int=u.int, version=v)
    print(v, x, x.version, x.variant)
for value in [0, 1 << 127, (1 << 128) - 1, 0xc000 << 48, 0xe000 << 48, 0x4000 << 48]:
    x = uuid.UUID(int=value)
    print(x, x.variant, x.version)
t(lambda: uuid.UUID())
t(lambda: uuid.UUID('abc', int=5))
t(lambda: uuid.UUID('1234'))
t(lambda: uuid.UUID('{12345678-1234-5678-1234-56781234567g}'))
t(lambda: uuid.UUID(bytes=b'123'))
t(lambda: uuid.UUID(bytes_le=b'123'))
t(lambda: uuid.UUID(fields=(1, 2, 3)))
for i in range(6):
    f = [0] * 6
    f[i] = 1 << 48
    t(lambda: uuid.UUID(fields=tuple(f)))
t(lambda: uuid.UUID(int=-1))
t(lambda: uuid.UUID(int=1 << 128))
t(lambda: uuid.UUID(int=5, version=6))
t(lambda: uuid.UUID(int=5, version=0))
def mutate():
    u.int = 5
t(mutate)
t(lambda: setattr(u, 'foo', 1))
a, b = uuid.UUID(int=1), uuid.UUID(int=2)
print(a < b, a <= b, a > b, a >= b, a == uuid.UUID(int=1), a != b, a == 1, sorted([b, a]), {a: 1}[uuid.UUID(int=1)])
t(lambda: a < 1)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
for ns in [uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL]:
    for name in ['python.org', 'http://example.com/', '', 'ünïcode']:
        print(uuid.uuid3(ns, name), uuid.uuid5(ns, name))
r = uuid.uuid4()
print(r.version, r.variant, len(str(r)), r != uuid.uuid4())
t1, t2 = uuid.uuid1(), uuid.uuid1()
print(t1.version, t1.variant, t1 != t2, t2.time > t1.time, t1.node == t2.node == uuid.getnode())
x = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(x.node == 0x123456789abc, x.clock_seq == 0x1234, x.version)
print(uuid.SafeUUID.safe, uuid.SafeUUID.unknown.value, list(uuid.SafeUUID))
s = uuid.UUID(int=7, is_safe=uuid.SafeUUID.safe)
print(s.is_safe, s.__getstate__(), u.__getstate__())
c = copy.copy(s)
print(c == s, c.is_safe, copy.deepcopy(u) == u)
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE)
print(type(u).__slots__)
t(lambda: uuid.uuid3(uuid.NAMESPACE_DNS, b'bytes'))
t(lambda: uuid.uuid5(uuid.NAMESPACE_DNS, 5))
