/**
 * Resumable HTTP(S) download: bytes go to `<file>.part`, renamed to `<file>` only once complete,
 * so a finished file is always whole. A cut connection resumes where it stopped with an HTTP
 * Range request (the national stocks weigh about a gigabyte); a second run reuses a finished
 * file and resumes a `.part` left by an interrupted run.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { httpError, networkError, PrepareError } from './errors.ts';
import type { Progress } from './progress.ts';

export interface DownloadOptions {
  /** Dataset page quoted when the server answers 404 and the like. */
  docUrl: string;
  progress?: Progress;
  /** Resumptions after a cut connection (default 5). */
  retries?: number;
  /** Idle socket time before giving up (default 60 s). */
  timeoutMs?: number;
  retryDelayMs?: number;
}

export interface DownloadResult {
  file: string;
  bytes: number;
  /** True when a complete file from an earlier run was reused without any request. */
  reused: boolean;
  /** Connections opened; more than 1 means the transfer was resumed. */
  attempts: number;
  /** Address that finally served the bytes, after redirects. */
  finalUrl: string;
  lastModified: string | null;
}

/** Errors that say the host cannot be reached at all: retrying will not help. */
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);
const MAX_REDIRECTS = 8;

interface Attempt { complete: boolean; finalUrl: string; lastModified: string | null }

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** One connection: sends Range when part of the file is already there, appends what comes. */
function attempt(url: string, part: string, opts: DownloadOptions, redirects = 0): Promise<Attempt> {
  const have = sizeOf(part);
  const client = url.startsWith('https:') ? https : http;
  const headers: Record<string, string> = { 'user-agent': 'ess-quartiers-prepare-data' };
  if (have > 0) headers.range = `bytes=${have}-`;
  return new Promise<Attempt>((resolve, reject) => {
    let responded = false;
    const req = client.get(url, { headers }, (res) => {
      responded = true;
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        if (redirects >= MAX_REDIRECTS) return reject(httpError(url, status, opts.docUrl));
        return resolve(attempt(new URL(location, url).href, part, opts, redirects + 1));
      }
      const lastModified = res.headers['last-modified'] ?? null;
      if (status === 416 && have > 0) {
        res.resume();
        // Nothing left to send: complete when the server's size is ours, else start over.
        const total = Number(/\/(\d+)/.exec(res.headers['content-range'] ?? '')?.[1]);
        if (total === have) return resolve({ complete: true, finalUrl: url, lastModified });
        fs.rmSync(part, { force: true });
        return resolve({ complete: false, finalUrl: url, lastModified });
      }
      if (status !== 200 && status !== 206) {
        res.resume();
        return reject(httpError(url, status, opts.docUrl));
      }
      // A 200 to a Range request means the server ignored it: the whole file comes again.
      const start = status === 206 ? Number(/bytes (\d+)-/.exec(res.headers['content-range'] ?? '')?.[1] ?? 0) : 0;
      if (start !== (status === 206 ? have : 0)) {
        res.resume();
        fs.rmSync(part, { force: true });
        return resolve({ complete: false, finalUrl: url, lastModified });
      }
      const total = status === 206
        ? Number(/\/(\d+)/.exec(res.headers['content-range'] ?? '')?.[1]) || undefined
        : Number(res.headers['content-length']) || undefined;
      let written = start;
      // Bytes are handed to the file as they come and the file is closed normally even when
      // the connection drops, so everything received is on disk before the next Range request.
      const file = fs.createWriteStream(part, { flags: start > 0 ? 'a' : 'w' });
      file.on('error', reject);
      res.on('data', (chunk: Buffer) => {
        written += chunk.length;
        opts.progress?.tick(written, undefined, total);
        if (!file.write(chunk)) {
          res.pause();
          file.once('drain', () => res.resume());
        }
      });
      res.on('error', () => undefined); // a cut connection: seen below as an incomplete body
      res.on('close', () => {
        const complete = res.complete && (total === undefined || written === total);
        file.end(() => resolve({ complete, finalUrl: url, lastModified }));
      });
    });
    req.setTimeout(opts.timeoutMs ?? 60_000, () => req.destroy(Object.assign(new Error('délai dépassé'), { code: 'ETIMEDOUT' })));
    // Once the body flows, a socket error ends the response too: its 'close' handler decides.
    req.on('error', (e) => {
      if (!responded) reject(e);
    });
  });
}

/**
 * Downloads `url` to `dest`, resuming after cut connections.
 *
 * @example
 * const r = await download('https://…/geo_siret_31.csv.gz', 'cache/geo_siret_31.csv.gz', { docUrl });
 * // r.attempts > 1 when the transfer was resumed
 */
export async function download(url: string, dest: string, opts: DownloadOptions): Promise<DownloadResult> {
  if (fs.existsSync(dest)) {
    return { file: dest, bytes: sizeOf(dest), reused: true, attempts: 0, finalUrl: url, lastModified: null };
  }
  const part = `${dest}.part`;
  const retries = opts.retries ?? 5;
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      const r = await attempt(url, part, opts);
      if (r.complete) {
        fs.renameSync(part, dest);
        return { file: dest, bytes: sizeOf(dest), reused: false, attempts, finalUrl: r.finalUrl, lastModified: r.lastModified };
      }
    } catch (e) {
      if (e instanceof PrepareError) throw e;
      const err = e as NodeJS.ErrnoException;
      if (UNREACHABLE.has(err.code ?? '') || attempts > retries) throw networkError(url, err);
    }
    if (attempts > retries) throw networkError(url, Object.assign(new Error('transfert incomplet'), { code: 'ECONNRESET' }));
    await new Promise((r) => setTimeout(r, (opts.retryDelayMs ?? 1000) * attempts));
  }
}
