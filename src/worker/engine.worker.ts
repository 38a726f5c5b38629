/// <reference lib="webworker" />
import { serveEngine, type Port } from './serve.ts';

serveEngine(self as unknown as Port);
