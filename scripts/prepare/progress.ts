/**
 * Progress on stderr, so stdout stays free for results: one line per step, and while a long
 * step runs a refreshed line (a terminal) or a line every 10 s (a log file), never a flood.
 */

export interface Progress {
  /** Starts a step ("Téléchargement de …"). */
  step(label: string): void;
  /** Reports the running step's counters; throttled. */
  tick(bytes: number, rows?: number, totalBytes?: number): void;
  /** Ends the step with a closing summary. */
  done(summary: string): void;
  /** A warning that the user must read (never throttled). */
  warn(message: string): void;
}

const mib = (b: number) => `${(b / 1048576).toFixed(b < 10 * 1048576 ? 1 : 0)} Mo`;

export function formatCounters(bytes: number, rows?: number, totalBytes?: number): string {
  const parts = [totalBytes ? `${mib(bytes)} / ${mib(totalBytes)} (${Math.floor((100 * bytes) / totalBytes)} %)` : mib(bytes)];
  if (rows !== undefined) parts.push(`${rows.toLocaleString('fr-FR')} lignes`);
  return parts.join(', ');
}

/** Progress writer on a stream (stderr by default); `quiet` keeps only warnings. */
export function createProgress(out: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const tty = Boolean(out.isTTY);
  const every = tty ? 250 : 10_000;
  let label = '';
  let last = 0;
  let started = 0;
  const write = (s: string) => {
    if (!quiet) out.write(s);
  };
  return {
    step(l) {
      label = l;
      started = Date.now();
      last = started;
      write(tty ? `${label}…` : `${label}…\n`);
    },
    tick(bytes, rows, totalBytes) {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      const line = `${label} : ${formatCounters(bytes, rows, totalBytes)}`;
      write(tty ? `\r\x1b[K${line}` : `${line}\n`);
    },
    done(summary) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      write(tty ? `\r\x1b[K${label} : ${summary} (${seconds} s)\n` : `${label} : ${summary} (${seconds} s)\n`);
    },
    warn(message) {
      out.write(`${tty ? '\r\x1b[K' : ''}Attention : ${message}\n`);
    },
  };
}
