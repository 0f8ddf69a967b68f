# tb_lasti names the instruction that raised (not its last cache unit), and a call's last cache
# unit when the exception came from the called function's frame, as CPython 3.11's does.
import dis, sys
def probe(fn):
    try:
        fn()
    except Exception as e:
        tb = e.__traceback__.tb_next
        ins = {i.offset: i.opname for i in dis.get_instructions(tb.tb_frame.f_code, show_caches=True)}
        # the instruction at or before tb_lasti
        at = tb.tb_lasti
        name = ins.get(at)
        start = max(o for o, n in ins.items() if o <= at and n != "CACHE")
        print(fn.__name__, ins[start], "cache" if name == "CACHE" else "start")
def binop(): return 1 / 0
def subscr(): return [][1]
def attr(): return (1).foo
def storeattr(): (1).foo = 2
def compare(): return 1 < "a"
def glob(): return undefined_name
def callf(): return len(1)
def unpack(): a, b = [1]
def storesub(): (1,)[0] = 2
def foriter():
    for x in 5: pass
def callmeth(): return "a".join(1)
for f in [binop, subscr, attr, storeattr, compare, glob, callf, unpack, storesub, foriter, callmeth]:
    probe(f)
def inner(): raise ValueError
def callpy(): return inner()
def callpy2():
    x = [inner]
    return x[0]()
try:
    callpy()
except Exception as e:
    tb = e.__traceback__.tb_next
    ins = {i.offset: i.opname for i in dis.get_instructions(tb.tb_frame.f_code, show_caches=True)}
    print("callpy", ins[tb.tb_lasti])
