"""What the event handlers are called with."""

from dataclasses import dataclass
from typing import Any

from .types import ClientInfo, Publication, StreamPosition

@dataclass
class ConnectedContext:
    client: str
    version: str
    data: Any | None

@dataclass
class ConnectingContext:
    code: int
    reason: str

@dataclass
class DisconnectedContext:
    code: int
    reason: str

@dataclass
class ErrorContext:
    code: int
    error: Exception

@dataclass
class ServerSubscribingContext:
    channel: str

@dataclass
class ServerSubscribedContext:
    channel: str
    recoverable: bool
    positioned: bool
    stream_position: StreamPosition | None
    was_recovering: bool
    recovered: bool
    data: Any | None

@dataclass
class ServerUnsubscribedContext:
    channel: str

@dataclass
class ServerPublicationContext:
    channel: str
    pub: Publication

@dataclass
class ServerJoinContext:
    channel: str
    info: ClientInfo

@dataclass
class ServerLeaveContext:
    channel: str
    info: ClientInfo

@dataclass
class SubscribingContext:
    code: int
    reason: str

@dataclass
class SubscribedContext:
    channel: str
    recoverable: bool
    positioned: bool
    stream_position: StreamPosition | None
    was_recovering: bool
    recovered: bool
    data: Any | None

@dataclass
class UnsubscribedContext:
    code: int
    reason: str

@dataclass
class PublicationContext:
    pub: Publication

@dataclass
class JoinContext:
    info: ClientInfo

@dataclass
class LeaveContext:
    info: ClientInfo

@dataclass
class SubscriptionErrorContext:
    code: int
    error: Exception
