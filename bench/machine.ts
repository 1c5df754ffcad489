/** The machine a benchmark ran on, as one line for the report. */
import { cpus, loadavg, totalmem } from 'node:os';

export function machineLine(): string {
  const cores = cpus();
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  return (
    `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `Node ${process.version}, ${process.platform}; load average at start ${load} (1/5/15 min)`
  );
}
