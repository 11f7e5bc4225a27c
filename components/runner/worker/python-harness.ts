/**
 * The Python side of the Python engine, defined once per interpreter. Each run gets fresh globals, its own
 * standard input, and output streams that call back into JavaScript; tracebacks leave out the harness's own
 * frames, as `python main.py` would print them. Outcomes come back as JSON text: no proxies to release.
 */
export const PYTHON_HARNESS = String.raw`
import builtins, io, json, linecache, sys, traceback

class _MockroomStop(BaseException):
    """The output limit: raised into the program, which stops (the page ends it if it insists)."""

class _MockroomSink(io.TextIOBase):
    """Line-buffered: each call into JavaScript costs more than a print."""
    def __init__(self, write):
        self._write = write
        self._pending = []
        self._size = 0
    def writable(self):
        return True
    @property
    def encoding(self):
        return "utf-8"
    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._pending.append(text)
        self._size += len(text)
        if "\n" in text or self._size >= 8192:
            self.flush()
        return len(text)
    def flush(self):
        if not self._pending:
            return
        text = "".join(self._pending)
        self._pending = []
        self._size = 0
        if not self._write(text):
            raise _MockroomStop()

class _MockroomCapture(io.StringIO):
    def __init__(self, limit):
        super().__init__()
        self._left = limit
    def write(self, text):
        self._left -= len(text)
        if self._left < 0:
            raise _MockroomStop()
        return super().write(text)

_mockroom_globals = {}

def _mockroom_trace(error):
    return "".join(traceback.format_exception(type(error), error, error.__traceback__.tb_next))

def _mockroom_failure(error):
    if isinstance(error, (KeyboardInterrupt, _MockroomStop)):
        return ["stopped", ""]
    if isinstance(error, MemoryError):
        return ["memory", ""]
    if isinstance(error, SystemExit):
        if error.code is None or error.code == 0:
            return None
        return ["error", f"SystemExit: {error.code}\n"]
    return ["error", _mockroom_trace(error)]

def _mockroom_flush(*streams):
    for stream in streams:
        try:
            stream.flush()
        except BaseException:
            pass

def _mockroom_exec(code, stdin, out, err):
    global _mockroom_globals
    _mockroom_globals = {"__name__": "__main__", "__builtins__": builtins}
    linecache.cache["main.py"] = (len(code), None, code.splitlines(True), "main.py")
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        exec(compile(code, "main.py", "exec"), _mockroom_globals)
        return None
    except BaseException as error:
        return _mockroom_failure(error)
    finally:
        _mockroom_flush(out, err)
        sys.stdin, sys.stdout, sys.stderr = saved

def _mockroom_run(code, stdin, write_out, write_err):
    failure = _mockroom_exec(code, stdin, _MockroomSink(write_out), _MockroomSink(write_err))
    return json.dumps(failure)

def _mockroom_run_captured(code, stdin, limit, write_err):
    out = _MockroomCapture(limit)
    failure = _mockroom_exec(code, stdin, out, _MockroomSink(write_err))
    return json.dumps([out.getvalue(), failure])

def _mockroom_plain(value):
    if isinstance(value, (set, frozenset)):
        try:
            return sorted(value)
        except TypeError:
            return list(value)
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

def _mockroom_entry(name):
    found = _mockroom_globals.get(name)
    solution = _mockroom_globals.get("Solution")
    if found is None and isinstance(solution, type):
        found = getattr(solution(), name, None)
    return found if callable(found) else None

def _mockroom_call(name, args_json, write_out, write_err):
    function = _mockroom_entry(name)
    if function is None:
        return json.dumps(["error", f"NameError: name '{name}' is not defined: the tests call a function named {name}.\n"])
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err = _MockroomSink(write_out), _MockroomSink(write_err)
    try:
        value = function(*json.loads(args_json))
    except BaseException as error:
        return json.dumps(_mockroom_failure(error) or ["error", "The function exited (SystemExit) instead of returning.\n"])
    finally:
        _mockroom_flush(out, err)
        sys.stdout, sys.stderr = saved
    try:
        return json.dumps(["ok", json.dumps(value, default=_mockroom_plain)])
    except (TypeError, ValueError, RecursionError) as error:
        return json.dumps(["error", f"The returned value cannot be compared with the expected value: {error}\n"])
`;
