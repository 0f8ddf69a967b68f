# One loop reads attributes of objects of several classes whose instances lay their attributes out
# differently: a guard on one class proves nothing for another (reported against argparse).
SUPPRESS = "==SUPPRESS=="
class Action:
    def __init__(self, dest, default=None):
        self.option_strings = []; self.dest = dest; self.nargs = None; self.const = None
        self.default = default; self.type = None; self.choices = None; self.required = False; self.help = None
class Help(Action): pass
class Store(Action): pass
class StoreTrue(Action): pass
class Sub(Action):
    def __init__(self, dest, default=None):
        self.prefix = "p"; self.parser_class = None; self.name_map = {}; self.choices_actions = []
        super().__init__(dest, default)
class Namespace: pass
def fill_defaults(actions, ns):
    for action in actions:
        if action.dest is not SUPPRESS:
            if not hasattr(ns, action.dest):
                if action.default is not SUPPRESS:
                    setattr(ns, action.dest, action.default)
    return ns
KINDS = {"H": Help, "A": Store, "T": StoreTrue, "S": Sub}
CALLS = ['H S:cmd', 'H S:cmd', 'H A:n', 'H S:cmd', 'H A:n', 'H S:cmd', 'H T:force', 'H S:cmd',
         'H S:cmd', 'H T:force', 'H S:cmd', 'H A:x A:y', 'H A:x A:y', 'H A:foo A:cmd! A:rest!',
         'H A:foo+ A:cmd A:rest', 'H A:x']
for text in CALLS:
    ns, actions = Namespace(), []
    for word in text.split():
        if word == "H": actions.append(Help("help", SUPPRESS)); continue
        kind, dest = word.split(":"); present, suppressed = dest.endswith("+"), dest.endswith("!")
        dest = dest.rstrip("+!"); actions.append(KINDS[kind](dest, SUPPRESS if suppressed else None))
        if present: setattr(ns, dest, "given")
    print(sorted(vars(fill_defaults(actions, ns)).items()))
