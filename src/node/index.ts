/**
 * box-ts/node: helpers that need Node.js (the file system, Node streams).
 * The main entry `box-ts` stays free of `node:*` imports so it runs in browsers,
 * Deno, Bun and edge runtimes; import these only where Node is available.
 *
 * @example
 * import { openFile } from "box-ts/node";
 * const { stream, size, name } = await openFile("./report.pdf");
 */
export { openFile, type OpenedFile } from "./open-file.js";
