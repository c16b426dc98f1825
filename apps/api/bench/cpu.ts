/**
 * CPU time used by the server's processes and by PostgreSQL's, read from /proc (Linux). On a
 * shared virtual machine throughput moves by ±20 % from run to run; the CPU one request costs
 * moves much less, so changes are compared on it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU ticks (user + system) used so far by each process, by pid. */
export interface CpuSample {
  /** The server process and its workers. */
  readonly server: ReadonlyMap<number, number>;
  /** Every PostgreSQL process of the machine. */
  readonly postgres: ReadonlyMap<number, number>;
}

const MS_PER_TICK = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

interface ProcessStat {
  readonly pid: number;
  readonly parent: number;
  readonly name: string;
  readonly ticks: number;
}

function processStat(pid: number): ProcessStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // gone meanwhile
  }
  // "pid (name) state ppid … utime stime …": the name may hold spaces and parentheses.
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return {
    pid,
    parent: Number(fields[1]),
    name: text.slice(text.indexOf('(') + 1, close),
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

export function cpuSample(serverPid: number): CpuSample {
  const stats = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => processStat(Number(entry)))
    .filter((stat): stat is ProcessStat => stat !== null);
  const tree = new Set([serverPid]);
  // Children come after their parents in pid order, except after pid wrap-around: loop till stable.
  for (let grew = true; grew;) {
    grew = false;
    for (const stat of stats) {
      if (tree.has(stat.parent) && !tree.has(stat.pid)) {
        tree.add(stat.pid);
        grew = true;
      }
    }
  }
  const ticks = (keep: (stat: ProcessStat) => boolean) =>
    new Map(stats.filter(keep).map((stat) => [stat.pid, stat.ticks]));
  return {
    server: ticks((stat) => tree.has(stat.pid)),
    postgres: ticks((stat) => stat.name === 'postgres'),
  };
}

/**
 * Milliseconds of CPU used between two samples, process by process: a process that ended in
 * between (an idle pool connection closed) takes its own total away with it, and would otherwise
 * make the difference negative; what it used in between is lost, a slight under-count.
 */
export function cpuUsed(before: CpuSample, after: CpuSample): { server: number; postgres: number } {
  const used = (from: ReadonlyMap<number, number>, to: ReadonlyMap<number, number>) => {
    let total = 0;
    for (const [pid, ticks] of to) total += ticks - (from.get(pid) ?? 0);
    return total * MS_PER_TICK;
  };
  return {
    server: used(before.server, after.server),
    postgres: used(before.postgres, after.postgres),
  };
}
