"""Worker <-> master messages on the master's RPC port (7077).

The wire format is the stand-in's own: one JSON object per line. What a provisioning tool can
observe is Spark's: the port is a plain TCP listener; garbage on it (an HTTP probe) is logged as
a bad frame and the connection closed; with spark.authenticate=true every connection first proves
it knows spark.authenticate.secret (challenge/response with HMAC-SHA256, standing in for SASL
DIGEST-MD5), and a wrong, missing or unexpected secret fails with the errors Spark logs.

Messages (field "type"): RegisterWorker, RegisteredWorker, RegisterWorkerFailed, MasterInStandby,
Heartbeat, ReconnectWorker, WorkerDecommissioning, DecommissionWorker, RpcFailure, and the
handshake's SaslMessage / SaslChallenge / SaslComplete.
"""

import hashlib
import hmac
import json
import secrets
import socket
import threading

from .common import JavaError

MAX_FRAME = 1 << 20
SASL_USER = "sparkSaslUser"

MISMATCHED_RESPONSE = ("javax.security.sasl.SaslException: DIGEST-MD5: digest response format "
                       "violation. Mismatched response.")
NOT_SASL = ("java.lang.IllegalStateException: Expected SaslMessage, received something else "
            "(maybe your client does not have SASL enabled?)")
NO_SECRET = ("java.lang.IllegalArgumentException: A secret key must be specified via the "
             "spark.authenticate.secret config")


class FrameError(Exception):
    """Bytes on the port that are not a message of ours (Netty: "Too large frame")."""

    def __init__(self, head):
        super().__init__("bad frame")
        self.head = head

    def java(self):
        size = int.from_bytes((self.head + b"\0" * 8)[:8], "big", signed=True)
        return JavaError("java.lang.IllegalArgumentException", "Too large frame: %d" % size,
                         ["org.sparkproject.guava.base.Preconditions.checkArgument"
                          "(Preconditions.java:119)",
                          "org.apache.spark.network.util.TransportFrameDecoder.decodeNext"
                          "(TransportFrameDecoder.java:148)"])


class RemoteFailure(Exception):
    """The other side answered RpcFailure (or hung up) during the handshake or registration."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text


class Connection:
    def __init__(self, sock):
        self.sock = sock
        self.file = sock.makefile("rb")
        self.send_lock = threading.Lock()
        peer = sock.getpeername()
        self.peer = "%s:%d" % (peer[0], peer[1])
        self.closed = False

    def send(self, msg):
        data = (json.dumps(msg) + "\n").encode()
        with self.send_lock:
            self.sock.sendall(data)

    def recv(self):
        line = self.file.readline(MAX_FRAME)
        if not line:
            raise EOFError()
        if not line.endswith(b"\n"):
            raise FrameError(line)
        try:
            msg = json.loads(line)
        except ValueError:
            raise FrameError(line)
        if not isinstance(msg, dict) or not isinstance(msg.get("type"), str):
            raise FrameError(line)
        return msg

    def close(self):
        if self.closed:
            return
        self.closed = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            self.file.close()
            self.sock.close()
        except OSError:
            pass


def _proof(secret, role, server_nonce, client_nonce):
    msg = ("%s:%s:%s:%s" % (SASL_USER, role, server_nonce, client_nonce)).encode()
    return hmac.new(secret.encode(), msg, hashlib.sha256).hexdigest()


def client_handshake(conn, secret):
    """The connecting side (worker) of an authenticated connection."""
    if not secret:
        raise RemoteFailure(NO_SECRET)
    conn.send({"type": "SaslMessage", "step": "start", "appId": SASL_USER})
    challenge = _expect(conn, "SaslChallenge")
    server_nonce = str(challenge.get("nonce", ""))
    client_nonce = secrets.token_hex(16)
    conn.send({"type": "SaslMessage", "step": "response", "cnonce": client_nonce,
               "response": _proof(secret, "client", server_nonce, client_nonce)})
    done = _expect(conn, "SaslComplete")
    if not hmac.compare_digest(str(done.get("rspauth", "")),
                               _proof(secret, "server", server_nonce, client_nonce)):
        raise RemoteFailure("javax.security.sasl.SaslException: DIGEST-MD5: Mismatched response "
                            "auth")


def _expect(conn, wanted):
    try:
        msg = conn.recv()
    except (EOFError, OSError):
        raise RemoteFailure("java.io.IOException: Connection reset by peer")
    if msg["type"] == "RpcFailure":
        raise RemoteFailure(str(msg.get("error")))
    if msg["type"] != wanted:
        raise RemoteFailure("java.lang.IllegalStateException: Unexpected message %s" % msg["type"])
    return msg


def server_handshake(conn, secret):
    """The accepting side (master). Returns None when the peer proved the secret, else the error
    it was sent (the caller logs it and closes the connection)."""
    first = conn.recv()
    if first["type"] != "SaslMessage" or first.get("step") != "start":
        return _fail(conn, NOT_SASL)
    if not secret:
        return _fail(conn, NO_SECRET)
    server_nonce = secrets.token_hex(16)
    conn.send({"type": "SaslChallenge", "nonce": server_nonce})
    answer = conn.recv()
    client_nonce = str(answer.get("cnonce", ""))
    if answer["type"] != "SaslMessage" or not hmac.compare_digest(
            str(answer.get("response", "")),
            _proof(secret, "client", server_nonce, client_nonce)):
        return _fail(conn, MISMATCHED_RESPONSE)
    conn.send({"type": "SaslComplete", "rspauth": _proof(secret, "server", server_nonce,
                                                         client_nonce)})
    return None


def _fail(conn, text):
    try:
        conn.send({"type": "RpcFailure", "error": text})
    except OSError:
        pass
    return text


def java_error_from_text(text):
    """"pkg.SomeException: message" as a JavaError."""
    cls, _, message = text.partition(": ")
    return JavaError(cls, message if message else None)
