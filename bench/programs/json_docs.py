# json: dumps and loads of a large document (nested dicts and lists, escapes, unicode, floats),
# with indent and sort_keys, and a round trip checked for equality.
import json
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 9000

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


def make_document(n):
    seed = 7
    people = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        name = WORDS[seed % 10] + " " + WORDS[(seed >> 5) % 10].upper()
        people.append({
            "id": i,
            "name": name,
            "score": (seed % 100000) / 100.0,
            "active": seed % 3 == 0,
            "manager": None if seed % 7 else i // 2,
            "tags": [WORDS[(seed >> k) % 10] for k in range(seed % 5)],
            "note": 'quote " backslash \\ tab \t newline \n caf\u00e9 \u2603' if seed % 11 == 0 else "",
            "history": [{"year": 2000 + k, "value": (seed >> k) % 1000 - 500} for k in range(3)],
        })
    return {"version": 3, "generated": "2026-12-06", "people": people, "ratio": 1 / 3, "big": 2**70}


def main(n):
    doc = make_document(n)
    compact = json.dumps(doc)
    pretty = json.dumps(doc, indent=2, sort_keys=True)
    ascii_off = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    print("lengths", len(compact), len(pretty), len(ascii_off))
    total = 0
    for text in (compact, pretty, ascii_off):
        back = json.loads(text)
        assert back == doc
        total += len(back["people"])
    again = json.loads(compact)
    scores = sum(p["score"] for p in again["people"])
    active = sum(1 for p in again["people"] if p["active"])
    tags = sum(len(p["tags"]) for p in again["people"])
    print("records", total, "active", active, "tags", tags, "scores %.2f" % scores)
    small = [json.dumps({"k": i, "v": [i, str(i), i / 4]}) for i in range(n * 4)]
    print("small", sum(len(s) for s in small), json.loads(small[-1]))


main(N)
