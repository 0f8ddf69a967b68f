"""`python -m json.tool [options] [infile] [outfile]`: validates JSON and pretty-prints it.

    $ echo '{"json":"obj"}' | python -m json.tool
    {
        "json": "obj"
    }
    $ echo '{ 1.2:3.4}' | python -m json.tool
    Expecting property name enclosed in double quotes: line 1 column 3 (char 2)

The command line is parsed here as CPython's argparse parser for this tool parses it (the same
usage, help and error messages, exit status 2 on a usage error), so that the tool does not need
argparse.
"""
import json
import sys

PROG = 'python -m json.tool'

USAGE = f'''usage: {PROG} [-h] [--sort-keys] [--no-ensure-ascii]
                           [--json-lines]
                           [--indent INDENT | --tab | --no-indent | --compact]
                           [infile] [outfile]
'''

HELP = USAGE + '''
A simple command line interface for json module to validate and pretty-print
JSON objects.

positional arguments:
  infile             a JSON file to be validated or pretty-printed
  outfile            write the output of infile to outfile

options:
  -h, --help         show this help message and exit
  --sort-keys        sort the output of dictionaries alphabetically by key
  --no-ensure-ascii  disable escaping of non-ASCII characters
  --json-lines       parse input using the JSON Lines format. Use with --no-
                     indent or --compact to produce valid JSON Lines output.
  --indent INDENT    separate items with newlines and use this number of
                     spaces for indentation
  --tab              separate items with newlines and use tabs for indentation
  --no-indent        separate items with spaces rather than newlines
  --compact          suppress all whitespace separation (most compact)
'''

# The long options, in the order the parser declares them; the last four exclude each other.
OPTIONS = ['--help', '--sort-keys', '--no-ensure-ascii', '--json-lines',
           '--indent', '--tab', '--no-indent', '--compact']
LAYOUT_OPTIONS = ('--indent', '--tab', '--no-indent', '--compact')


class _UsageError(Exception):
    pass


class _Options:
    def __init__(self):
        self.sort_keys = False
        self.ensure_ascii = True
        self.json_lines = False
        self.indent = 4
        self.compact = False
        self.infile = None
        self.outfile = None


def _full_option(arg):
    # The option an argument names, completing an unambiguous prefix.
    name = arg.split('=', 1)[0] if arg.startswith('--') else arg
    if name == '-h':
        return '--help'
    if name in OPTIONS:
        return name
    if name.startswith('--') and len(name) > 2:
        matches = [option for option in OPTIONS if option.startswith(name)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise _UsageError(f'ambiguous option: {name} could match {", ".join(matches)}')
    return None


def _looks_like_option(arg):
    if not arg.startswith('-') or arg == '-':
        return False
    try:
        float(arg)
    except ValueError:
        return True
    return False


def _open_infile(name):
    if name == '-':
        return sys.stdin
    try:
        return open(name, encoding='utf-8')
    except OSError as e:
        raise _UsageError(f"argument infile: can't open '{name}': {e}")


def _parse(args):
    options = _Options()
    positionals = []
    unrecognized = []
    layout = None
    i = 0
    only_positionals = False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_positionals or not _looks_like_option(arg):
            positionals.append(arg)
            continue
        if arg == '--':
            only_positionals = True
            continue
        option = _full_option(arg)
        if option is None:
            unrecognized.append(arg)
            continue
        explicit = arg.split('=', 1)[1] if '=' in arg and arg.startswith('--') else None
        if option in LAYOUT_OPTIONS:
            if layout is not None and layout != option:
                raise _UsageError(f'argument {option}: not allowed with argument {layout}')
            layout = option
        if option == '--indent':
            if explicit is None:
                if i >= len(args) or _looks_like_option(args[i]):
                    raise _UsageError('argument --indent: expected one argument')
                explicit = args[i]
                i += 1
            try:
                options.indent = int(explicit)
            except ValueError:
                raise _UsageError(f"argument --indent: invalid int value: '{explicit}'")
            continue
        if explicit is not None:
            raise _UsageError(f'argument {option}: ignored explicit argument {explicit!r}')
        if option == '--help':
            sys.stdout.write(HELP)
            raise SystemExit(0)
        if option == '--sort-keys':
            options.sort_keys = True
        elif option == '--no-ensure-ascii':
            options.ensure_ascii = False
        elif option == '--json-lines':
            options.json_lines = True
        elif option == '--tab':
            options.indent = '\t'
        elif option == '--no-indent':
            options.indent = None
        elif option == '--compact':
            options.compact = True
    if positionals:
        options.infile = _open_infile(positionals[0])
    if len(positionals) > 1:
        options.outfile = positionals[1]
    unrecognized.extend(positionals[2:])
    if unrecognized:
        raise _UsageError(f'unrecognized arguments: {" ".join(unrecognized)}')
    if options.infile is None:
        options.infile = sys.stdin
    return options


def main():
    try:
        options = _parse(sys.argv[1:])
    except _UsageError as e:
        sys.stderr.write(USAGE)
        sys.stderr.write(f'{PROG}: error: {e}\n')
        raise SystemExit(2)

    dump_args = {
        'sort_keys': options.sort_keys,
        'indent': options.indent,
        'ensure_ascii': options.ensure_ascii,
    }
    if options.compact:
        dump_args['indent'] = None
        dump_args['separators'] = ',', ':'

    infile = options.infile
    try:
        try:
            if options.json_lines:
                objs = (json.loads(line) for line in infile)
            else:
                objs = (json.load(infile),)
            if options.outfile is None:
                out = sys.stdout
            else:
                out = open(options.outfile, 'w', encoding='utf-8')
            with out as outfile:
                for obj in objs:
                    json.dump(obj, outfile, **dump_args)
                    outfile.write('\n')
        except ValueError as e:
            raise SystemExit(e)
    finally:
        if infile is not sys.stdin:
            infile.close()


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)
