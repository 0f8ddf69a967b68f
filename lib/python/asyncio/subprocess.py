"""asyncio.create_subprocess_exec / create_subprocess_shell need pipes driven by an I/O selector,
which pyjit's asyncio does not have; they raise NotImplementedError (the subprocess module
works)."""

__all__ = ("create_subprocess_exec", "create_subprocess_shell")

PIPE = -1
STDOUT = -2
DEVNULL = -3


async def create_subprocess_exec(program, *args, **kwargs):
    raise NotImplementedError("asyncio.create_subprocess_exec() is not supported by pyjit "
                              "(use the subprocess module)")


async def create_subprocess_shell(cmd, **kwargs):
    raise NotImplementedError("asyncio.create_subprocess_shell() is not supported by pyjit "
                              "(use the subprocess module)")
