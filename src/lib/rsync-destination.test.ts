import { describe, expect, it } from 'vitest';
import { rsyncDestinationProblem } from './rsync-destination.js';

describe('rsyncDestinationProblem', () => {
  it.each([
    'rsync://mirror.example/news/',
    'rsync://push@mirror.example:873/news/site',
    'mirror.example::news/',
    'push@mirror.example::news',
    'deploy@mirror.example:/srv/mirror/',
    'mirror.example:mirror',
    '/srv/mirror/',
    '/media/usb/a:b',
  ])('takes %j', (value) => {
    expect(rsyncDestinationProblem(value)).toBeNull();
  });

  it.each([
    ['', 'empty: give an rsync destination such as rsync://host/module/'],
    [
      '/srv/my mirror/',
      'has a space, a line break or another control character: give one rsync destination',
    ],
    [
      'host:/srv\n--rsh=sh',
      'has a space, a line break or another control character: give one rsync destination',
    ],
    [
      'host:/srv\t',
      'has a space, a line break or another control character: give one rsync destination',
    ],
    ['-e.sh', "starts with '-', which rsync would read as an option"],
    ['--delete-excluded', "starts with '-', which rsync would read as an option"],
    ['rsync://mirror.example/', 'an rsync URL names a host and a module: rsync://host/module/'],
    ['rsync:///news/', 'an rsync URL names a host and a module: rsync://host/module/'],
    ['mirror', 'neither rsync://host/module/, [user@]host:path nor an absolute folder'],
    ['srv/mirror/', 'neither rsync://host/module/, [user@]host:path nor an absolute folder'],
    ['./x:y', 'neither rsync://host/module/, [user@]host:path nor an absolute folder'],
  ])('refuses %j: %s', (value, problem) => {
    expect(rsyncDestinationProblem(value)).toBe(problem);
  });
});
