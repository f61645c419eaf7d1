/**
 * afterWaitingMessage, against the real vscode-jsonrpc reader the server bundles: a message that
 * arrived while an analysis blocked the loop is handled before it resolves, so an older result is
 * never shown over a newer edit. The sender is a socket of this process, written to before the
 * loop blocks; the message then sits in the kernel's buffer, as an edit does while the server
 * analyses (two of them here: two documents typed in). Whether the wait's first timer fires in the loop's next turn or the one after depends
 * on how long the rest of that turn takes (1 ms decides it); both are forced here.
 */
import { strict as assert } from "node:assert";
import { createServer, connect, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMessageConnection, SocketMessageReader, SocketMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { afterWaitingMessage } from "../../extension/server/src/analysis-queue";

/** Blocks the loop, as a synchronous analysis does. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

function frame(method: string): string {
  const body = JSON.stringify({ jsonrpc: "2.0", method, params: {} });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe("language server: a message waiting while the loop was blocked", () => {
  let server: Server;
  let sender: Socket;
  let connection: MessageConnection;
  let handled = 0;

  before(async () => {
    const path = process.platform === "win32" ? `\\\\.\\pipe\\keyfence-${process.pid}` : join(tmpdir(), `keyfence-queue-${process.pid}.sock`);
    const accepted = new Promise<Socket>((resolve) => {
      server = createServer(resolve);
    });
    await new Promise<void>((resolve) => server.listen(path, resolve));
    sender = connect(path);
    const socket = await accepted;
    connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    connection.onNotification("textDocument/didChange", () => {
      handled++;
    });
    connection.listen();
  });
  after(() => {
    connection?.dispose();
    sender?.destroy();
    server?.close();
  });

  for (const [timer, lateTurnMs] of [["fires in the next turn", 3], ["fires a turn later", 0]] as const) {
    it(`is handled before the wait resolves when its timer ${timer}`, async () => {
      for (let round = 0; round < 10; round++) {
        handled = 0;
        // Two edits waiting (two documents typed in): the connection takes up one per turn.
        sender.write(frame("textDocument/didChange"));
        sender.write(frame("textDocument/didChange"));
        busy(20);
        const waited = afterWaitingMessage();
        // The rest of the turn after an analysis: a GC or another callback can take a millisecond.
        busy(lateTurnMs);
        await waited;
        assert.equal(handled, 2, `round ${round}: ${handled} of the 2 waiting messages handled before the wait resolved`);
      }
    });
  }
});
