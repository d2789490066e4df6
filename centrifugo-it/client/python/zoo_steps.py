"""Sends every case of the type zoo's values file to the zoo application through Centrifugo with the
Python client generated from its contract (client/generated/python) over the official SDK
(centrifuge-python), subscribes to the typed channel and asks the server to publish into it; prints
one JSON line shaped like zoo-steps.mjs prints it.

    CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> \\
        python zoo_steps.py ../src/test/resources/zoo-values.json
"""

from __future__ import annotations

import asyncio
import json
import os
import pathlib
import sys
import typing

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "generated" / "python"))

import centrifuge  # noqa: E402
import pydantic  # noqa: E402
import zoo_client  # noqa: E402


def method_name(rpc: str) -> str:
    """The naming convention of the generated clients: ``zoo:shape`` becomes ``zoo_shape``."""
    words = [word for word in "".join(c if c.isalnum() else " " for c in rpc).split()]
    return "_".join(word.lower() for word in words)


def failure(error: BaseException) -> dict[str, object]:
    if isinstance(error, zoo_client.RpcError):
        return {"code": error.code, "message": error.message, "temporary": error.temporary}
    return {"error": repr(error)}


async def call(rpc: zoo_client.RpcClient, case: dict[str, typing.Any]) -> dict[str, object]:
    method = getattr(rpc, method_name(case["method"]), None)
    if method is None:
        return {"missingMethod": method_name(case["method"])}
    hints = typing.get_type_hints(method)
    result_type = hints.get("return", type(None))
    try:
        if "value" in case:
            params = pydantic.TypeAdapter(hints["params"]).validate_python(case["value"])
            result = await method(params, timeout=8)
        else:
            result = await method(timeout=8)
    except Exception as error:  # the report names it
        return {"failure": failure(error)}
    return {"received": pydantic.TypeAdapter(result_type).dump_python(result, mode="json", by_alias=True)}


async def main() -> None:
    url, token, values_file = os.environ["CENTRIFUGO_URL"], os.environ["CENTRIFUGO_TOKEN"], sys.argv[1]
    values = json.loads(pathlib.Path(values_file).read_text(encoding="utf-8"))
    output: dict[str, typing.Any] = {"connected": False, "generatedVersion": zoo_client.CONTRACT_VERSION, "cases": {}}
    client = centrifuge.Client(url, token=token, name="centrifugo4j-zoo-python", proxy=None)
    try:
        await client.connect()
        await client.ready(timeout=10)
        output["connected"] = True
        rpc = zoo_client.RpcClient(client)
        for case in values["cases"]:
            output["cases"][case["name"]] = await call(rpc, case)

        specimen = next(c["value"] for c in values["cases"] if c["name"] == values["sighting"]["sighting"]["specimen"])
        sent = {**values["sighting"]["sighting"], "specimen": specimen}
        cage = values["sighting"]["cage"]
        subscription = rpc.subscribe_zoo_cage(cage)
        await subscription.subscribe()
        await subscription.subscription.ready(timeout=10)
        request = zoo_client.SightingRequest.model_validate({"cage": cage, "sighting": sent})
        output["sightOffset"] = await rpc.zoo_sight(request, timeout=8)
        sighting = await asyncio.wait_for(subscription.__anext__(), timeout=10)
        output["publication"] = {
            "data": sighting.model_dump(mode="json", by_alias=True),
            "channel": subscription.channel,
        }
        output["sent"] = {"sighting": sent}
        await subscription.unsubscribe()
        output["serverVersion"] = (await client.rpc("system.contract", {})).data["version"]
    except Exception as error:
        output["failure"] = repr(error)
    finally:
        await client.disconnect()
    print(json.dumps(output))


asyncio.run(main())
