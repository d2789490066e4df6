"""The errors of a call: ``RpcError`` and one subclass per well-known code."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import typing as _t

import centrifuge

__all__ = [
    "BadRequestError",
    "CallTimeoutError",
    "HandlerTimeoutError",
    "MethodNotFoundError",
    "ReplyDecodeError",
    "RpcError",
    "ServerError",
    "TooManyCallsError",
    "TransportError",
    "ValidationFailedError",
    "Violation",
]


@dataclasses.dataclass(frozen=True)
class Violation:
    """One failed constraint of a call's data (error 422)."""

    field: str
    """The path inside the call's data, such as ``items[0].name``; empty for all."""
    constraint: str
    """The constraint's simple name, such as ``NotBlank``."""
    message: str
    """What is wrong, in the server's words."""


class RpcError(Exception):
    """A call that failed: the server's error reply, or a timeout or transport failure.

    ``code`` is the server's error code (400-1999 for the application, 100-113 and 2000+
    for Centrifugo), 1 for a timeout of the client and 0 for a failure of the transport.
    """

    code: int
    message: str
    temporary: bool
    violations: tuple[Violation, ...]

    def __init__(
        self,
        code: int,
        message: str,
        temporary: bool = False,
        violations: _t.Sequence[Violation] = (),
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.temporary = temporary
        self.violations = tuple(violations)

    def __str__(self) -> str:
        return f"{self.message} (code {self.code})"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, "
            f"temporary={self.temporary!r}, violations={list(self.violations)!r})"
        )


class BadRequestError(RpcError):
    """400: the call's data cannot be bound to the parameters type."""


class MethodNotFoundError(RpcError):
    """404: no handler for the method."""


class ValidationFailedError(RpcError):
    """422: the call's data violates its constraints; ``violations`` lists them."""


class TooManyCallsError(RpcError):
    """429: the method is at its concurrency limit (temporary)."""


class ServerError(RpcError):
    """500: the handler failed unexpectedly; the message has a reference to the log."""


class HandlerTimeoutError(RpcError):
    """504: an asynchronous handler did not complete in time (temporary)."""


class CallTimeoutError(RpcError, TimeoutError):
    """Code 1: no reply within the call's timeout."""


class TransportError(RpcError):
    """Code 0: the SDK could not send the call or lost the connection before a reply."""


class ReplyDecodeError(RpcError):
    """Code 0: the reply does not match the contract (client and server disagree)."""


_BY_CODE: dict[int, type[RpcError]] = {
    400: BadRequestError,
    404: MethodNotFoundError,
    422: ValidationFailedError,
    429: TooManyCallsError,
    500: ServerError,
    504: HandlerTimeoutError,
}


def error_from_reply(code: int, message: str, temporary: bool) -> RpcError:
    """The ``RpcError`` for a server's error reply.

    A 422 carries its violations as JSON in the message.
    """
    violations: list[Violation] = []
    if code == 422:
        try:
            body: object = json.loads(message)
        except ValueError:
            body = None
        if isinstance(body, dict):
            text = body.get("message")
            if isinstance(text, str):
                message = text
            items = body.get("violations")
            if isinstance(items, list):
                for item in items:
                    if isinstance(item, dict):
                        violations.append(
                            Violation(
                                field=str(item.get("field", "")),
                                constraint=str(item.get("constraint", "")),
                                message=str(item.get("message", "")),
                            )
                        )
    return _BY_CODE.get(code, RpcError)(code, message, temporary, violations)


def error_from(error: BaseException) -> RpcError:
    """Turns what the SDK raises into an ``RpcError``."""
    if isinstance(error, RpcError):
        return error
    if isinstance(error, centrifuge.ReplyError):
        return error_from_reply(
            int(error.code), str(error.message), bool(error.temporary)
        )
    if isinstance(error, (centrifuge.OperationTimeoutError, asyncio.TimeoutError)):
        return CallTimeoutError(1, "timeout", True)
    return TransportError(0, str(error) or type(error).__name__, True)
