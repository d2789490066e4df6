// A user's program, as docs/clients.md writes it: the generated zoo-client package installed with npm
// next to the official SDK and ws, compiled with tsc --strict and run in Node. GeneratedClientsOutsideRepoTests
// copies it into a folder outside the repository. It calls RPCs, has one refused, receives a typed
// publication and prints what it saw as one JSON line.
//
//   CENTRIFUGO_URL=ws://... CENTRIFUGO_TOKEN=<jwt> node dist/main.js <zoo-values.json> <cage>
import { readFileSync } from "node:fs";
import { Centrifuge } from "centrifuge";
import WebSocket from "ws";
import {
  CONTRACT_VERSION,
  RpcClient,
  RpcError,
  type Everything,
  type PageOfOrderLine,
  type Shape,
  type Sighting,
} from "zoo-client";

const [valuesFile, cage] = process.argv.slice(2);
const url = process.env.CENTRIFUGO_URL;
const token = process.env.CENTRIFUGO_TOKEN;
if (!valuesFile || !cage || !url || !token) {
  console.error("usage: CENTRIFUGO_URL=... CENTRIFUGO_TOKEN=... node dist/main.js <zoo-values.json> <cage>");
  process.exit(2);
}
const values = JSON.parse(readFileSync(valuesFile, "utf8")) as { cases: Array<{ value?: unknown }> };
const specimen = values.cases[0].value as Everything;

const centrifuge = new Centrifuge(url, { token, websocket: WebSocket });
centrifuge.connect();
const client = new RpcClient(centrifuge);
const output: Record<string, unknown> = { generatedVersion: CONTRACT_VERSION };
try {
  const contract = await centrifuge.rpc("system.contract", {});
  output.serverVersion = (contract.data as { version: string }).version;

  const square: Shape = { kind: "square", side: 2.5, label: "outside" };
  output.shape = await client.zooShape(square, { timeout: 8000 });
  const page: PageOfOrderLine = { items: [{ sku: "hay", quantity: 3 }], total: 1 };
  output.page = await client.zooPage(page, { timeout: 8000 });

  const sighting: Sighting = { animal: "lion", at: "2026-03-04T05:06:07Z", specimen };
  try {
    await client.zooSight({ cage: " ", sighting }, { timeout: 8000 });
    output.refused = false;
  } catch (error) {
    if (!(error instanceof RpcError)) {
      throw error;
    }
    output.refused = { code: error.code, fields: error.violations.map((violation) => violation.field) };
  }

  const received = new Promise<Sighting>((resolve) => {
    const subscription = client.subscribeZooCage(cage, { onPublication: (data: Sighting) => resolve(data) });
    subscription.once("subscribed", () => {
      client.zooSight({ cage, sighting }, { timeout: 8000 }).catch((error: unknown) => console.error(error));
    });
  });
  const publication = await received;
  output.publication = {
    animal: publication.animal,
    boxedCount: publication.specimen.boxedCount,
    offsetAt: publication.specimen.offsetAt,
  };
} finally {
  centrifuge.disconnect();
}
console.log(JSON.stringify(output));
