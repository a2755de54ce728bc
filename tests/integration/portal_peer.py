#!/usr/bin/env python3
"""TCP applications for the portal tests (each bounded in time).

  portal_peer.py echo-server                 echo every connection; prints "listening on H:P"
  portal_peer.py echo-clients ADDR N BYTES   N concurrent clients each echo BYTES random bytes
  portal_peer.py expect-close ADDR SECONDS   connect; the peer must close within SECONDS
  portal_peer.py refused-port                prints a loopback port nobody listens on
"""
import asyncio
import os
import socket
import sys
import time


async def echo(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def echo_server():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


async def one_client(host, port, size):
    reader, writer = await asyncio.open_connection(host, port)
    sent = os.urandom(size)

    async def send():
        for i in range(0, size, 50_000):
            writer.write(sent[i:i + 50_000])
            await writer.drain()

    sending = asyncio.create_task(send())
    received = await reader.readexactly(size)
    await sending
    writer.close()
    return received == sent


async def echo_clients(address, count, size):
    host, port = address.rsplit(":", 1)
    results = await asyncio.wait_for(
        asyncio.gather(*(one_client(host, int(port), size) for _ in range(count))), 120)
    good = sum(results)
    print(f"{good}/{count} clients got their {size} bytes back in order", flush=True)
    return good == count


def expect_close(address, seconds):
    host, port = address.rsplit(":", 1)
    start = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=seconds + 5) as sock:
        sock.settimeout(seconds + 5)
        try:
            data = sock.recv(1)
        except ConnectionResetError:
            data = b""
    elapsed = time.monotonic() - start
    print(f"closed after {elapsed:.3f} s (got {len(data)} bytes)", flush=True)
    return data == b"" and elapsed <= seconds


def refused_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again: nobody listens there


def main():
    command = sys.argv[1]
    if command == "echo-server":
        asyncio.run(echo_server())
    elif command == "echo-clients":
        ok = asyncio.run(echo_clients(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
        sys.exit(0 if ok else 1)
    elif command == "expect-close":
        sys.exit(0 if expect_close(sys.argv[2], float(sys.argv[3])) else 1)
    elif command == "refused-port":
        print(refused_port())
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
