# os: names and constants, environ, process information, fspath/fsencode/PathLike, the functions
# pyjit does not provide, errno and strerror, the stat module.
import errno
import os
import stat
import sys

print(os.name, os.sep, os.altsep, os.extsep, os.pathsep, repr(os.linesep), os.curdir, os.pardir,
      os.devnull, os.defpath)
print(os.path is sys.modules['os.path'], os.path.__name__, os.error is OSError)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL,
      os.O_TRUNC, os.O_APPEND, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
print(isinstance(os.getpid(), int), os.getpid() > 0, os.getppid() > 0, os.cpu_count() >= 1)
print(len(os.urandom(16)), type(os.urandom(0)).__name__)
print(os.strerror(errno.ENOENT), os.strerror(errno.EEXIST))
print(type(os.getuid()).__name__, type(os.umask(0o22)).__name__)

os.environ['PYJIT_M_OS_MISC'] = 'value one'
print(os.environ['PYJIT_M_OS_MISC'], os.getenv('PYJIT_M_OS_MISC'), 'PYJIT_M_OS_MISC' in os.environ)
print(os.environ.get('PYJIT_M_OS_MISC_NOPE'), os.getenv('PYJIT_M_OS_MISC_NOPE', 'dflt'))
print('PYJIT_M_OS_MISC' in dict(os.environ), 'PYJIT_M_OS_MISC' in list(os.environ))
print(os.environ.setdefault('PYJIT_M_OS_MISC', 'other'), os.environ.pop('PYJIT_M_OS_MISC'))
print(os.environ.pop('PYJIT_M_OS_MISC', 'gone'), 'PYJIT_M_OS_MISC' in os.environ)
os.environ.update({'PYJIT_M_OS_A': '1'}, PYJIT_M_OS_B='2')
print(os.environ['PYJIT_M_OS_A'], os.environ['PYJIT_M_OS_B'])
del os.environ['PYJIT_M_OS_A']
del os.environ['PYJIT_M_OS_B']
for bad in (lambda: os.environ['PYJIT_M_OS_NOPE'], lambda: os.environ.__setitem__('X', 1),
            lambda: os.environ.__setitem__(1, 'x'), lambda: os.environ.__setitem__('A=B', 'x'),
            lambda: os.environ.__delitem__('PYJIT_M_OS_NOPE')):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(os.environ.copy() == dict(os.environ), isinstance(os.environ.copy(), dict))
print(os.get_exec_path() == os.environ['PATH'].split(os.pathsep))


class P:
    def __fspath__(self):
        return 'some/where'


class B:
    def __fspath__(self):
        return 3


print(os.fspath('s'), os.fspath(b'b'), os.fspath(P()), isinstance(P(), os.PathLike),
      isinstance('s', os.PathLike), issubclass(P, os.PathLike))
for bad in (lambda: os.fspath(1.5), lambda: os.fspath(B()), lambda: os.fsencode(3)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(os.fsencode('a\udcffé'), os.fsdecode(b'a\xff\xc3\xa9') == 'a\udcffé', os.fsencode(P()))
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns)
print(os.stat_result(tuple(range(10))), os.stat_result(tuple(range(10))).st_mtime)
try:
    os.stat_result((1, 2))
except TypeError as e:
    print(e)

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.ENOTEMPTY, errno.EISDIR, errno.ENOTDIR,
      errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[2], errno.errorcode[errno.EAGAIN],
      len(errno.errorcode) > 120)
for n in (1, 2, 13, 17, 20, 21, 39, 32, 4, 11, 3, 10, 110, 111, 104):
    e = OSError(n, os.strerror(n), 'f')
    print(n, type(e).__name__, e)
print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_IMODE(0o104755), stat.filemode(0o40755),
      stat.filemode(0o120777), stat.filemode(0o106644), stat.filemode(0o101755), stat.filemode(0o7777))
print(stat.S_ISDIR(0o40000), stat.S_ISREG(0o40000), stat.S_ISLNK(0o120000), stat.S_ISFIFO(0o10000),
      stat.S_ISSOCK(0o140000), stat.S_ISCHR(0o20000), stat.S_ISBLK(0o60000), stat.S_ISDOOR(0))
print(stat.S_IRWXU, stat.S_IRUSR, stat.S_IWGRP, stat.S_IXOTH, stat.S_ISUID, stat.S_ISVTX, stat.ST_SIZE,
      stat.UF_HIDDEN, stat.SF_APPEND, stat.FILE_ATTRIBUTE_DIRECTORY)
try:
    stat.S_ISDIR('x')
except TypeError as e:
    print(e)
print([n for n in range(1, 135) if type(OSError(n, 'x')) is not OSError])
e = BlockingIOError(11, 'would block', 5)
print(e.characters_written, e, e.filename)
e = OSError(1, 'a', 'f', 7, 'g')
print(e, e.args, e.filename2)
e = OSError('a', 'b', 'c', 'd', 'e', 'f')
print(e, e.args, e.errno)
print(FileNotFoundError('just text').errno, repr(OSError(2, 'x')))
