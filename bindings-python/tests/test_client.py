"""onr.client.Client against a test stand-in: a real HTTP server on 127.0.0.1, started here,
answering with scripted replies (CAS, the edge's Caller-Id/CSRF checks, an import processed
asynchronously, the feed). It applies none of ONR's rules."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List, Tuple

import pytest

import onr
from onr.client import Client

SVC = "/oppijanumerorekisteri-service"
Reply = Tuple[int, Dict[str, str], str, float]


class StandIn:
    """Scripted replies per (method, path-with-query or path); the last reply repeats."""

    def __init__(self, routes: Dict[Tuple[str, str], List[Reply]]) -> None:
        self.routes = routes
        self.requests: List[Dict[str, Any]] = []
        self.lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def handle_one(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                cookies = dict(c.strip().split("=", 1) for c in (self.headers.get("Cookie") or "").split(";") if "=" in c)
                with stand_in.lock:
                    stand_in.requests.append({"method": method, "url": self.path, "headers": dict(self.headers), "cookies": cookies, "body": body})
                    status, headers, text, delay = stand_in.reply(method, self.path, self.headers, cookies)
                time.sleep(delay)
                data = text.encode()
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self.handle_one("GET")

            def do_POST(self) -> None:
                self.handle_one("POST")

            def do_PUT(self) -> None:
                self.handle_one("PUT")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def reply(self, method: str, url: str, headers: Any, cookies: Dict[str, str]) -> Reply:
        caller = headers.get("Caller-Id") or ""
        if not caller or any(not (c.isascii() and (c.isalnum() or c in ".-()")) for c in caller):
            return (403, {}, "Caller-Id header is missing or invalid", 0.0)
        if headers.get("CSRF") is None or headers.get("CSRF") != cookies.get("CSRF"):
            return (403, {}, "CSRF header and cookie are missing or differ", 0.0)
        path = url.split("?")[0]
        for key in ((method, url), (method, path)):
            if key in self.routes:
                replies = self.routes[key]
                return replies.pop(0) if len(replies) > 1 else replies[0]
        return (404, {}, '{"message":"no scripted route"}', 0.0)

    def to(self, method: str, path: str) -> List[Dict[str, Any]]:
        return [r for r in self.requests if r["method"] == method and r["url"].split("?")[0] == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def js(body: Any, status: int = 200, delay: float = 0.0) -> Reply:
    return (status, {"Content-Type": "application/json"}, json.dumps(body), delay)


def cas_routes() -> Dict[Tuple[str, str], List[Reply]]:
    return {
        ("POST", "/cas/v1/tickets"): [(201, {"Location": "/cas/v1/tickets/TGT-1"}, "", 0.0)],
        ("POST", "/cas/v1/tickets/TGT-1"): [(200, {}, "ST-1", 0.0)],
        ("GET", f"{SVC}/j_spring_cas_security_check"): [(200, {"Set-Cookie": "JSESSIONID=s1; Path=/"}, "", 0.0)],
    }


def status(id: int, n: int, done: int, delay: float = 0.0) -> Reply:
    return js({"id": id, "kasiteltavia": n, "kasiteltyja": done, "kasitelty": n == done}, delay=delay)


@pytest.fixture
def creds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONR_CAS_USERNAME", "svc")
    monkeypatch.setenv("ONR_CAS_PASSWORD", "pw-secret")
    monkeypatch.delenv("ONR_OAUTH2_CLIENT_ID", raising=False)


@pytest.fixture
def standin() -> Iterator[StandIn]:
    routes = cas_routes()
    routes[("PUT", f"{SVC}/oppija")] = [js({"id": 3, "kasiteltavia": 1, "kasiteltyja": 0, "kasitelty": False})]
    routes[("GET", f"{SVC}/oppija/tuonti=3/perustiedot")] = [status(3, 1, 0), status(3, 1, 1)]
    routes[("GET", f"{SVC}/oppija/tuonti=3")] = [js({"id": 3, "kasiteltavia": 1, "kasiteltyja": 1, "kasitelty": True,
        "henkilot": [{"tunniste": "t1", "henkilo": {"oid": "1.2.246.562.24.10000000003", "luotu": 0}, "conflict": True}]})]
    routes[("GET", f"{SVC}/oppija/tuonti=4/perustiedot")] = [status(4, 1, 1, delay=0.6)]
    routes[("GET", f"{SVC}/oppija/muuttuneet")] = [js({"results": [{"oid": "S", "master": {"oid": "M"}}]})]
    s = StandIn(routes)
    yield s
    s.close()


BATCH = {"sahkoposti": "kirjaamo@example.fi", "henkilot": [{"tunniste": "t1", "henkilo": {
    "hetu": "010101A900R", "etunimet": "Aino Maria", "kutsumanimi": "Aino", "sukunimi": "Virtanen",
    "kansalaisuus": [{"koodi": "246"}]}}]}


def test_send_follows_the_import_and_reports(standin: StandIn, creds: None) -> None:
    c = Client("1.2.246.562.10.00000000001.py", base_url=standin.url)
    report = c.send(BATCH, poll_first=0.01, poll_max=0.05)
    assert report["sent"] == 1 and report["environment"] == "test"
    assert [ch["id"] for ch in report["chunks"]] == [3]
    assert report["chunks"][0]["results"][0]["conflict"] is True
    put = standin.to("PUT", f"{SVC}/oppija")[0]
    assert json.loads(put["body"])["sahkoposti"] == "kirjaamo@example.fi"
    assert put["cookies"]["JSESSIONID"] == "s1"
    assert all(r["headers"]["Caller-Id"] == "1.2.246.562.10.00000000001.py" for r in standin.requests)
    assert c.import_status(3)["kasitelty"] is True
    assert c.import_results(3)["rows"][0]["tunniste"] == "t1"


def test_a_batch_onr_would_refuse_raises_client_rejected(standin: StandIn, creds: None) -> None:
    bad = json.loads(json.dumps(BATCH))
    bad["henkilot"][0]["henkilo"]["hetu"] = "010101A900X"
    with pytest.raises(onr.ClientError) as info:
        Client("py", base_url=standin.url).send(bad)
    assert info.value.code == "client.rejected"
    assert info.value.category is onr.Category.NETWORK
    assert "010101A900X" not in str(info.value) and "pw-secret" not in repr(info.value)
    assert standin.to("PUT", f"{SVC}/oppija") == []


def test_a_batch_whose_own_fields_onr_cannot_read_is_not_sent(standin: StandIn, creds: None) -> None:
    # The same reader and error as `onr send` and Java's OnrClient.send (onr-client's JsonBatch).
    c = Client("py", base_url=standin.url)
    for body, field in (({"henkilot": {"henkilo": {"hetu": "010101A900R"}}}, "henkilot"),
                        ({"sahkoposti": ["a@example.fi"], "henkilot": []}, "sahkoposti"),
                        ("[1, 2]", "not an import batch")):
        with pytest.raises(onr.ClientError) as info:
            c.send(body)
        assert info.value.code == "client.config"
        assert field in str(info.value) and "010101A900R" not in str(info.value)
    assert standin.to("PUT", f"{SVC}/oppija") == []


def test_errors_carry_codes_status_and_body(standin: StandIn, creds: None) -> None:
    with pytest.raises(onr.ClientError) as info:
        Client("bad id", base_url=standin.url)
    assert info.value.code == "client.caller_id"
    with pytest.raises(onr.ClientError) as info:
        Client("py", base_url=standin.url).import_status(99)
    assert info.value.code == "client.http"
    assert info.value.http_status == 404
    assert info.value.body == {"message": "no scripted route", "field_errors": []}


def test_the_feed_returns_entries_and_a_resumable_cursor(standin: StandIn, creds: None) -> None:
    c = Client("py", base_url=standin.url)
    run = c.feed("2024-01-01T00:00:00Z", count=10)
    assert run["entries"] == [{"oid": "S", "master": "M", "passivoitu": False}]
    again = c.feed(run["cursor"], count=10)
    assert again["cursor"]["page"] == 1
    urls = [r["url"] for r in standin.to("GET", f"{SVC}/oppija/muuttuneet")]
    assert "muokattuJalkeen=2024-01-01T00%3A00%3A00Z&page=1&count=10" in urls[0]
    assert "2024-01-01" not in urls[1]


def test_the_gil_is_released_while_waiting(standin: StandIn, creds: None) -> None:
    c = Client("py", base_url=standin.url)
    c.import_status(3)  # log in first
    ticks = 0
    done = threading.Event()

    def call() -> None:
        c.import_status(4)  # the stand-in answers after 0.6 s
        done.set()

    t = threading.Thread(target=call)
    t.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.01)
    t.join()
    assert ticks > 20


def test_yleistunniste_outcomes_are_values_and_the_hetu_stays_hidden(creds: None) -> None:
    routes = cas_routes()
    routes[("POST", f"{SVC}/yleistunniste/hae")] = [
        js({"oid": "1.2.246.562.24.10000000003", "oppijanumero": "1.2.246.562.24.10000000003"}),
        js({"status": 404, "message": "Henkilöä ei löydy"}, status=404),
        js({"status": 409, "message": "Nimet eivät täsmää hetulle 010101A900R"}, status=409),
        js({"message": "invalid", "fieldErrors": [{"field": "hetu", "code": "ValidateHetu"}]}, status=400),
    ]
    routes[("GET", f"{SVC}/yleistunniste/hae/1.2.246.562.24.10000000003")] = [
        js({"oid": "1.2.246.562.24.10000000003", "oppijanumero": None, "passivoitu": False})]
    s = StandIn(routes)
    try:
        c = Client("1.2.246.562.10.00000000001.py", base_url=s.url)
        args = ("010101A900R", "Aino Maria", "Aino", "Virtanen")
        assert c.yleistunniste_hae(*args) == {
            "outcome": "found", "oid": "1.2.246.562.24.10000000003",
            "oppijanumero": "1.2.246.562.24.10000000003"}
        assert c.yleistunniste_hae(*args)["outcome"] == "not_found"
        mismatch = c.yleistunniste_hae(*args)
        assert mismatch["outcome"] == "name_mismatch" and "010101" not in repr(mismatch)
        rejected = c.yleistunniste_hae(*args)
        assert rejected["outcome"] == "rejected"
        assert rejected["field_errors"] == [{"field": "hetu", "code": "ValidateHetu", "message": None}]
        sent = json.loads(s.to("POST", f"{SVC}/yleistunniste/hae")[0]["body"])
        assert sent == {"hetu": "010101A900R", "etunimet": "Aino Maria", "kutsumanimi": "Aino", "sukunimi": "Virtanen"}
        student = c.yleistunniste_oid("1.2.246.562.24.10000000003")
        assert student is not None and student["passivoitu"] is False and student["linked"] == []
        assert c.yleistunniste_oid("1.2.246.562.24.99999999999") is None
    finally:
        s.close()


YT_BATCH = {"henkilot": [
    {"tunniste": "t1", "henkilo": {"hetu": "010101A900R", "etunimet": "Aino Maria", "kutsumanimi": "Aino", "sukunimi": "Virtanen"}},
    {"tunniste": "t2", "henkilo": {"hetu": "020202A900E", "etunimet": "Eino", "kutsumanimi": "Eino", "sukunimi": "Lahtinen"}}]}


def test_a_stalled_yleistunniste_batch_is_restarted_once_and_read_without_a_hetu(creds: None) -> None:
    routes = cas_routes()
    routes[("PUT", f"{SVC}/yleistunniste")] = [status(21, 2, 0)]
    # One row processed, then no progress until the restart (the POST), then done.
    routes[("GET", f"{SVC}/yleistunniste/tuonti=21/perustiedot")] = [status(21, 2, 1)]
    routes[("GET", f"{SVC}/yleistunniste/tuonti=21")] = [js({"id": 21, "kasiteltavia": 2, "kasiteltyja": 2, "kasitelty": True, "henkilot": [
        {"tunniste": "t1", "henkilo": {"oid": "1.2.246.562.24.10000000003", "oppijanumero": "1.2.246.562.24.10000000003", "passivoitu": False, "linked": []}},
        {"tunniste": "t2", "henkilo": {"oid": "1.2.246.562.24.20000000008", "oppijanumero": None, "passivoitu": False}, "conflict": True}]})]
    s = StandIn(routes)
    original = s.reply

    def reply(method: str, url: str, headers: Any, cookies: Dict[str, str]) -> Reply:
        if method == "POST" and url.endswith("/yleistunniste/tuonti=21"):
            s.routes[("GET", f"{SVC}/yleistunniste/tuonti=21/perustiedot")] = [status(21, 2, 2)]
            return status(21, 2, 1)
        return original(method, url, headers, cookies)

    s.reply = reply  # type: ignore[method-assign]
    try:
        c = Client("py", base_url=s.url)
        report = c.yleistunniste_send(json.dumps(YT_BATCH), sahkoposti="kirjaamo@example.fi",
                                      poll_first=0.01, poll_max=0.02, stall_after=0.15)
        assert (report["rows"], report["sent"], report["held_back"]) == (2, 2, [])
        chunk = report["chunks"][0]
        assert (chunk["id"], chunk["restarted"], chunk["rows"]) == (21, True, [0, 1])
        assert chunk["status"]["kasitelty"] is True
        assert [r["conflict"] for r in chunk["results"]] == [None, True]
        first = chunk["results"][0]["henkilo"]
        assert first is not None and first["oppijanumero"] == "1.2.246.562.24.10000000003"
        assert "010101" not in repr(report) and "020202" not in repr(report)
        assert len(s.to("PUT", f"{SVC}/yleistunniste")) == 1
        assert len(s.to("POST", f"{SVC}/yleistunniste/tuonti=21")) == 1
        body = json.loads(s.to("PUT", f"{SVC}/yleistunniste")[0]["body"])
        assert body["sahkoposti"] == "kirjaamo@example.fi" and body["henkilot"][1]["henkilo"]["hetu"] == "020202A900E"
        assert c.yleistunniste_status(21)["kasitelty"] is True
        assert c.yleistunniste_results(21)["henkilot"][1]["tunniste"] == "t2"
    finally:
        s.close()


def test_a_yleistunniste_batch_onr_would_refuse_is_not_sent_unless_only_accepted(creds: None) -> None:
    routes = cas_routes()
    routes[("PUT", f"{SVC}/yleistunniste")] = [status(22, 1, 1)]
    routes[("GET", f"{SVC}/yleistunniste/tuonti=22/perustiedot")] = [status(22, 1, 1)]
    routes[("GET", f"{SVC}/yleistunniste/tuonti=22")] = [js({"id": 22, "kasiteltavia": 1, "kasiteltyja": 1, "kasitelty": True, "henkilot": []})]
    s = StandIn(routes)
    bad = json.loads(json.dumps(YT_BATCH))
    bad["henkilot"][1]["henkilo"]["hetu"] = "020202A900X"
    try:
        c = Client("py", base_url=s.url)
        with pytest.raises(onr.ClientError) as info:
            c.yleistunniste_send(bad)
        assert info.value.code == "client.rejected" and "020202" not in str(info.value)
        assert s.to("PUT", f"{SVC}/yleistunniste") == []
        report = c.yleistunniste_send(bad, only_accepted=True, poll_first=0.01)
        assert report["sent"] == 1
        assert report["held_back"] == [{"index": 1, "tunniste": "t2", "reasons": ["henkilot[1].henkilo.hetu: existence_check.hetu"]}]
        assert "020202" not in repr(report)
    finally:
        s.close()
