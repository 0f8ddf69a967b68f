# Object-heavy: a cooperative task scheduler with classes, inheritance, queues and method calls.
import sys

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 660000


class Packet:
    def __init__(self, dest, kind, payload):
        self.dest = dest
        self.kind = kind
        self.payload = payload
        self.link = None


class Task:
    def __init__(self, scheduler, ident, priority):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.inbox = []
        self.handled = 0
        self.checksum = 0

    def post(self, packet):
        self.inbox.append(packet)

    def ready(self):
        return len(self.inbox) > 0

    def step(self):
        packet = self.inbox.pop()
        self.handled += 1
        self.checksum = (self.checksum * 31 + packet.payload) % 1000003
        self.handle(packet)

    def handle(self, packet):
        raise NotImplementedError


class Worker(Task):
    def handle(self, packet):
        if packet.kind == 0:
            packet.payload = (packet.payload * 7 + self.ident) % 997
            packet.dest = (packet.dest + 1) % self.scheduler.ntasks
            packet.kind = 1
        else:
            packet.payload = packet.payload + 3
            packet.dest = self.ident % 3
            packet.kind = 0
            if packet.payload % 11 == 0:
                return  # the packet is consumed
        self.scheduler.send(packet)


class Device(Task):
    def handle(self, packet):
        self.scheduler.ticks += packet.payload % 5
        packet.dest = (packet.dest * 5 + 1) % self.scheduler.ntasks
        self.scheduler.send(packet)


class Idle(Task):
    def handle(self, packet):
        self.scheduler.idle_hits += 1


class Scheduler:
    def __init__(self, ntasks):
        self.ntasks = ntasks
        self.tasks = []
        self.ticks = 0
        self.idle_hits = 0
        self.sent = 0
        for i in range(ntasks):
            if i % 4 == 3:
                self.tasks.append(Device(self, i, i % 3))
            else:
                self.tasks.append(Worker(self, i, i % 5))
        self.idle = Idle(self, ntasks, 0)

    def send(self, packet):
        self.sent += 1
        self.tasks[packet.dest].post(packet)

    def run(self, rounds):
        for r in range(rounds):
            ran = False
            for task in self.tasks:
                if task.ready():
                    task.step()
                    ran = True
            if not ran:
                self.idle.post(Packet(0, 0, r))
                self.idle.step()
                for k in range(3):
                    self.send(Packet((r + k) % self.ntasks, k % 2, r + k))


s = Scheduler(16)
for k in range(8):
    s.send(Packet(k, k % 2, k))
s.run(ROUNDS)
total = 0
for t in s.tasks:
    total = (total * 17 + t.handled * 3 + t.checksum) % 1000000007
print("sent", s.sent, "ticks", s.ticks, "idle", s.idle_hits)
print("checksum", total)
