"""Behaviour of the generated zoo client without a server: models, errors and the client over a fake SDK."""

from __future__ import annotations

import asyncio
import json
import pathlib
import sys
import typing as _t
import unittest

import centrifuge
import pydantic

import zoo_client
from zoo_client import models

EVERYTHING = json.loads((pathlib.Path(sys.argv[1]) / "everything.json").read_text(encoding="utf-8"))


class FakeClient:
    """Stands for centrifuge.Client: answers rpc() with a canned reply or raises a canned error."""

    def __init__(self, reply: object = None, error: BaseException | None = None) -> None:
        self.reply = reply
        self.error = error
        self.calls: list[tuple[str, object, float | None]] = []

    async def rpc(self, method: str, data: object, timeout: float | None = None) -> centrifuge.RpcResult:
        self.calls.append((method, data, timeout))
        if self.error is not None:
            raise self.error
        return centrifuge.RpcResult(data=self.reply)


def rpc(fake: FakeClient) -> zoo_client.RpcClient:
    return zoo_client.RpcClient(_t.cast(centrifuge.Client, fake), timeout=3.0)


class Models(unittest.TestCase):
    def test_every_value_of_the_zoo_round_trips_unchanged(self) -> None:
        value = zoo_client.Everything.model_validate(EVERYTHING)
        self.assertEqual(value.model_dump(mode="json"), EVERYTHING)

    def test_values_have_their_python_types(self) -> None:
        value = zoo_client.Everything.model_validate(EVERYTHING)
        self.assertEqual(value.bytes, b"\x00\x01\x02\xff")
        self.assertEqual(value.huge, 123456789012345678901234567890)
        self.assertEqual(value.at.utcoffset(), __import__("datetime").timedelta(0))
        self.assertIsNone(value.local_at.tzinfo)
        self.assertEqual(value.took.total_seconds(), 5400)
        self.assertIs(value.color, zoo_client.Color.GREEN)
        self.assertIsInstance(value.shape, zoo_client.ShapeSquare)
        self.assertEqual(value.tag_page.items[0].parent, zoo_client.Tag(label="root"))

    def test_attributes_are_snake_case_and_the_json_keeps_its_names(self) -> None:
        page = zoo_client.PageOfTag(items=[zoo_client.Tag(label="a")], total=1)
        value = zoo_client.Everything.model_validate(EVERYTHING).model_copy(
            update={"boxed_count": 7, "tag_page": page}
        )
        self.assertEqual(value.boxed_count, 7)
        dumped = value.model_dump(mode="json")
        self.assertEqual(dumped["boxedCount"], 7)
        self.assertEqual(dumped["tagPage"], {"items": [{"label": "a"}], "total": 1})
        self.assertNotIn("boxed_count", dumped)
        # Built by attribute name or read by JSON name, the same model.
        by_name = zoo_client.Everything.model_validate({**dumped, "boxed_count": 7})
        self.assertEqual(by_name.boxed_count, 7)

    def test_absent_optionals_stay_absent_and_present_ones_are_written(self) -> None:
        data = dict(EVERYTHING)
        del data["nickname"]
        del data["maybeColor"]
        dumped = zoo_client.Everything.model_validate(data).model_dump(mode="json")
        self.assertNotIn("nickname", dumped)
        self.assertNotIn("maybeColor", dumped)
        self.assertNotIn("maybeTotal", dumped)
        self.assertIsNone(dumped["anything"])

    def test_the_union_is_told_apart_by_its_kind(self) -> None:
        adapter: pydantic.TypeAdapter[zoo_client.Shape] = pydantic.TypeAdapter(zoo_client.Shape)
        circle = adapter.validate_python({"kind": "circle", "radius": 1.0})
        self.assertIsInstance(circle, zoo_client.ShapeCircle)
        self.assertEqual(adapter.dump_python(zoo_client.ShapeSquare(side=2.0), mode="json"), {"kind": "square", "side": 2.0})
        with self.assertRaises(pydantic.ValidationError):
            adapter.validate_python({"kind": "triangle"})

    def test_bean_validation_constraints_are_checked_client_side(self) -> None:
        for field, bad in [("name", "   "), ("name", "x" * 41), ("level", 11), ("positive", 0), ("code", "abcd"),
                           ("tags", []), ("initial", "ab"), ("aboveHalf", 0.5)]:
            with self.subTest(field=field), self.assertRaises(pydantic.ValidationError):
                zoo_client.Everything.model_validate({**EVERYTHING, field: bad})
        with self.assertRaises(pydantic.ValidationError):
            zoo_client.Feeding(food="hay", grams=0)

    def test_docstrings_come_from_javadoc(self) -> None:
        self.assertEqual(zoo_client.Everything.__doc__, "One of every type the contract maps.")
        self.assertEqual(zoo_client.Everything.model_fields["name"].description, "a name, not blank")


