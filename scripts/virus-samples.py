#!/usr/bin/env python3
"""Writes test messages carrying virus test payloads, for scripts/virus-compare.sh.

For every file of Debian's clamav-testfiles (/usr/share/clamav-testfiles) and for EICAR, one
message per way of attaching it:
  base64     multipart/mixed with a base64 attachment
  rfc822     the base64 attachment inside an attached message/rfc822
  nested     multipart/mixed > multipart/alternative > multipart/related > base64 part
  qp         a quoted-printable attachment
and the same four shapes around a harmless payload (named clean-*), which must come out clean.
Usage: virus-samples.py OUTDIR [TESTFILES_DIR]
"""
import base64
import os
import sys

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
HARMLESS = b"Minutes of the meeting.\r\nNothing to see here, only a harmless attachment.\r\n" * 20


def quoted_printable(payload):
    """Binary-safe: every byte outside printable ASCII, '=' included, is escaped (line breaks too,
    since a literal one would decode as CRLF), with soft line breaks before 76 columns."""
    lines, line = [], ""
    for byte in payload:
        piece = chr(byte) if 33 <= byte <= 126 and byte != 61 else f"={byte:02X}"
        if len(line) + len(piece) > 75:
            lines.append(line + "=")
            line = ""
        line += piece
    lines.append(line)
    return "\r\n".join(lines)  # the CRLF before the next boundary belongs to the delimiter


def attachment(name, payload, encoding):
    if encoding == "base64":
        body = base64.encodebytes(payload).decode("ascii").replace("\n", "\r\n")
    else:
        body = quoted_printable(payload)
    return (f"Content-Type: application/octet-stream; name=\"{name}\"\r\n"
            f"Content-Disposition: attachment; filename=\"{name}\"\r\n"
            f"Content-Transfer-Encoding: {encoding}\r\n\r\n{body}")


def multipart(subtype, boundary, parts):
    text = f"Content-Type: multipart/{subtype}; boundary=\"{boundary}\"\r\n\r\n"
    for part in parts:
        text += f"--{boundary}\r\n{part}\r\n"
    return text + f"--{boundary}--\r\n"


TEXT = "Content-Type: text/plain; charset=us-ascii\r\n\r\nPlease see the attachment.\r\n"
HTML = "Content-Type: text/html; charset=us-ascii\r\n\r\n<p>Please see the attachment.</p>\r\n"


def message(subject, mime):
    return ("From: Sender <sender@example.net>\r\nTo: rcpt@example.org\r\n"
            f"Subject: {subject}\r\nMessage-ID: <{abs(hash(subject))}@example.net>\r\n"
            "Date: Sun, 29 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n" + mime)


def shapes(name, payload):
    yield "base64", multipart("mixed", "b1", [TEXT, attachment(name, payload, "base64")])
    inner = message(f"forwarded {name}", multipart("mixed", "b2", [TEXT, attachment(name, payload, "base64")]))
    yield "rfc822", multipart("mixed", "b1", [TEXT, "Content-Type: message/rfc822\r\n\r\n" + inner])
    related = multipart("related", "b3", [HTML, attachment(name, payload, "base64")])
    alternative = multipart("alternative", "b2", [TEXT, related])
    yield "nested", multipart("mixed", "b1", [alternative])
    yield "qp", multipart("mixed", "b1", [TEXT, attachment(name, payload, "quoted-printable")])


def main():
    out = sys.argv[1]
    source = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/clamav-testfiles"
    os.makedirs(out, exist_ok=True)
    payloads = [("eicar.com", EICAR)]
    if os.path.isdir(source):
        for name in sorted(os.listdir(source)):
            with open(os.path.join(source, name), "rb") as handle:
                payloads.append((name, handle.read()))
    payloads.append(("clean-minutes.txt", HARMLESS))
    count = 0
    for name, payload in payloads:
        for shape, mime in shapes(name, payload):
            with open(os.path.join(out, f"{name}.{shape}.eml"), "wb") as handle:
                handle.write(message(f"{shape}: {name}", mime).encode("ascii"))
            count += 1
    print(f"virus-samples: {count} messages ({len(payloads)} payloads x 4 shapes) in {out}")


main()
