import { describe, expect, it } from 'vitest';
import { classifyMappings } from '../../bench/memory-map.js';

const KB = 1024;

describe('classifyMappings', () => {
  it('sorts Rss into files, the main arena, thread arenas and other anonymous memory, skipping lines it does not know', () => {
    const smaps = [
      '55d0c0000000-55d0c0021000 r-xp 00000000 08:01 1234 /usr/bin/node',
      'Rss:                 100 kB',
      '55d0c1000000-55d0c1100000 rw-p 00000000 00:00 0 [heap]',
      'Rss:                 200 kB',
      // A thread arena: 64 MiB-aligned, this mapping and its `---p` rest make exactly 64 MiB.
      '7f0000000000-7f0000100000 rw-p 00000000 00:00 0',
      'Rss:                 300 kB',
      '7f0000100000-7f0004000000 ---p 00000000 00:00 0',
      'Rss:                   0 kB',
      // Aligned too, but not an arena's size: other anonymous memory (V8's heap, say).
      '7f0008000000-7f0008200000 rw-p 00000000 00:00 0',
      'Rss:                 400 kB',
      '7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0 [stack]',
      'Rss:                  50 kB',
      'Rss: not a number',
      'garbage ‮ line',
      '',
    ].join('\n');
    expect(classifyMappings(smaps)).toEqual({
      rss: 1050 * KB,
      file: 100 * KB,
      mainArena: 200 * KB,
      threadArenas: 300 * KB,
      arenas: 1,
      otherAnon: 450 * KB,
    });
    expect(classifyMappings('')).toEqual({
      rss: 0,
      file: 0,
      mainArena: 0,
      threadArenas: 0,
      arenas: 0,
      otherAnon: 0,
    });
  });
});
