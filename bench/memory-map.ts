/**
 * Where a process's resident memory lies, from the kernel's map of it
 * (/proc/<pid>/smaps, proc(5)): each mapping's `Rss`, sorted by what holds
 * it. Bytes.
 *
 * glibc's malloc (2.36, malloc/arena.c) keeps the main thread's arena in
 * the `[heap]` segment (brk) and each other thread's arena in a heap of
 * its own: HEAP_MAX_SIZE (64 MiB on 64-bit) reserved at an address aligned
 * to it, the part in use read-write and the rest `---p`. libuv's thread
 * pool (zlib and brotli off the event loop, file system calls) gets such
 * arenas, up to 8 × cores of them unless MALLOC_ARENA_MAX says less. V8's
 * heap and its large malloc blocks (above the mmap threshold) are other
 * anonymous mappings.
 */
import { readFileSync } from 'node:fs';
import type { HeapReading } from './collect-garbage.js';

/** glibc's HEAP_MAX_SIZE on 64-bit: 2 × DEFAULT_MMAP_THRESHOLD_MAX (32 MiB). */
const ARENA_HEAP_BYTES = 64 * 1024 * 1024;

export interface MemoryMap {
  /** All resident memory (the sum of the mappings' Rss). */
  rss: number;
  /** Resident pages of files: the node binary's code and ICU data, native add-ons, mapped databases. */
  file: number;
  /** malloc's main arena (`[heap]`): the main thread's C allocations (SQLite, zlib on the loop, Buffers' stores). */
  mainArena: number;
  /** malloc's other threads' arenas (libuv's pool: compression and file work off the loop). */
  threadArenas: number;
  /** How many thread arenas there are. */
  arenas: number;
  /** Other anonymous memory: V8's heap, large malloc blocks, thread stacks. */
  otherAnon: number;
}

interface Mapping {
  start: bigint;
  end: bigint;
  perms: string;
  path: string;
  rss: number;
}

/** The mappings of `smaps` text, each with its Rss in bytes. */
export function parseSmaps(smaps: string): Mapping[] {
  const mappings: Mapping[] = [];
  for (const line of smaps.split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      mappings.push({
        start: BigInt(`0x${head[1]!}`),
        end: BigInt(`0x${head[2]!}`),
        perms: head[3]!,
        path: head[4]!,
        rss: 0,
      });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB$/.exec(line);
    if (rss && mappings.length > 0) mappings[mappings.length - 1]!.rss = Number(rss[1]) * 1024;
  }
  return mappings;
}

/** A MemoryMap of nothing, to add to. */
function emptyMemoryMap(): MemoryMap {
  return { rss: 0, file: 0, mainArena: 0, threadArenas: 0, arenas: 0, otherAnon: 0 };
}

/** Sorts the mappings of `smaps` text (see MemoryMap). */
export function classifyMappings(smaps: string): MemoryMap {
  const mappings = parseSmaps(smaps);
  const map = emptyMemoryMap();
  const size = BigInt(ARENA_HEAP_BYTES);
  for (const [i, m] of mappings.entries()) {
    map.rss += m.rss;
    if (m.path === '[heap]') map.mainArena += m.rss;
    else if (m.path !== '' && !m.path.startsWith('[')) map.file += m.rss;
    else if (m.path === '' && m.perms.startsWith('rw') && m.start % size === 0n) {
      // An arena's heap: its reservation, this mapping and a `---p` rest, is exactly HEAP_MAX_SIZE.
      const next = mappings[i + 1];
      const end =
        next && next.start === m.end && next.perms.startsWith('---') && next.path === ''
          ? next.end
          : m.end;
      if (end - m.start === size) {
        map.threadArenas += m.rss;
        map.arenas += 1;
      } else map.otherAnon += m.rss;
    } else map.otherAnon += m.rss;
  }
  return map;
}

/** classifyMappings of process `pid`; all zero when it is gone. */
export function memoryMap(pid: number): MemoryMap {
  try {
    return classifyMappings(readFileSync(`/proc/${pid}/smaps`, 'utf8'));
  } catch {
    return emptyMemoryMap();
  }
}

/**
 * Where the resident memory of a server's processes lies at rest, summed
 * over them, bytes: V8's figures (collect-garbage.ts) beside the kernel's
 * map. `native` is what neither V8's heap, the memory V8 is told of
 * (`external`: Buffers, the page cache's among them) nor files hold:
 * SQLite's page cache, zlib and brotli state, libuv, malloc's free space
 * and V8's own malloc (compiler zones).
 */
export interface MemoryBreakdown extends MemoryMap {
  /** V8's heap committed, and used of it. */
  v8Heap: number;
  v8Used: number;
  /** V8's code space (part of v8Heap). */
  codeSpace: number;
  /** Backing stores of Buffers and ArrayBuffers (the page cache's bodies). */
  arrayBuffers: number;
  /** Other memory V8 is told of (external strings, zlib streams while open). */
  otherExternal: number;
  /** rss − v8Heap − external − file. */
  native: number;
}

/** The MemoryBreakdown of the processes that gave `readings`, their maps read now. */
export function memoryBreakdown(readings: readonly HeapReading[]): MemoryBreakdown {
  const sum: MemoryBreakdown = {
    ...emptyMemoryMap(),
    v8Heap: 0,
    v8Used: 0,
    codeSpace: 0,
    arrayBuffers: 0,
    otherExternal: 0,
    native: 0,
  };
  for (const reading of readings) {
    const map = memoryMap(reading.pid);
    for (const key of Object.keys(map) as Array<keyof MemoryMap>) sum[key] += map[key];
    sum.v8Heap += reading.heapTotal;
    sum.v8Used += reading.heapUsed;
    sum.codeSpace += reading.codeSpace;
    sum.arrayBuffers += reading.arrayBuffers;
    sum.otherExternal += reading.external - reading.arrayBuffers;
    sum.native += map.rss - reading.heapTotal - reading.external - map.file;
  }
  return sum;
}

const MiB = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** One line of `breakdown`, MiB: `V8 heap 40 (used 30, code 5) · buffers …`. */
export function breakdownText(b: MemoryBreakdown): string {
  return (
    `V8 heap ${MiB(b.v8Heap)} (used ${MiB(b.v8Used)}, code ${MiB(b.codeSpace)}) · ` +
    `buffers ${MiB(b.arrayBuffers)} · other external ${MiB(b.otherExternal)} · ` +
    `files ${MiB(b.file)} · native ${MiB(b.native)} ` +
    `(malloc main ${MiB(b.mainArena)}, ${b.arenas} thread arenas ${MiB(b.threadArenas)})`
  );
}
