import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  readonly ppid: number;
  /** utime + stime of the process itself. */
  readonly own: number;
  /** cutime + cstime: children that have exited and been waited for. */
  readonly reaped: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(fields[i - 3]);
    return { ppid: n(4), own: n(14) + n(15), reaped: n(16) + n(17) };
  } catch {
    return null; // gone between listing and reading
  }
}

/**
 * CPU time in ms used so far by a process and everything below it: live descendants, and those
 * that have exited (counted into their parent when it waited for them). Differences of two
 * readings give the CPU a server spent on a step whatever else loads the machine.
 */
export function processTreeCpuMs(rootPid: number): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) {
    const list = children.get(stat.ppid) ?? [];
    list.push(pid);
    children.set(stat.ppid, list);
  }
  let ticks = 0;
  const visit = (pid: number): void => {
    const stat = stats.get(pid);
    if (!stat) return;
    ticks += stat.own + stat.reaped;
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The process id of a PostgreSQL server's postmaster, asked through one of its backends. */
export function parentOf(pid: number): number {
  const stat = readStat(pid);
  if (!stat) throw new Error(`No process ${pid}`);
  return stat.ppid;
}
