"""Reading and writing gzip files (RFC 1952): open() and GzipFile, a file object whose reads
decompress and whose writes compress, and compress() / decompress() for bytes at once. The
compression itself is zlib's (raw deflate, here wrapped in gzip headers and trailers).
`python -m gzip` (main()) compresses or decompresses files as the gzip tool does."""

import struct, sys, time, os
import zlib
import builtins
import io
import _compression

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

READ, WRITE = 1, 2

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST,
         encoding=None, errors=None, newline=None):
    """A gzip file opened in binary ("rb", "wb", "ab", "xb"; the default "rb") or text ("rt",
    "wt", "at", "xt") mode. filename is a path, or a file object to read or write through. In
    text mode the GzipFile is wrapped in a TextIOWrapper with encoding, errors and newline."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")

    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")

    if "t" in mode:
        encoding = io.text_encoding(encoding)
        return io.TextIOWrapper(binary_file, encoding, errors, newline)
    return binary_file


def write32u(output, value):
    # "<L" writes the bit pattern of a signed value too
    output.write(struct.pack("<L", value))


class _PaddedFile:
    """A read-only file whose reads first return bytes put back with prepend(), then the
    underlying file's."""

    def __init__(self, f, prepend=b''):
        self._buffer = prepend
        self._length = len(prepend)
        self.file = f
        self._read = 0

    def read(self, size):
        if self._read is None:
            return self.file.read(size)
        if self._read + size <= self._length:
            start = self._read
            self._read += size
            return self._buffer[start:self._read]
        start = self._read
        self._read = None
        return self._buffer[start:] + self.file.read(size - self._length + start)

    def prepend(self, prepend=b''):
        if self._read is None:
            self._buffer = prepend
        else:  # the prepended bytes were read from the buffer since the last prepend()
            self._read -= len(prepend)
            return
        self._length = len(self._buffer)
        self._read = 0

    def seek(self, off):
        self._read = None
        self._buffer = None
        return self.file.seek(off)

    def seekable(self):
        return True  # forward seeks work by reading, even when the file cannot seek


class BadGzipFile(OSError):
    """Raised for some kinds of invalid gzip files."""


