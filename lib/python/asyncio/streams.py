"""asyncio streams need sockets or pipes driven by an I/O selector, which pyjit's asyncio does not
have: every entry point raises NotImplementedError naming itself."""

__all__ = ("StreamReader", "StreamWriter", "StreamReaderProtocol", "open_connection",
           "start_server", "open_unix_connection", "start_unix_server")


def _not_supported(name):
    raise NotImplementedError(f"asyncio.{name} is not supported by pyjit (its event loop has no "
                              f"sockets or pipes)")


class StreamReader:
    def __init__(self, *args, **kwargs):
        _not_supported("StreamReader")


class StreamWriter:
    def __init__(self, *args, **kwargs):
        _not_supported("StreamWriter")


class StreamReaderProtocol:
    def __init__(self, *args, **kwargs):
        _not_supported("StreamReaderProtocol")


async def open_connection(*args, **kwargs):
    _not_supported("open_connection()")


async def start_server(*args, **kwargs):
    _not_supported("start_server()")


async def open_unix_connection(*args, **kwargs):
    _not_supported("open_unix_connection()")


async def start_unix_server(*args, **kwargs):
    _not_supported("start_unix_server()")
