"""Conversions between Python values and C structs held in bytes: pack, unpack, pack_into,
unpack_from, iter_unpack, calcsize, the Struct class and struct.error. The work is done by the
TypeScript module _struct."""

__all__ = [
    # functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack',

    # classes
    'Struct',

    # exceptions
    'error'
]

from _struct import *
from _struct import _clearcache
from _struct import __doc__
