"""The web UI server of the master and the worker, with what Spark's Jetty setup shows a client:
binding SPARK_LOCAL_IP or 0.0.0.0, the servlet headers (X-Frame-Options SAMEORIGIN unless
spark.ui.allowFramingFrom, X-XSS-Protection, X-Content-Type-Options, no-cache), a 302 from a
context path without its slash (/json -> /json/), gzip when the client accepts it, Jetty-style
error pages, no Server header.
"""

import gzip
import html
import os
import socket
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from . import common as c

HTML_TYPE = "text/html;charset=utf-8"
JSON_TYPE = "text/json;charset=utf-8"


class Request:
    def __init__(self, handler, method):
        self.method = method
        self.handler = handler
        parts = urllib.parse.urlsplit(handler.path)
        self.path = urllib.parse.unquote(parts.path) or "/"
        self.raw_path = parts.path or "/"
        self.query = parts.query
        self.headers = handler.headers
        self.remote_addr = handler.client_address[0]
        length = int(handler.headers.get("Content-Length") or 0)
        self.body = handler.rfile.read(length) if length > 0 else b""
        self.params = urllib.parse.parse_qs(self.query, keep_blank_values=True)
        ctype = handler.headers.get("Content-Type", "")
        if method == "POST" and ctype.startswith("application/x-www-form-urlencoded"):
            for k, v in urllib.parse.parse_qs(self.body.decode("utf-8", "replace"),
                                              keep_blank_values=True).items():
                self.params.setdefault(k, []).extend(v)

    def host_header(self):
        host = self.headers.get("Host")
        if not host:
            host = "%s:%d" % self.handler.server.server_address[:2]
        return host


class Response:
    def __init__(self, status, body=b"", content_type=None, headers=(), servlet=False):
        self.status = status
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.content_type = content_type
        self.headers = list(headers)
        self.servlet = servlet


def page(html_text):
    return Response(200, "<!DOCTYPE html>" + html_text, HTML_TYPE, servlet=True)


def json_page(obj):
    return Response(200, c.pretty_json(obj), JSON_TYPE, servlet=True)


def error_page(status, reason, uri, servlet="default"):
    body = ("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>"
            "\n<title>Error %d %s</title>\n</head>\n<body><h2>HTTP ERROR %d %s</h2>\n<table>\n"
            "<tr><th>URI:</th><td>%s</td></tr>\n<tr><th>STATUS:</th><td>%d</td></tr>\n"
            "<tr><th>MESSAGE:</th><td>%s</td></tr>\n<tr><th>SERVLET:</th><td>%s</td></tr>\n"
            "</table>\n\n</body>\n</html>\n"
            % (status, reason, status, reason, html.escape(uri), status, reason, servlet))
    return Response(status, body, "text/html;charset=iso-8859-1",
                    headers=[("Cache-Control", "must-revalidate,no-cache,no-store")])


def redirect(location):
    return Response(302, b"", None, headers=[("Location", location)])


def spark_page(title, content, version=None, base=""):
    """UIUtils.basicSparkPage: the title in <title> and in the heading, after the logo."""
    t = html.escape(title)
    return page(
        "<html><head><meta http-equiv=\"Content-type\" content=\"text/html; charset=utf-8\"/>"
        "<link rel=\"stylesheet\" href=\"%s/static/bootstrap.min.css\" type=\"text/css\"/>"
        "<link rel=\"stylesheet\" href=\"%s/static/webui.css\" type=\"text/css\"/>"
        "<title>%s</title></head><body><div class=\"container-fluid\"><div class=\"row\">"
        "<div class=\"col-12\"><h3 style=\"vertical-align: middle; display: inline-block;\">"
        "<a style=\"text-decoration: none\" href=\"%s/\">"
        "<img src=\"%s/static/spark-logo-77x50px-hd.png\"/>"
        "<span class=\"version\" style=\"margin-right: 15px;\">%s</span></a>%s</h3></div></div>"
        "%s</div></body></html>"
        % (base, base, t, base, base, html.escape(version or c.spark_version()), t, content))


