"""Whether the service can listen where it was asked to, checked before anything starts."""

from __future__ import annotations

import socket

from permitlogic.errors import InputError


def ensure_port_free(host: str, port: int) -> None:
    """Bind ``host:port`` once and let it go; a busy port or unknown host is an InputError (exit 2)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as error:
        raise _cannot_listen(host, port, str(error)) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # The same option uvicorn sets, so a port in TIME_WAIT is not taken for busy.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            raise _cannot_listen(host, port, error.strerror or str(error)) from None


def _cannot_listen(host: str, port: int, reason: str) -> InputError:
    return InputError.single(
        None,
        f"无法在 {host}:{port} 上监听（{reason}）：端口已被占用或地址无效，请用 --port 换一个端口",
        f"cannot listen on {host}:{port} ({reason}): the port is taken or the address is not"
        " this machine's; choose another with --port",
        key="--port",
    )
