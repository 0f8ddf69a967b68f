# asyncio subprocesses: create_subprocess_exec/_shell, communicate, streams, wait with a timeout,
# kill, other tasks running while a child runs, and the Popen options asyncio refuses.
import asyncio
async def main():
    p = await asyncio.create_subprocess_exec('sh', '-c', 'echo out; echo err >&2; exit 3', stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    print(type(p).__name__, isinstance(p.pid, int))
    out, err = await p.communicate()
    print(out, err, p.returncode)
    p = await asyncio.create_subprocess_shell('cat', stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    p.stdin.write(b'line1\nline2\n'); await p.stdin.drain(); p.stdin.close()
    print(await p.stdout.readline(), await p.stdout.read(), await p.wait())
    p = await asyncio.create_subprocess_exec('sleep', '5')
    try: await asyncio.wait_for(p.wait(), 0.05)
    except asyncio.TimeoutError: print('timeout')
    p.kill(); print(await p.wait())
    p = await asyncio.create_subprocess_exec('sh', '-c', 'printf "a\nb\nc"', stdout=asyncio.subprocess.PIPE)
    async for line in p.stdout: print(line)
    print(await p.wait(), p.stdout.at_eof())
    try: await asyncio.create_subprocess_exec('no-such-prog-x')
    except FileNotFoundError as e: print(e)
    print(asyncio.subprocess.PIPE, asyncio.subprocess.STDOUT, asyncio.subprocess.DEVNULL)
    ticks = []
    async def ticker():
        for i in range(3):
            ticks.append(i)
            await asyncio.sleep(0.01)
    p = await asyncio.create_subprocess_exec('sh', '-c', 'sleep 0.1; echo slow', stdout=asyncio.subprocess.PIPE)
    t = asyncio.create_task(ticker())
    out, _ = await p.communicate()
    await t
    print(out, ticks)
    for kw in ({"text": True}, {"bufsize": 1}, {"universal_newlines": True}):
        try: await asyncio.create_subprocess_exec('true', **kw)
        except ValueError as e: print(type(e).__name__, e)
    try: await asyncio.create_subprocess_shell(['true'])
    except ValueError as e: print(type(e).__name__, e)
asyncio.run(main())
