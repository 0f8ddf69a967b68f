import typing as t
print(t.Tuple[()], t.Tuple[()].__args__, t.Tuple[int, ...].__args__, t.Tuple[int,...])
print(t.List[1] if True else '')
for expr in ["t.Optional[int, str]", "t.Union[()]", "t.ClassVar[int, str]", "t.Callable[int, str]", "t.Callable[[int]]",
             "t.List[int, str]", "t.Any[int]", "t.Generic[int]", "t.List()", "t.Generic[()]", "t.Dict[int]", "t.NoReturn[int]",
             "t.Union[int, t.Generic]", "t.List[t.ClassVar[int]]", "t.Literal()", "t.Annotated[int]", "t.Annotated()",
             "t.Callable[[int], t.Final[int]]", "t.Concatenate[int]", "t.Concatenate[()]", "t.TypeVar('X', int)",
             "t.TypeVar('X', int, str, bound=int)", "t.TypeVar('X', covariant=True, contravariant=True)", "t.List[int][str]",
             "t.Union[int, str]()", "t.Any()", "isinstance(1, t.Any)", "isinstance(1, t.Union)", "issubclass(int, t.ClassVar)",
             "isinstance([], t.List[int])", "t.Optional()", "type('X', (t.Union,), {})"]:
    try:
        print(expr, '->', eval(expr))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
print(t.Deque(), t.DefaultDict(int), t.Counter('aab'), t.OrderedDict(a=1))
print(t.Union[int, t.List[int], None], t.Optional[t.Union[int, str]], t.Union[int, str] == t.Union[str, int])
print(t.Callable[[], int], t.Callable[..., int].__args__, t.Callable, t.Callable[[int, str], t.List[int]].__args__)
print(t.Unpack, t.Required[int], t.Concatenate)
Ts = t.TypeVarTuple('Ts')
print(Ts, t.Unpack[Ts], t.Tuple[t.Unpack[Ts]])
P = t.ParamSpec('P')
print(P, P.args, P.kwargs, t.Callable[P, int], t.Callable[t.Concatenate[int, P], int])
T = t.TypeVar('T')
print(t.Callable[[T], T][int], t.Callable[P, T][[int, str], bool])
print(t.Dict[str, T][int], t.Dict[str, t.List[T]][int], type(t.List[T]).__mro__)
print(t.Literal[1, 'a', True, 1], t.Literal[1] == t.Literal[1], t.Literal[1, 2] == t.Literal[2, 1], t.Literal[t.Literal[1, 2], 3])
print(t.Annotated[int, 'x', 3], t.Annotated[t.Annotated[int, 1], 2], t.get_args(t.Annotated[int, 1]))
print(t.Type[int], t.FrozenSet[int], t.Iterable[int], t.Generator[int, None, None], t.AbstractSet[int], t.ContextManager[int])
print(t.Hashable, t.Sized, t.Text, t.AnyStr, t.SupportsInt)
print(t.NoReturn, t.Never, t.Self, t.LiteralString, t.TypeAlias, t.Final, t.Final[int], t.TypeGuard[int])
print(repr(t.Generic), repr(t.Protocol), t.Any, type(t.Any))
print(t.List[int].__origin__, t.List.__name__, t.List[int]._name, t.List[int].__name__)
print(t.List[int] is t.List[int], t.Union[int, str] is t.Union[int, str], t.List[int] == list[int], t.List[int] == t.List[int])
print(isinstance([], t.List), issubclass(list, t.List), isinstance({}, t.Mapping), issubclass(dict, t.MutableMapping), isinstance(3, t.Hashable))
print(isinstance(3, t.Union[int, str]), isinstance(3.0, t.Optional[int]), issubclass(bool, t.Union[int, str]), isinstance(None, t.Optional[int]))
print(t.List[int] | None, int | t.List[str], t.Union[int, str] | float, T | None, t.Optional[T][int], t.Union[T, int][str])
print(t.Union[int, int], t.Union[int, t.Union[str, int]], t.Union[int | str, float], t.Union[int, str].__args__, t.Optional[int].__args__)
print(t.get_origin(t.List[int]), t.get_origin(t.Union[int, str]), t.get_origin(t.Annotated[int, 1]), t.get_origin(int), t.get_origin(t.Generic), t.get_origin(int | str), t.get_origin(list[int]), t.get_origin(t.Literal[1]), t.get_origin(P.args))
print(t.get_args(t.Dict[str, int]), t.get_args(t.Callable[[int], str]), t.get_args(t.Callable[..., str]), t.get_args(int | str), t.get_args(int), t.get_args(t.Tuple[()]), t.get_args(t.Literal[1, 2]))
import collections.abc as cabc
print(t.get_args(cabc.Callable[[int], str]), t.get_args(cabc.Callable[P, str]), t.get_origin(cabc.Callable[[int], str]))
print(T.__name__, T.__bound__, T.__constraints__, T.__covariant__, T.__module__, t.TypeVar('B', bound=int).__bound__, t.TypeVar('C', int, str).__constraints__)
print(t.TypeVar('X', covariant=True), t.TypeVar('Y', contravariant=True), t.TypeVar('S', bound='Foo').__bound__)
print(t.List[T].__parameters__, t.Dict[T, t.List[P]].__parameters__ if False else '', t.Callable[P, T].__parameters__, list[T].__parameters__, dict[T, list[T]][int])
print(t.Callable[[int], str] == t.Callable[[int], str], hash(t.Callable[[int], str]) == hash(t.Callable[[int], str]), t.Tuple[int, str].__args__)
