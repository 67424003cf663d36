/**
 * CPU time and resident memory of a process and all its descendants, from
 * Linux's /proc: a server run as a cluster (MIDAD_WORKERS=N, a primary
 * that forks N workers), nginx (a master and its worker) and a single
 * process are measured alike, over the whole tree.
 *
 * CPU time is utime + stime (fields 14 and 15 of /proc/<pid>/stat, in
 * clock ticks: `getconf CLK_TCK`, 100 a second on Linux, so a reading is
 * exact to 10 ms). Time of descendants that exited before a reading is
 * not counted; the servers measured keep their processes for the run.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { residentBytes } from './server-process.js';

let ticksPerSecond: number | undefined;

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 when that fails). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
    if (!Number.isInteger(ticksPerSecond) || ticksPerSecond < 1) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

/**
 * The fields of /proc/<pid>/stat after the command's name (which may hold
 * spaces and parentheses), so that index 0 is field 3 (state).
 * @returns null when the process is gone.
 */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** `pid` and every process descended from it (parent links of /proc/<n>/stat, field 4). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(statFields(Number(entry))?.[4 - 3]);
    if (!Number.isInteger(parent)) continue;
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** utime + stime of `pid` and its descendants, ms (a multiple of 1000 / CLK_TCK). */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) {
    const fields = statFields(member);
    if (fields) ticks += Number(fields[14 - 3]) + Number(fields[15 - 3]);
  }
  return (ticks * 1000) / clockTicksPerSecond();
}

/**
 * Resident memory of `pid` and its descendants, bytes (node:cluster's
 * workers are processes of their own, started anew, so the sum is theirs).
 */
export function treeResidentBytes(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + residentBytes(member), 0);
}
