import enum
@enum._simple_enum(enum.IntEnum)
class Status:
    """HTTP-ish status."""
    OK = 200
    NOT_FOUND = 404
    def is_ok(self):
        return self == 200
print(list(Status), Status.OK.is_ok(), Status(404), Status.__doc__, Status.__qualname__, Status.__module__, repr(Status.OK))
@enum._simple_enum(enum.IntFlag, boundary=enum.KEEP)
class Bits:
    A = 1
    B = 2
print(repr(Bits.A | Bits.B | 8), Bits._boundary_)
