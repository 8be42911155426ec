/**
 * Resident memory of a process and all its descendants, from Linux's /proc: a build's memory is
 * Astro's process plus the ones it starts (Pagefind, sharp's workers, Chromium for the book).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (kB) of `root` and every process below it. */
export function treeRssKb(root: number): number {
  return treeProcesses(root).reduce((sum, p) => sum + p.kb, 0);
}

/** `root` and every process below it: pid, resident memory (kB) and command line. */
export function treeProcesses(root: number): { pid: number; kb: number; command: string }[] {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf-8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: { pid: number; kb: number; command: string }[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf-8').split('\0').join(' ');
    } catch {
      // Ended meanwhile.
    }
    found.push({ pid, kb: rss.get(pid) ?? 0, command });
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}