class GzipFile(_compression.BaseStream):
    """A gzip file: reading decompresses (several members one after the other), writing
    compresses. Made from a file name or a file object (fileobj); mode "rb" (the default when
    fileobj has no mode), "wb", "ab" or "xb"; compresslevel 0–9; mtime, the modification time
    written in the header (the current time when None)."""

    # the file opened here when a name was given, closed with the GzipFile
    myfileobj = None

    def __init__(self, filename=None, mode=None,
                 compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and 'b' not in mode:
            mode += 'b'
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or 'rb')
        if filename is None:
            filename = getattr(fileobj, 'name', '')
            if not isinstance(filename, (str, bytes)):
                filename = ''
        else:
            filename = os.fspath(filename)
        origmode = mode
        if mode is None:
            mode = getattr(fileobj, 'mode', 'rb')

        if mode.startswith('r'):
            self.mode = READ
            raw = _GzipReader(fileobj)
            self._buffer = io.BufferedReader(raw)
            self.name = filename
        elif mode.startswith(('w', 'a', 'x')):
            if origmode is None:
                import warnings
                warnings.warn(
                    "GzipFile was opened for writing, but this will "
                    "change in future Python releases.  "
                    "Specify the mode argument for opening it for writing.",
                    FutureWarning, 2)
            self.mode = WRITE
            self._init_write(filename)
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED,
                                             -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))

        self.fileobj = fileobj
        if self.mode == WRITE:
            self._write_gzip_header(compresslevel)

    @property
    def filename(self):
        import warnings
        warnings.warn("use the name attribute", DeprecationWarning, 2)
        if self.mode == WRITE and self.name[-3:] != ".gz":
            return self.name + ".gz"
        return self.name

    @property
    def mtime(self):
        """The modification time of the last member header read, or None."""
        return self._buffer.raw._last_mtime

    def __repr__(self):
        s = repr(self.fileobj)
        return '<gzip ' + s[1:-1] + ' ' + hex(id(self)) + '>'

    def _init_write(self, filename):
        self.name = filename
        self.crc = zlib.crc32(b"")
        self.size = 0
        self.writebuf = []
        self.bufsize = 0
        self.offset = 0  # the position seek() and tell() use

    def _write_gzip_header(self, compresslevel):
        self.fileobj.write(b'\037\213')  # magic
        self.fileobj.write(b'\010')      # deflate
        try:
            # The name field holds Latin-1; a name that cannot be written so is left out.
            fname = os.path.basename(self.name)
            if not isinstance(fname, bytes):
                fname = fname.encode('latin-1')
            if fname.endswith(b'.gz'):
                fname = fname[:-3]
        except UnicodeEncodeError:
            fname = b''
        flags = FNAME if fname else 0
        self.fileobj.write(chr(flags).encode('latin-1'))
        mtime = self._write_mtime
        if mtime is None:
            mtime = time.time()
        write32u(self.fileobj, int(mtime))
        if compresslevel == _COMPRESS_LEVEL_BEST:
            xfl = b'\002'
        elif compresslevel == _COMPRESS_LEVEL_FAST:
            xfl = b'\004'
        else:
            xfl = b'\000'
        self.fileobj.write(xfl)
        self.fileobj.write(b'\377')  # OS: unknown
        if fname:
            self.fileobj.write(fname + b'\000')

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            import errno
            raise OSError(errno.EBADF, "write() on read-only GzipFile object")
        if self.fileobj is None:
            raise ValueError("write() on closed GzipFile object")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = bytes(data)
            length = len(data)
        if length > 0:
            self.fileobj.write(self.compress.compress(data))
            self.size += length
            self.crc = zlib.crc32(data, self.crc)
            self.offset += length
        return length

    def read(self, size=-1):
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "read() on write-only GzipFile object")
        return self._buffer.read(size)

    def read1(self, size=-1):
        """Up to size bytes, with at most one read of the underlying file (a buffer's worth
        when size is negative)."""
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "read1() on write-only GzipFile object")
        if size < 0:
            size = io.DEFAULT_BUFFER_SIZE
        return self._buffer.read1(size)

    def peek(self, n):
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, "peek() on write-only GzipFile object")
        return self._buffer.peek(n)

    @property
    def closed(self):
        return self.fileobj is None

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self.compress.flush())
                write32u(fileobj, self.crc)
                # the size modulo 2**32
                write32u(fileobj, self.size & 0xffffffff)
            elif self.mode == READ:
                self._buffer.close()
        finally:
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            # what the compressor holds goes to the file
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    def fileno(self):
        """The underlying file's descriptor (AttributeError when it has none)."""
        return self.fileobj.fileno()

    def rewind(self):
        """Goes back to the start of the decompressed data."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._buffer.seek(0)

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode == WRITE:
            if whence != io.SEEK_SET:
                if whence == io.SEEK_CUR:
                    offset = self.offset + offset
                else:
                    raise ValueError('Seek from end not supported')
            if offset < self.offset:
                raise OSError('Negative seek in write mode')
            count = offset - self.offset
            chunk = b'\0' * 1024
            for i in range(count // 1024):
                self.write(chunk)
            self.write(b'\0' * (count % 1024))
        elif self.mode == READ:
            self._check_not_closed()
            return self._buffer.seek(offset, whence)
        return self.offset

    def readline(self, size=-1):
        self._check_not_closed()
        return self._buffer.readline(size)


def _read_exact(fp, n):
    # Exactly n bytes from fp, which may return fewer than asked.
    data = fp.read(n)
    while len(data) < n:
        b = fp.read(n - len(data))
        if not b:
            raise EOFError("Compressed file ended before the "
                           "end-of-stream marker was reached")
        data += b
    return data


def _read_gzip_header(fp):
    # Reads a member header; returns its mtime, or None at the end of the file.
    magic = fp.read(2)
    if magic == b'':
        return None
    if magic != b'\037\213':
        raise BadGzipFile('Not a gzipped file (%r)' % magic)
    (method, flag, last_mtime) = struct.unpack("<BBIxx", _read_exact(fp, 8))
    if method != 8:
        raise BadGzipFile('Unknown compression method')
    if flag & FEXTRA:
        extra_len, = struct.unpack("<H", _read_exact(fp, 2))
        _read_exact(fp, extra_len)
    if flag & FNAME:
        while True:  # a NUL-terminated name
            s = fp.read(1)
            if not s or s == b'\000':
                break
    if flag & FCOMMENT:
        while True:  # a NUL-terminated comment
            s = fp.read(1)
            if not s or s == b'\000':
                break
    if flag & FHCRC:
        _read_exact(fp, 2)  # the header's CRC-16, not checked
    return last_mtime


class _GzipReader(_compression.DecompressReader):
    def __init__(self, fp):
        super().__init__(_PaddedFile(fp), zlib.decompressobj, wbits=-zlib.MAX_WBITS)
        self._new_member = True  # at the start of a member
        self._last_mtime = None

    def _init_read(self):
        self._crc = zlib.crc32(b"")
        self._stream_size = 0  # decompressed size of the current member

    def _read_gzip_header(self):
        last_mtime = _read_gzip_header(self._fp)
        if last_mtime is None:
            return False
        self._last_mtime = last_mtime
        return True

    def read(self, size=-1):
        if size < 0:
            return self.readall()
        if not size:  # decompress(max_length=0) would mean no limit
            return b""
        # A decompress() call may return nothing for some input: go on until data or EOF.
        while True:
            if self._decompressor.eof:
                # the end of a member: check its trailer; another may follow
                self._read_eof()
                self._new_member = True
                self._decompressor = self._decomp_factory(**self._decomp_args)
            if self._new_member:
                self._init_read()
                if not self._read_gzip_header():
                    self._size = self._pos
                    return b""
                self._new_member = False
            buf = self._fp.read(io.DEFAULT_BUFFER_SIZE)
            uncompress = self._decompressor.decompress(buf, size)
            if self._decompressor.unconsumed_tail != b"":
                self._fp.prepend(self._decompressor.unconsumed_tail)
            elif self._decompressor.unused_data != b"":
                # the bytes after the member go back, for _read_eof() and the next header
                self._fp.prepend(self._decompressor.unused_data)
            if uncompress != b"":
                break
            if buf == b"":
                raise EOFError("Compressed file ended before the "
                               "end-of-stream marker was reached")
        self._add_read_data(uncompress)
        self._pos += len(uncompress)
        return uncompress

    def _add_read_data(self, data):
        self._crc = zlib.crc32(data, self._crc)
        self._stream_size = self._stream_size + len(data)

    def _read_eof(self):
        # The trailer: the CRC-32 and the size (modulo 2**32) of the member's data.
        crc32, isize = struct.unpack("<II", _read_exact(self._fp, 8))
        if crc32 != self._crc:
            raise BadGzipFile("CRC check failed %s != %s" % (hex(crc32), hex(self._crc)))
        elif isize != (self._stream_size & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        # Zero bytes may pad the file after a member: they are skipped.
        c = b"\x00"
        while c == b"\x00":
            c = self._fp.read(1)
        if c:
            self._fp.prepend(c)

    def _rewind(self):
        super()._rewind()
        self._new_member = True


def _create_simple_gzip_header(compresslevel: int, mtime=None) -> bytes:
    # A member header without a name: magic, deflate, no flags, mtime, extra flags, OS 255.
    if mtime is None:
        mtime = time.time()
    if compresslevel == _COMPRESS_LEVEL_BEST:
        xfl = 2
    elif compresslevel == _COMPRESS_LEVEL_FAST:
        xfl = 4
    else:
        xfl = 0
    return struct.pack("<BBBBLBB", 0x1f, 0x8b, 8, 0, int(mtime), xfl, 255)


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """data gzip-compressed, as bytes: one member with mtime (the current time when None)."""
    if mtime is None:
        mtime = time.time()
    if mtime == 0:
        # zlib's own gzip header has mtime 0 (and zlib's OS and extra-flags bytes)
        return zlib.compress(data, level=compresslevel, wbits=31)
    header = _create_simple_gzip_header(compresslevel, mtime)
    trailer = struct.pack("<LL", zlib.crc32(data), (len(data) & 0xffffffff))
    # wbits=-15: a raw deflate stream, the gzip wrapping being written here
    return (header + zlib.compress(data, level=compresslevel, wbits=-15) + trailer)


def decompress(data):
    """The bytes of gzip data (all its members, one after the other)."""
    decompressed_members = []
    while True:
        fp = io.BytesIO(data)
        if _read_gzip_header(fp) is None:
            return b"".join(decompressed_members)
        do = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
        decompressed = do.decompress(data[fp.tell():])
        if not do.eof or len(do.unused_data) < 8:
            raise EOFError("Compressed file ended before the end-of-stream "
                           "marker was reached")
        crc, length = struct.unpack("<II", do.unused_data[:8])
        if crc != zlib.crc32(decompressed):
            raise BadGzipFile("CRC check failed")
        if length != (len(decompressed) & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        decompressed_members.append(decompressed)
        data = do.unused_data[8:].lstrip(b"\x00")


# ---------------------------------------------------------------------------------------------
# `python -m gzip [--fast | --best | -d] [file ...]`: gzip/gunzip without deleting the input.
# The command line is parsed as CPython's argparse parser for this tool parses it (the same
# usage, help and error messages, exit status 2 on a usage error), without argparse.

_USAGE = 'usage: gzip.py [-h] [--fast | --best | -d] [file ...]\n'

_HELP = _USAGE + '''
A simple command line interface for the gzip module: act like gzip, but do not
delete the input file.

positional arguments:
  file

options:
  -h, --help        show this help message and exit
  --fast            compress faster
  --best            compress better
  -d, --decompress  act like gunzip instead of gzip
'''

# Long option → (its name in error messages, the action); the last three exclude each other.
_CLI_OPTIONS = {
    '--help': ('-h/--help', 'help'),
    '--fast': ('--fast', 'fast'),
    '--best': ('--best', 'best'),
    '--decompress': ('-d/--decompress', 'decompress'),
}
_CLI_SHORT = {'h': '--help', 'd': '--decompress'}


class _UsageError(Exception):
    pass


def _cli_words(args):
    # (options as their long names, in order; positionals; unrecognized arguments)
    options, positionals, unrecognized = [], [], []
    only_positionals = False
    for arg in args:
        if only_positionals or not arg.startswith('-') or arg == '-' or _is_number(arg):
            positionals.append(arg)
        elif arg == '--':
            only_positionals = True
        elif arg.startswith('--'):
            name, eq, explicit = arg.partition('=')
            matches = [o for o in _CLI_OPTIONS if o.startswith(name)] if name != '--' else []
            if name in _CLI_OPTIONS:
                matches = [name]
            if len(matches) > 1:
                raise _UsageError(f'ambiguous option: {name} could match {", ".join(matches)}')
            if not matches:
                unrecognized.append(arg)
            elif eq:
                raise _UsageError(f'argument {_CLI_OPTIONS[matches[0]][0]}: '
                                  f'ignored explicit argument {explicit!r}')
            else:
                options.append(matches[0])
        elif arg[1] not in _CLI_SHORT:
            unrecognized.append(arg)
        else:
            # A cluster of flags (-dh): each letter after the first must be a flag too.
            for k in range(1, len(arg)):
                option = _CLI_SHORT.get(arg[k])
                if option is None:
                    previous = _CLI_OPTIONS[_CLI_SHORT[arg[k - 1]]][0]
                    raise _UsageError(f'argument {previous}: ignored explicit argument {arg[k:]!r}')
                options.append(option)
    return options, positionals, unrecognized


def _is_number(arg):
    # argparse's negative numbers: -N, -N.N or -.N (then a positional, as the parser has no
    # option that looks like one)
    whole, dot, fraction = arg[1:].partition('.')
    if dot:
        return fraction.isdigit() and fraction.isascii() and (whole == '' or whole.isdigit() and whole.isascii())
    return whole.isdigit() and whole.isascii()


def _parse_cli(args):
    # (compresslevel, decompress, files); SystemExit on -h and usage errors.
    try:
        options, files, unrecognized = _cli_words(args)
        chosen = None
        for option in options:
            if option == '--help':
                sys.stdout.write(_HELP)
                sys.exit(0)
            if chosen is not None and chosen != option:
                raise _UsageError(f'argument {_CLI_OPTIONS[option][0]}: '
                                  f'not allowed with argument {_CLI_OPTIONS[chosen][0]}')
            chosen = option
        if unrecognized:
            raise _UsageError(f'unrecognized arguments: {" ".join(unrecognized)}')
    except _UsageError as e:
        sys.stderr.write(_USAGE)
        sys.stderr.write(f'gzip.py: error: {e}\n')
        sys.exit(2)
    level = {'--fast': _COMPRESS_LEVEL_FAST, '--best': _COMPRESS_LEVEL_BEST}.get(
        chosen, _COMPRESS_LEVEL_TRADEOFF)
    return level, chosen == '--decompress', files or ['-']


def main():
    compresslevel, decompress, files = _parse_cli(sys.argv[1:])
    for arg in files:
        if decompress:
            if arg == "-":
                source = GzipFile(filename="", mode="rb", fileobj=sys.stdin.buffer)
                target = sys.stdout.buffer
            else:
                if arg[-3:] != ".gz":
                    sys.exit(f"filename doesn't end in .gz: {arg!r}")
                source = open(arg, "rb")
                target = builtins.open(arg[:-3], "wb")
        else:
            if arg == "-":
                source = sys.stdin.buffer
                target = GzipFile(filename="", mode="wb", fileobj=sys.stdout.buffer,
                                  compresslevel=compresslevel)
            else:
                source = builtins.open(arg, "rb")
                target = open(arg + ".gz", "wb", compresslevel)
        while True:
            chunk = source.read(io.DEFAULT_BUFFER_SIZE)
            if not chunk:
                break
            target.write(chunk)
        if target is not sys.stdout.buffer:
            target.close()
        if source is not sys.stdin.buffer:
            source.close()


if __name__ == '__main__':
    main()
