try:
    raise ExceptionGroup("many", [ValueError("a"), TypeError("b")])
except* ValueError:
    print("handled the ValueError")
