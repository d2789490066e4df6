"""Typed subscriptions: a channel's publications, validated into the contract's type."""

from __future__ import annotations

import asyncio
import typing as _t

import centrifuge
import pydantic

__all__ = ["TypedSubscription"]

T = _t.TypeVar("T")


class _End:
    """Put in the queue when the subscription ends."""


class _Events(centrifuge.SubscriptionEventHandler):
    def __init__(self, queue: asyncio.Queue[tuple[object] | _End]) -> None:
        self._queue = queue

    async def on_publication(self, ctx: centrifuge.PublicationContext) -> None:
        self._queue.put_nowait((ctx.pub.data,))

    async def on_unsubscribed(self, ctx: centrifuge.UnsubscribedContext) -> None:
        self._queue.put_nowait(_End())


class TypedSubscription(_t.Generic[T]):
    """A channel's publications as ``T``, in order, with ``async for``.

    Created unsubscribed: enter it (``async with``) or call :meth:`subscribe`. Iteration
    ends when the subscription does; a publication that does not validate raises
    ``pydantic.ValidationError`` from the iteration (iterate again to go on).
    ``subscription`` is the SDK's object, for history and presence.

    Example::

        async with rpc.subscribe_chat_room(room_id) as room:
            async for message in room:
                print(message.text)
    """

    def __init__(
        self, client: centrifuge.Client, channel: str, adapter: pydantic.TypeAdapter[T]
    ) -> None:
        self._client = client
        self._adapter = adapter
        self._queue: asyncio.Queue[tuple[object] | _End] = asyncio.Queue()
        self.subscription: centrifuge.Subscription = client.new_subscription(
            channel, events=_Events(self._queue)
        )

    @property
    def channel(self) -> str:
        """The channel's name."""
        return str(self.subscription.channel)

    async def subscribe(self) -> None:
        """Subscribes; publications arrive from now on."""
        await self.subscription.subscribe()

    async def unsubscribe(self) -> None:
        """Unsubscribes and removes the subscription from the client; iteration ends."""
        await self.subscription.unsubscribe()
        self._client.remove_subscription(self.subscription)
        self._queue.put_nowait(_End())

    async def __aenter__(self) -> TypedSubscription[T]:
        await self.subscribe()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.unsubscribe()

    def __aiter__(self) -> TypedSubscription[T]:
        return self

    async def __anext__(self) -> T:
        item = await self._queue.get()
        if isinstance(item, _End):
            self._queue.put_nowait(item)
            raise StopAsyncIteration
        return self._adapter.validate_python(item[0])
