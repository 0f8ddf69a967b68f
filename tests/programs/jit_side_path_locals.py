# A local assigned only on a side path of a trace (a branch taken now and then) must reach the frame
# when the loop ends (argparse's usage wrapping).
def outer(text_width, parts_list):
    def get_lines(parts, indent, prefix=None):
        lines = []
        line = []
        indent_length = len(indent)
        if prefix is not None:
            line_len = len(prefix) - 1
        else:
            line_len = indent_length - 1
        for part in parts:
            if line_len + 1 + len(part) > text_width and line:
                lines.append(indent + ' '.join(line))
                line = []
                line_len = indent_length - 1
            line.append(part)
            line_len += len(part) + 1
        if line:
            lines.append(indent + ' '.join(line))
        if prefix is not None:
            lines[0] = lines[0][len(indent):]
        return lines
    out = []
    for parts in parts_list:
        out.append(get_lines(parts, "      ", "usage: "))
        out.append(get_lines(parts, "   "))
    return out
parts = ["[-h]", "[--store STORE]", "[--const]", "[--true]", "[--false]", "[--append APPEND]", "[--append-const]", "[--int]", "[-v]", "[--opt [OPT]]", "[--two A B]", "[--star [STAR ...]]"]
for w in (40, 60, 80) * 20:
    for r in outer(w, [parts, parts[:5], parts[3:]]):
        print(r)
