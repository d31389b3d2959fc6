#!/usr/bin/env python3
"""Finds where this interpreter keeps its GIL, from inside (for partop's GilLayout table).

Sets the switch interval to 12.3 ms, then scans _PyRuntime for 12300 (the GIL's `interval`,
in µs): the next fields are last_holder (this thread's state), locked (1) and switch_number.
Also finds native_thread_id in this thread's PyThreadState. Run it with each interpreter:
    $(pyenv prefix 3.12.1)/bin/python3 scripts/bench/gil-offsets.py
"""
import ctypes, struct, sys, threading

sys.setswitchinterval(0.0123)
api = ctypes.pythonapi
runtime = ctypes.addressof(ctypes.c_char.in_dll(api, '_PyRuntime'))
size = 300000
mem = ctypes.string_at(runtime, size)
api.PyThreadState_Get.restype = ctypes.c_void_p
tstate = api.PyThreadState_Get()
for off in range(0, size - 32, 8):
    if struct.unpack_from('<Q', mem, off)[0] != 12300:
        continue
    holder, = struct.unpack_from('<Q', mem, off + 8)
    locked, = struct.unpack_from('<i', mem, off + 16)
    switches, = struct.unpack_from('<Q', mem, off + 24)
    print(sys.version.split()[0], 'GIL interval at _PyRuntime +', off, 'holder is this thread:', holder == tstate,
          'locked', locked, 'switch_number', switches)
ts = ctypes.string_at(tstate, 4096)
nid = threading.get_native_id()
print('native_thread_id at PyThreadState +', [o for o in range(0, 4096 - 8, 8) if struct.unpack_from('<Q', ts, o)[0] == nid])
