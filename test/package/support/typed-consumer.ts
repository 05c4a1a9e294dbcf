/**
 * A TypeScript consumer of the published declarations. It must compile under
 * node16 resolution (as ESM .mts and as CJS .cts) and under bundler
 * resolution, and its @ts-expect-error lines prove the types are not `any`.
 */
export const typedConsumer = `
import { BoxClient, BoxClientError, ItemDoesNotExistError, type File, type paths } from "box-ts";
import { openFile, type OpenedFile } from "box-ts/node";

type MeResponse = paths["/users/me"]["get"]["responses"][200]["content"]["application/json"];

export async function sample(): Promise<string> {
  const client = new BoxClient("token");
  const file: File = await client.getFileMetadata("12345");
  const { data } = await client.api.GET("/files/{file_id}", { params: { path: { file_id: file.id } } });
  const me: MeResponse = await client.getUserInfo();
  const opened: OpenedFile = await openFile("./report.pdf");
  const notFound: BoxClientError = new ItemDoesNotExistError("gone", { status: 404 });
  // @ts-expect-error: the typed client knows every path of the document
  await client.api.GET("/no/such/path");
  // @ts-expect-error: a file id is a string
  await client.getFileMetadata(12345);
  return [file.id, data?.id, me.id, opened.size, notFound.status].join();
}
`;

export const consumerTsconfigs = {
  node16: { module: "node16", moduleResolution: "node16" },
  bundler: { module: "esnext", moduleResolution: "bundler" },
} as const;
