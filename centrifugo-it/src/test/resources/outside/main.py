"""A user's program, as docs/clients.md writes it: the generated zoo-client package installed with
pip in a virtual environment, checked with mypy --strict and run. GeneratedClientsOutsideRepoTests
copies it into a folder outside the repository. It calls RPCs, has one refused, receives a typed
publication and prints what it saw as one JSON line.

    CENTRIFUGO_URL=ws://... CENTRIFUGO_TOKEN=<jwt> python main.py <zoo-values.json> <cage>
"""

import asyncio
import datetime
import json
import os
import sys

import centrifuge

from zoo_client import (
    CONTRACT_VERSION,
    Everything,
    OrderLine,
    PageOfOrderLine,
    RpcClient,
    ShapeSquare,
    Sighting,
    SightingRequest,
    ValidationFailedError,
)


async def main(values_file: str, cage: str) -> dict[str, object]:
    with open(values_file, encoding="utf-8") as file:
        specimen = Everything.model_validate(json.load(file)["cases"][0]["value"])
    output: dict[str, object] = {"generatedVersion": CONTRACT_VERSION}
    client = centrifuge.Client(
        os.environ["CENTRIFUGO_URL"], token=os.environ["CENTRIFUGO_TOKEN"]
    )
    await client.connect()
    try:
        contract = await client.rpc("system.contract", {})
        output["serverVersion"] = contract.data["version"]

        rpc = RpcClient(client)
        square = ShapeSquare(side=2.5, label="outside")
        shape = await rpc.zoo_shape(square, timeout=8)
        output["shape"] = shape.model_dump(mode="json")
        page = PageOfOrderLine(items=[OrderLine(sku="hay", quantity=3)], total=1)
        returned = await rpc.zoo_page(page, timeout=8)  # the contract says it may be None
        output["page"] = returned.model_dump(mode="json") if returned else None

        at = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.timezone.utc)
        sighting = Sighting(animal="lion", at=at, specimen=specimen)
        # The models check the server's constraints on construction; model_construct skips that,
        # so that the server's own refusal comes back.
        blank = SightingRequest.model_construct(cage=" ", sighting=sighting)
        try:
            await rpc.zoo_sight(blank, timeout=8)
            output["refused"] = False
        except ValidationFailedError as error:
            fields = [violation.field for violation in error.violations]
            output["refused"] = {"code": error.code, "fields": fields}

        async with rpc.subscribe_zoo_cage(cage) as publications:
            await publications.subscription.ready(timeout=8)
            await rpc.zoo_sight(SightingRequest(cage=cage, sighting=sighting), timeout=8)
            async for publication in publications:
                output["publication"] = {
                    "animal": publication.animal,
                    "boxedCount": publication.specimen.boxed_count,
                    "offsetAt": publication.specimen.offset_at.isoformat(),
                }
                break
    finally:
        await client.disconnect()
    return output


if __name__ == "__main__":
    result = asyncio.run(asyncio.wait_for(main(sys.argv[1], sys.argv[2]), 30))
    print(json.dumps(result))