class WebUI:
    """Subclasses set `name` ("MasterUI"), `class_name` ("MasterWebUI"), `contexts` (paths that
    answer 302 without their trailing slash) and implement route(request) -> Response."""

    name = "WebUI"
    class_name = "WebUI"
    contexts = ("/static",)

    def __init__(self, conf, requested_port, public_host):
        self.conf = conf
        self.requested_port = requested_port
        self.bind_host = os.environ.get("SPARK_LOCAL_IP") or "0.0.0.0"
        self.public_host = public_host
        framing = conf.get("spark.ui.allowFramingFrom")
        self.frame_options = "ALLOW-FROM %s" % framing if framing else "SAMEORIGIN"
        self.xss = conf.get("spark.ui.xXssProtection", "1; mode=block")
        self.nosniff = conf.get_bool("spark.ui.xContentTypeOptions.enabled", True)
        self.server = None
        self.port = None

    def bind(self):
        c.info("JettyUtils", "Start Jetty %s:%d for %s" % (self.bind_host, self.requested_port,
                                                           self.name))
        self.serve()
        c.info(self.class_name, "Bound %s to %s, and started at %s" % (self.class_name,
                                                                       self.bind_host, self.web_url))

    def serve(self):
        """Listen on bind_host, from requested_port on (Utils.startServiceOnPort)."""
        ui = self

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True
            address_family = socket.AF_INET6 if ":" in self.bind_host else socket.AF_INET

        def bind_port(port):
            server = Server((self.bind_host, port), _Handler)
            server.ui = ui
            return server, server.server_address[1]

        self.server, self.port = c.start_service_on_port(self.requested_port, bind_port, self.conf,
                                                         self.name)
        c.start_thread(self.server.serve_forever, self.name or "rest")

    @property
    def web_url(self):
        return "http://%s:%d" % (self.public_host, self.port)

    def dispatch(self, req):
        for ctx in self.contexts:
            if req.path == ctx:
                location = "http://%s%s/" % (req.host_header(), ctx)
                return redirect(location + ("?" + req.query if req.query else ""))
        if req.method == "TRACE":
            return error_page(405, "Method Not Allowed", req.raw_path)
        return self.route(req)

    def route(self, req):
        raise NotImplementedError


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30

    def log_message(self, *args):
        pass

    def send_response(self, code, message=None):
        self.send_response_only(code, message)
        self.send_header("Date", self.date_time_string())

    def _serve(self, method):
        ui = self.server.ui
        try:
            resp = ui.dispatch(Request(self, method))
        except Exception as e:  # a bug of ours: answer like a servlet that threw
            c.warn("HttpChannel", "%s %s" % (method, self.path),
                   c.JavaError("java.lang.RuntimeException", repr(e)))
            resp = error_page(500, "Server Error", self.path)
        self._write(resp, method)

    def _write(self, resp, method):
        ui = self.server.ui
        body = resp.body
        self.send_response(resp.status)
        headers = list(resp.headers)
        if resp.servlet:
            headers.append(("Cache-Control", "no-cache, no-store, must-revalidate"))
            headers.append(("X-Frame-Options", ui.frame_options))
            headers.append(("X-XSS-Protection", ui.xss))
            if ui.nosniff:
                headers.append(("X-Content-Type-Options", "nosniff"))
        if resp.content_type:
            headers.append(("Content-Type", resp.content_type))
            compressible = resp.content_type.split(";")[0] in ("text/html", "text/json",
                                                               "application/json", "text/plain")
            if compressible and resp.servlet:
                headers.append(("Vary", "Accept-Encoding"))
                accept = self.headers.get("Accept-Encoding", "")
                if "gzip" in accept and len(body) >= 32 and resp.status == 200:
                    body = gzip.compress(body, mtime=0)
                    headers.append(("Content-Encoding", "gzip"))
        headers.append(("Content-Length", str(len(body))))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        self._serve("GET")

    def do_HEAD(self):
        self._serve("HEAD")

    def do_POST(self):
        self._serve("POST")

    def do_PUT(self):
        self._serve("PUT")

    def do_DELETE(self):
        self._serve("DELETE")

    def do_OPTIONS(self):
        self._serve("OPTIONS")

    def do_TRACE(self):
        self._serve("TRACE")

    def do_PATCH(self):
        self._serve("PATCH")


def method_not_allowed(req):
    """HttpServlet's answer to a method the servlet does not implement."""
    return error_page(405, "Method Not Allowed", req.raw_path)


def table(headers, rows):
    head = "".join("<th>%s</th>" % html.escape(h) for h in headers)
    body = "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % cell for cell in row) for row in rows)
    return ("<table class=\"table table-bordered table-sm table-striped sortable\">"
            "<thead>%s</thead><tbody>%s</tbody></table>" % (head, body))
