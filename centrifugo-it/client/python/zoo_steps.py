"""Sends every case of the type zoo's values file to the zoo application through Centrifugo with the
Python client generated from its contract (client/generated/python) over the official centrifuge-python
SDK, subscribes to a typed channel and asks the server to publish into it; prints one JSON line of the
same shape as zoo-steps.mjs: what came back for each case, and the publication received.

    CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> \\
      PYTHONPATH=generated/python python python/zoo_steps.py ../src/test/resources/zoo-values.json
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import typing as _t

import centrifuge
import pydantic

import zoo_client
from zoo_client import CONTRACT_VERSION, RpcClient, RpcError

TIMEOUT = 8.0


def method_name(rpc: str) -> str:
    """The naming convention of the generated Python client: ``zoo:shape`` and ``zoo.echo`` become
    ``zoo_shape`` and ``zoo_echo``."""
    words = [word for word in re.split(r"[^A-Za-z0-9]+", rpc) if word]
    snake = [re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", word).lower() for word in words]
    return "_".join(snake)


def failure(error: BaseException) -> dict[str, object]:
    if isinstance(error, RpcError):
        return {
            "code": error.code,
            "message": error.message,
            "temporary": error.temporary,
            "violations": [vars(violation) for violation in error.violations],
        }
    return {"error": f"{type(error).__name__}: {error}"}


async def call_case(client: RpcClient, test_case: dict[str, _t.Any]) -> dict[str, object]:
    name = method_name(test_case["method"])
    method = getattr(client, name, None)
    if method is None:
        return {"missingMethod": name}
    # The typed parameters and result as the generated method declares them.
    hints = _t.get_type_hints(method, vars(zoo_client.client))
    returns: pydantic.TypeAdapter[_t.Any] = pydantic.TypeAdapter(hints["return"])
    try:
        if "value" in test_case:
            params = pydantic.TypeAdapter(hints["params"]).validate_python(test_case["value"])
            result = await method(params, timeout=TIMEOUT)
        else:
            result = await method(timeout=TIMEOUT)
    except Exception as error:  # noqa: BLE001 - every failure is reported, not raised
        return {"failure": failure(error)}
    return {"received": returns.dump_python(result, mode="json", by_alias=True)}


async def main(values_file: str) -> dict[str, _t.Any]:
    url = os.environ["CENTRIFUGO_URL"]
    token = os.environ["CENTRIFUGO_TOKEN"]
    with open(values_file, encoding="utf-8") as file:
        values = json.load(file)

    output: dict[str, _t.Any] = {"connected": False, "generatedVersion": CONTRACT_VERSION, "cases": {}}
    centrifuge_client = centrifuge.Client(url, token=token, name="centrifugo4j-zoo-it", timeout=TIMEOUT)
    try:
        await centrifuge_client.connect()
        await centrifuge_client.ready(timeout=10.0)
        output["connected"] = True
        client = RpcClient(centrifuge_client, timeout=TIMEOUT)
        for test_case in values["cases"]:
            output["cases"][test_case["name"]] = await call_case(client, test_case)

        # The typed channel: subscribe to the cage, then ask the server to publish a sighting into it.
        cage = values["sighting"]["cage"]
        everything = next(c for c in values["cases"] if c["name"] == values["sighting"]["sighting"]["specimen"])
        request = zoo_client.SightingRequest.model_validate(
            {"cage": cage, "sighting": {**values["sighting"]["sighting"], "specimen": everything["value"]}}
        )
        subscription = client.subscribe_zoo_cage(cage)
        await subscription.subscribe()
        await subscription.subscription.ready(timeout=TIMEOUT)
        output["sightOffset"] = await client.zoo_sight(request, timeout=TIMEOUT)
        sighting = await asyncio.wait_for(anext(aiter(subscription)), TIMEOUT)
        output["publication"] = {
            "data": sighting.model_dump(mode="json", by_alias=True),
            "channel": subscription.channel,
        }
        output["sent"] = {"sighting": request.sighting.model_dump(mode="json", by_alias=True)}
        await subscription.unsubscribe()

        # A cage the subscribe handler refuses.
        closed = client.subscribe_zoo_cage("closed")
        await closed.subscribe()
        try:
            await closed.subscription.ready(timeout=TIMEOUT)
            output["closedCage"] = {"subscribed": True}
        except Exception as error:  # noqa: BLE001 - the refusal is what is expected
            output["closedCage"] = {"unsubscribed": f"{type(error).__name__}: {error}"}

        reply = await centrifuge_client.rpc("system.contract", {}, timeout=TIMEOUT)
        output["serverVersion"] = reply.data["version"]
    except Exception as error:  # noqa: BLE001 - reported in the output
        output["failure"] = f"{type(error).__name__}: {error}"
    finally:
        await centrifuge_client.disconnect()
    return output


if __name__ == "__main__":
    if len(sys.argv) != 2 or "CENTRIFUGO_URL" not in os.environ or "CENTRIFUGO_TOKEN" not in os.environ:
        print("usage: CENTRIFUGO_URL=... CENTRIFUGO_TOKEN=... python zoo_steps.py <zoo-values.json>", file=sys.stderr)
        sys.exit(2)
    print(json.dumps(asyncio.run(asyncio.wait_for(main(sys.argv[1]), 40.0)), ensure_ascii=False))
