import type { TestProject } from "vitest/node";
import { startPrism, type PrismServer } from "../../scripts/lib/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

let prism: PrismServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  prism = await startPrism({ errors: true });
  project.provide("prismUrl", prism.url);
}

export async function teardown(): Promise<void> {
  await prism?.stop();
}
