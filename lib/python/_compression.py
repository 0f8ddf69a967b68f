"""Shared machinery of the compressed-file modules (gzip here): BaseStream, the mode checks of
a buffered compressed file, and DecompressReader, a raw reader that turns a decompressor object
(decompress(data, max_length), eof, unused_data) over a file into a seekable byte stream."""

import io
import sys

BUFFER_SIZE = io.DEFAULT_BUFFER_SIZE  # compressed bytes read at a time


class BaseStream(io.BufferedIOBase):
    """The checks compressed-file classes make before reading, writing or seeking."""

    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def _check_can_read(self):
        if not self.readable():
            raise io.UnsupportedOperation("File not open for reading")

    def _check_can_write(self):
        if not self.writable():
            raise io.UnsupportedOperation("File not open for writing")

    def _check_can_seek(self):
        if not self.readable():
            raise io.UnsupportedOperation("Seeking is only supported "
                                          "on files open for reading")
        if not self.seekable():
            raise io.UnsupportedOperation("The underlying file object "
                                          "does not support seeking")


class DecompressReader(io.RawIOBase):
    """A raw reader of the decompressed bytes of fp. decomp_factory(**decomp_args) makes a
    decompressor for each compressed stream (a file may hold several); seeking backwards starts
    over from the beginning."""

    def readable(self):
        return True

    def __init__(self, fp, decomp_factory, trailing_error=(), **decomp_args):
        self._fp = fp
        self._eof = False
        self._pos = 0       # position in the decompressed data
        self._size = -1     # its size, once known (for SEEK_END)
        self._decomp_factory = decomp_factory
        self._decomp_args = decomp_args
        self._decompressor = self._decomp_factory(**self._decomp_args)
        # errors of the decompressor that mean "trailing garbage", to be ignored
        self._trailing_error = trailing_error

    def close(self):
        self._decompressor = None
        return super().close()

    def seekable(self):
        return self._fp.seekable()

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def read(self, size=-1):
        if size < 0:
            return self.readall()
        if not size or self._eof:
            return b""
        data = None
        # A decompress() call may return nothing for some input: go on until data or EOF.
        while True:
            if self._decompressor.eof:
                rawblock = (self._decompressor.unused_data or self._fp.read(BUFFER_SIZE))
                if not rawblock:
                    break
                # another compressed stream follows
                self._decompressor = self._decomp_factory(**self._decomp_args)
                try:
                    data = self._decompressor.decompress(rawblock, size)
                except self._trailing_error:
                    # trailing data that is not a compressed stream: ignored
                    break
            else:
                if self._decompressor.needs_input:
                    rawblock = self._fp.read(BUFFER_SIZE)
                    if not rawblock:
                        raise EOFError("Compressed file ended before the "
                                       "end-of-stream marker was reached")
                else:
                    rawblock = b""
                data = self._decompressor.decompress(rawblock, size)
            if data:
                break
        if not data:
            self._eof = True
            self._size = self._pos
            return b""
        self._pos += len(data)
        return data

    def readall(self):
        chunks = []
        # sys.maxsize: no output limit, each call decompresses all the input it is given
        while data := self.read(sys.maxsize):
            chunks.append(data)
        return b"".join(chunks)

    def _rewind(self):
        # back to the start of the decompressed data
        self._fp.seek(0)
        self._eof = False
        self._pos = 0
        self._decompressor = self._decomp_factory(**self._decomp_args)

    def seek(self, offset, whence=io.SEEK_SET):
        if whence == io.SEEK_SET:
            pass
        elif whence == io.SEEK_CUR:
            offset = self._pos + offset
        elif whence == io.SEEK_END:
            if self._size < 0:
                while self.read(io.DEFAULT_BUFFER_SIZE):
                    pass
            offset = self._size + offset
        else:
            raise ValueError("Invalid value for whence: {}".format(whence))
        # offset becomes the number of bytes to skip forward
        if offset < self._pos:
            self._rewind()
        else:
            offset -= self._pos
        while offset > 0:
            data = self.read(min(io.DEFAULT_BUFFER_SIZE, offset))
            if not data:
                break
            offset -= len(data)
        return self._pos

    def tell(self):
        """The position in the decompressed data."""
        return self._pos
