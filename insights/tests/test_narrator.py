"""The optional LLM narrator, against a fake chat-completions endpoint on 127.0.0.1."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from insights.narrator import narrate

FINDINGS = {
    "patterns": ["4/5 sessions done; misses cluster on Thursday"],
    "suggestions": [
        {
            "suggestion": "Lower %1RM by 2.5–5 on main lifts",
            "reasoning": "Median set RPE was 1.5 above plan over 3 sessions.",
        }
    ],
    "fatigueAnalysis": "Weekly load 2150 AU; monotony 1.4; load ratio 1.6.",
}
REPHRASED = {
    "patterns": ["You did 4/5 sessions; the misses were on Thursday"],
    "suggestions": [
        {
            "suggestion": "Take main lifts down by 2.5–5 %1RM",
            "reasoning": "Sets felt 1.5 RPE harder than planned across 3 sessions.",
        }
    ],
    "fatigueAnalysis": "You trained 2150 AU this week (monotony 1.4, load ratio 1.6).",
}


class FakeLLM(BaseHTTPRequestHandler):
    reply: object = None
    status = 200
    delay = 0.0
    received: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append((self.path, dict(self.headers), body))
        time.sleep(type(self).delay)
        content = self.reply if isinstance(self.reply, str) else json.dumps(self.reply)
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]})
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def llm(settings):
    FakeLLM.reply, FakeLLM.status, FakeLLM.delay, FakeLLM.received = REPHRASED, 200, 0.0, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLLM)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.LLM_BASE_URL = f"http://127.0.0.1:{server.server_port}/v1"
    settings.LLM_API_KEY = "test-key"
    settings.LLM_MODEL = "test-model"
    settings.LLM_TIMEOUT = 0.5
    yield FakeLLM
    server.shutdown()
    server.server_close()


def test_off_by_default_returns_the_findings(settings):
    settings.LLM_BASE_URL = ""
    assert narrate(FINDINGS) is FINDINGS


def test_a_good_reply_is_used_and_only_findings_are_sent(llm):
    assert narrate(FINDINGS) == REPHRASED
    path, headers, body = llm.received[0]
    assert path == "/v1/chat/completions"
    assert headers["Authorization"] == "Bearer test-key"
    assert body["model"] == "test-model"
    assert json.loads(body["messages"][1]["content"]) == FINDINGS


def test_a_fenced_json_reply_is_accepted(llm):
    llm.reply = "```json\n" + json.dumps(REPHRASED) + "\n```"
    assert narrate(FINDINGS) == REPHRASED


@pytest.mark.parametrize(
    "reply",
    [
        "Here is a nicer version of your week!",  # not JSON
        ["a list"],  # not an object
        {**REPHRASED, "extra": "key"},  # another shape
        {**REPHRASED, "patterns": []},  # an item lost
        {**REPHRASED, "patterns": [3]},  # fails the schema
        {**REPHRASED, "fatigueAnalysis": "You trained a lot this week."},  # numbers dropped
        {**REPHRASED, "suggestions": [{"suggestion": "Rest", "reasoning": "RPE was high."}]},
    ],
    ids=["prose", "list", "extra-key", "lost-item", "schema", "lost-numbers", "lost-reasoning"],
)
def test_a_bad_reply_falls_back_and_is_logged(llm, reply, caplog):
    llm.reply = reply
    assert narrate(FINDINGS) is FINDINGS
    assert "deterministic text kept" in caplog.text


def test_an_error_status_falls_back(llm, caplog):
    llm.status = 500
    assert narrate(FINDINGS) is FINDINGS
    assert "500" in caplog.text


def test_a_slow_endpoint_times_out_and_falls_back(llm, caplog):
    llm.delay = 1.5
    started = time.monotonic()
    assert narrate(FINDINGS) is FINDINGS
    assert time.monotonic() - started < 1.4
    assert "timed out" in caplog.text.lower()


def test_an_unreachable_endpoint_falls_back(settings, caplog):
    settings.LLM_BASE_URL, settings.LLM_MODEL, settings.LLM_TIMEOUT = "http://127.0.0.1:9", "m", 0.5
    assert narrate(FINDINGS) is FINDINGS
    assert "deterministic text kept" in caplog.text
