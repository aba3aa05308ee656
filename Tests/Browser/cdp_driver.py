#!/usr/bin/env python3
"""Drives headless Chromium through the Chrome DevTools Protocol, standard library only.

Usage: cdp_driver.py STEPS.json OUT_DIR
STEPS.json is a list of steps, run in order in one browser (so cookies carry over):
  {"open": URL, "save": NAME}           load URL; save its DOM as NAME.html and a PNG screenshot
  {"fill": CSS, "value": TEXT}          set a field's value
  {"submit": CSS, "save": NAME}         submit a form (requestSubmit), wait for the next page, save it
Prints one JSON line per saved page: {"name", "url", "title"}. Exits non-zero on any failure.
"""
import base64, json, os, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request


class WebSocket:
    """A minimal RFC 6455 client: text frames out (masked), whole messages in."""

    def __init__(self, url):
        assert url.startswith("ws://")
        host_port, path = url[5:].split("/", 1)
        host, port = host_port.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(1)
        if b" 101 " not in response.split(b"\r\n")[0]:
            raise RuntimeError(f"websocket handshake failed: {response!r}")

    def send(self, text):
        data = text.encode()
        header = bytes([0x81])
        if len(data) < 126:
            header += bytes([0x80 | len(data)])
        elif len(data) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(data))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exactly(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise RuntimeError("the browser closed the connection")
            data += chunk
        return data

    def receive(self):
        message = b""
        while True:
            first, second = self._exactly(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._exactly(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._exactly(8))[0]
            payload = self._exactly(length)
            if first & 0x0F == 0x8:
                raise RuntimeError("the browser closed the websocket")
            message += payload
            if first & 0x80:
                return message.decode()


class Page:
    def __init__(self, ws):
        self.ws, self.next_id, self.events = ws, 0, []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for_load(self):
        deadline = time.time() + 60
        while time.time() < deadline:
            if any(e.get("method") == "Page.loadEventFired" for e in self.events):
                self.events.clear()
                return
            self.events.append(json.loads(self.ws.receive()))
        raise RuntimeError("the page did not load within 60 s")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def save(self, name, out):
        html = self.evaluate("document.documentElement.outerHTML")
        with open(os.path.join(out, name + ".html"), "w", encoding="utf-8") as file:
            file.write(html)
        height = int(self.evaluate("Math.ceil(document.documentElement.scrollHeight)") or 800)
        self.call("Emulation.setDeviceMetricsOverride", width=1280, height=min(max(height, 600), 6000), deviceScaleFactor=1, mobile=False)
        shot = self.call("Page.captureScreenshot", format="png")
        with open(os.path.join(out, name + ".png"), "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        self.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        print(json.dumps({"name": name, "url": self.evaluate("location.href"), "title": self.evaluate("document.title")}), flush=True)


def main(steps_path, out):
    with open(steps_path, encoding="utf-8") as file:
        steps = json.load(file)
    os.makedirs(out, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="outpost-chromium-")
    browser = subprocess.Popen([os.environ.get("CHROMIUM", "chromium"), "--headless=new", "--no-sandbox", "--disable-gpu",
                                "--no-first-run", "--disable-extensions", "--remote-debugging-port=0",
                                f"--user-data-dir={profile}", "--window-size=1280,900", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 60
        while not (os.path.exists(port_file) and open(port_file).read().count("\n") >= 1):
            if time.time() > deadline or browser.poll() is not None:
                raise RuntimeError("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        port = open(port_file).read().split("\n")[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = Page(WebSocket(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"]))
        page.call("Page.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        for step in steps:
            if "open" in step:
                page.call("Page.navigate", url=step["open"])
                page.wait_for_load()
            elif "fill" in step:
                selector, value = json.dumps(step["fill"]), json.dumps(step["value"])
                if not page.evaluate(f"(function(){{var f=document.querySelector({selector}); if(!f) return false; f.value={value}; return true;}})()"):
                    raise RuntimeError(f"no field {step['fill']}")
            elif "submit" in step:
                selector = json.dumps(step["submit"])
                if not page.evaluate(f"(function(){{var f=document.querySelector({selector}); if(!f) return false; f.requestSubmit(); return true;}})()"):
                    raise RuntimeError(f"no form {step['submit']}")
                page.wait_for_load()
            if "save" in step:
                page.save(step["save"], out)
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    try:
        main(sys.argv[1], sys.argv[2])
    except Exception as error:  # one line on stderr, non-zero exit
        sys.exit(f"cdp_driver: {error}")
