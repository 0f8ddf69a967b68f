"""The transport base classes. pyjit's asyncio has no I/O, so no transport is ever made; the
classes exist for isinstance checks and subclassing."""

__all__ = ("BaseTransport", "ReadTransport", "WriteTransport", "Transport", "DatagramTransport",
           "SubprocessTransport")


class BaseTransport:
    __slots__ = ("_extra",)

    def __init__(self, extra=None):
        self._extra = {} if extra is None else extra

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def is_closing(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError


class ReadTransport(BaseTransport):
    __slots__ = ()


class WriteTransport(BaseTransport):
    __slots__ = ()


class Transport(ReadTransport, WriteTransport):
    __slots__ = ()


class DatagramTransport(BaseTransport):
    __slots__ = ()


class SubprocessTransport(BaseTransport):
    __slots__ = ()
