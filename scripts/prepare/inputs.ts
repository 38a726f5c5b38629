/**
 * Where each public file comes from: its default address, a `--source` base URL holding the
 * same file names (a mirror, a local server), or a `--source` folder of files downloaded by
 * hand. Every input is hashed (SHA-256) for the manifest, so two organisations can check that
 * they started from the same files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { download } from './download.ts';
import { PrepareError } from './errors.ts';
import type { Progress } from './progress.ts';
import { QPV_2015_HINT, type SourceFile } from './sources.ts';

export interface ResolvedInput {
  source: SourceFile;
  file: string;
  origin: 'download' | 'folder';
  /** Address asked for (null for a folder) and the one that answered, after redirects. */
  url: string | null;
  finalUrl: string | null;
  /** ISO time of the download, or of the reading for a folder. */
  obtainedAt: string;
  lastModified: string | null;
  bytes: number;
  sha256: string;
  /** Connections used; above 1 the transfer was resumed. */
  attempts: number;
  reused: boolean;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Names a hand-downloaded file may have: as published, or already decompressed. */
function candidates(fileName: string): string[] {
  return [fileName, fileName.replace(/\.gz$/i, ''), fileName.replace(/\.zip$/i, '.csv')].filter((n, i, a) => a.indexOf(n) === i);
}

/** Address of `source` given the `--source` option (undefined: the publisher's address). */
export function sourceUrl(source: SourceFile, base: string | undefined): string {
  if (base && isUrl(base)) return base.replace(/\/?$/, '/') + encodeURIComponent(source.fileName);
  if (source.url) return source.url;
  throw new PrepareError('not_found', `Pas d’adresse de téléchargement pour ${source.label} : ${QPV_2015_HINT}.`);
}

function findInFolder(source: SourceFile, folder: string): string {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new PrepareError('usage', `--source ${folder} : ni un dossier existant, ni une adresse http(s)://.`);
  }
  const found = candidates(source.fileName).map((n) => path.join(folder, n)).find((f) => fs.existsSync(f));
  if (found) return found;
  const where = source.url ? `téléchargez-le depuis ${source.url}` : QPV_2015_HINT;
  throw new PrepareError('not_found', `Fichier introuvable dans ${folder} : ${source.fileName} (${source.label}) ; ${where} (page ${source.doc.url}).`);
}

/**
 * Fetches (or finds) one input and hashes it.
 *
 * @example
 * const qpv = await resolveInput(QPV_FILES['2024'], undefined, 'out/telechargements', progress);
 */
export async function resolveInput(source: SourceFile, base: string | undefined, downloadsDir: string, progress?: Progress): Promise<ResolvedInput> {
  if (base && !isUrl(base)) {
    const file = findInFolder(source, base);
    const bytes = fs.statSync(file).size;
    return {
      source, file, origin: 'folder', url: null, finalUrl: null, obtainedAt: new Date().toISOString(),
      lastModified: fs.statSync(file).mtime.toISOString(), bytes, sha256: await sha256File(file), attempts: 0, reused: true,
    };
  }
  const url = sourceUrl(source, base);
  fs.mkdirSync(downloadsDir, { recursive: true });
  progress?.step(`Téléchargement de ${source.fileName}`);
  const r = await download(url, path.join(downloadsDir, source.fileName), { docUrl: source.doc.url, progress });
  progress?.done(r.reused ? 'déjà téléchargé' : `${(r.bytes / 1048576).toFixed(1)} Mo${r.attempts > 1 ? `, repris ${r.attempts - 1} fois` : ''}`);
  return {
    source, file: r.file, origin: 'download', url, finalUrl: r.finalUrl, obtainedAt: new Date().toISOString(),
    lastModified: r.lastModified, bytes: r.bytes, sha256: await sha256File(r.file), attempts: r.attempts, reused: r.reused,
  };
}