class Errors(unittest.TestCase):
    def test_a_422_carries_its_violations(self) -> None:
        message = json.dumps({"message": "validation failed",
                              "violations": [{"field": "name", "constraint": "NotBlank", "message": "must not be blank"}]})
        fake = FakeClient(error=centrifuge.ReplyError(422, message, False))
        with self.assertRaises(zoo_client.ValidationFailedError) as caught:
            asyncio.run(rpc(fake).zoo_feed())
        error = caught.exception
        self.assertEqual((error.code, error.message, error.temporary), (422, "validation failed", False))
        self.assertEqual(error.violations, (zoo_client.Violation("name", "NotBlank", "must not be blank"),))

    def test_codes_map_to_their_subclasses_and_others_to_rpc_error(self) -> None:
        for code, kind in [(400, zoo_client.BadRequestError), (404, zoo_client.MethodNotFoundError),
                           (429, zoo_client.TooManyCallsError), (500, zoo_client.ServerError),
                           (504, zoo_client.HandlerTimeoutError), (1000, zoo_client.RpcError)]:
            with self.subTest(code=code):
                fake = FakeClient(error=centrifuge.ReplyError(code, "nope", code in (429, 504)))
                with self.assertRaises(kind) as caught:
                    asyncio.run(rpc(fake).zoo_feed())
                self.assertIs(type(caught.exception), kind)
                self.assertEqual(caught.exception.code, code)
                self.assertEqual(caught.exception.temporary, code in (429, 504))

    def test_a_timeout_of_the_sdk_is_a_call_timeout_and_a_timeout_error(self) -> None:
        fake = FakeClient(error=centrifuge.OperationTimeoutError("timeout"))
        with self.assertRaises(TimeoutError) as caught:
            asyncio.run(rpc(fake).zoo_feed(timeout=0.5))
        self.assertIsInstance(caught.exception, zoo_client.CallTimeoutError)
        self.assertEqual(fake.calls, [("zoo.feed", {}, 0.5)])

    def test_a_lost_connection_is_a_transport_error(self) -> None:
        fake = FakeClient(error=centrifuge.ClientDisconnectedError("disconnected"))
        with self.assertRaises(zoo_client.TransportError):
            asyncio.run(rpc(fake).zoo_feed())


class Client(unittest.TestCase):
    def test_a_call_sends_the_params_as_json_and_returns_the_typed_result(self) -> None:
        fake = FakeClient(reply=EVERYTHING)
        value = zoo_client.Everything.model_validate(EVERYTHING)
        result = asyncio.run(rpc(fake).zoo_echo(value))
        self.assertEqual(result, value)
        self.assertEqual(fake.calls, [("zoo.echo", EVERYTHING, 3.0)])

    def test_a_union_result_is_the_variant(self) -> None:
        fake = FakeClient(reply={"kind": "circle", "radius": 2.0})
        result = asyncio.run(rpc(fake).zoo_shape(zoo_client.ShapeCircle(radius=2.0)))
        self.assertEqual(result, zoo_client.ShapeCircle(radius=2.0))
        self.assertEqual(fake.calls[0][1], {"kind": "circle", "radius": 2.0})

    def test_a_reply_that_breaks_the_contract_is_a_reply_decode_error(self) -> None:
        fake = FakeClient(reply={"name": 1})
        with self.assertRaises(zoo_client.ReplyDecodeError):
            asyncio.run(rpc(fake).zoo_legacy({}))

    def test_the_contract_version_is_exported(self) -> None:
        self.assertEqual(len(zoo_client.CONTRACT_VERSION), 64)
        self.assertEqual(models.CONTRACT_VERSION, zoo_client.CONTRACT_VERSION)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
