"""The client and its subscriptions."""

import ssl
from asyncio import AbstractEventLoop
from enum import Enum
from typing import Any, Awaitable, Callable, Literal

from .filter import FilterNode
from .handlers import ClientEventHandler, SubscriptionEventHandler
from .types import (
    HistoryResult,
    PresenceResult,
    PresenceStatsResult,
    PublishResult,
    RpcResult,
    StreamPosition,
)

class ClientState(Enum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"

class SubscriptionState(Enum):
    UNSUBSCRIBED = "unsubscribed"
    SUBSCRIBING = "subscribing"
    SUBSCRIBED = "subscribed"

class DeltaType(Enum):
    FOSSIL = "fossil"

class Client:
    state: ClientState
    events: ClientEventHandler
    def __init__(
        self,
        address: str,
        events: ClientEventHandler | None = None,
        token: str = "",
        get_token: Callable[[], Awaitable[str]] | None = None,
        use_protobuf: bool = False,
        timeout: float = 5.0,
        max_server_ping_delay: float = 10.0,
        name: str = "python",
        version: str = "",
        data: Any = None,
        min_reconnect_delay: float = 0.1,
        max_reconnect_delay: float = 20.0,
        headers: dict[str, str] | None = None,
        loop: AbstractEventLoop | None = None,
        ssl_context: ssl.SSLContext | None = None,
        proxy: str | Literal[True] | None = True,
    ) -> None: ...
    def subscriptions(self) -> dict[str, Subscription]: ...
    def new_subscription(
        self,
        channel: str,
        events: SubscriptionEventHandler | None = None,
        token: str = "",
        get_token: Callable[[str], Awaitable[str]] | None = None,
        data: Any | None = None,
        min_resubscribe_delay: float = 0.1,
        max_resubscribe_delay: float = 10.0,
        positioned: bool = False,
        recoverable: bool = False,
        join_leave: bool = False,
        delta: DeltaType | None = None,
        tags_filter: FilterNode | None = None,
        get_state: Callable[[str], Awaitable[StreamPosition]] | None = None,
    ) -> Subscription: ...
    def get_subscription(self, channel: str) -> Subscription | None: ...
    def remove_subscription(self, sub: Subscription) -> None: ...
    def set_token(self, token: str) -> None: ...
    async def connect(self) -> None: ...
    async def disconnect(self) -> None: ...
    async def ready(self, timeout: float | None = None) -> None: ...
    async def publish(
        self, channel: str, data: Any, timeout: float | None = None
    ) -> PublishResult: ...
    async def history(
        self,
        channel: str,
        limit: int = 0,
        since: StreamPosition | None = None,
        reverse: bool = False,
        timeout: float | None = None,
    ) -> HistoryResult: ...
    async def presence(
        self, channel: str, timeout: float | None = None
    ) -> PresenceResult: ...
    async def presence_stats(
        self, channel: str, timeout: float | None = None
    ) -> PresenceStatsResult: ...
    async def rpc(
        self, method: str, data: Any, timeout: float | None = None
    ) -> RpcResult: ...

class Subscription:
    channel: str
    state: SubscriptionState
    events: SubscriptionEventHandler
    def __init__(self) -> None: ...
    async def ready(self, timeout: float | None = None) -> None: ...
    async def history(
        self,
        limit: int = 0,
        since: StreamPosition | None = None,
        reverse: bool = False,
        timeout: float | None = None,
    ) -> HistoryResult: ...
    async def presence(self, timeout: float | None = None) -> PresenceResult: ...
    async def presence_stats(
        self, timeout: float | None = None
    ) -> PresenceStatsResult: ...
    async def publish(
        self, data: Any, timeout: float | None = None
    ) -> PublishResult: ...
    def set_tags_filter(self, tags_filter: FilterNode | None) -> None: ...
    async def subscribe(self) -> None: ...
    async def unsubscribe(self) -> None: ...
