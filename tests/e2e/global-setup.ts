/**
 * Global setup of the e2e project (vitest.config.ts): one build and one preview server for
 * every `*.e2e.test.ts` file, whose URL the tests read with `inject('e2eBaseUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  project.provide('e2eBaseUrl', server.url);
  return () => server.close();
}
