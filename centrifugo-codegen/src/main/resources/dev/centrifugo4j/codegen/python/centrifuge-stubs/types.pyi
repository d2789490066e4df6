"""The results of the client's calls."""

from dataclasses import dataclass
from typing import Any

@dataclass
class StreamPosition:
    offset: int
    epoch: str

@dataclass
class ClientInfo:
    client: str
    user: str
    conn_info: Any | None
    chan_info: Any | None

@dataclass
class Publication:
    offset: int
    data: Any
    info: ClientInfo | None
    tags: dict[str, str]
    delta: bool

@dataclass
class PublishResult: ...

@dataclass
class RpcResult:
    data: Any

@dataclass
class PresenceResult:
    clients: dict[str, ClientInfo]

@dataclass
class PresenceStatsResult:
    num_clients: int
    num_users: int

@dataclass
class HistoryResult:
    publications: list[Publication]
    offset: int
    epoch: str
