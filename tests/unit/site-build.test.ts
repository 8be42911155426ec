/** Reading Astro's build log: how many pages an incremental build rendered and restored. */
import { describe, expect, it } from 'vitest';
import { countPages } from '../../scripts/lib/site-build.ts';

describe('countPages', () => {
  it('counts rendered and restored pages when four render at a time and their log lines interleave', () => {
    // As Astro 7.3 writes it with build.concurrency 4 (node_modules/astro/dist/core/build/generate.js).
    const log = [
      '12:00:01 [build] ✓ Completed in 2.59s.',
      ' generating static routes ',
      '12:00:02   ├─ /.well-known/security.txt12:00:02   ├─ /404.html12:00:02   ├─ /about/index.html12:00:02   ├─ /atom.xml (+36ms) ',
      '12:00:02   ├─ /stories/man-man-lai/index.html (restored)',
      '12:00:02   ├─ /stories/shan-li-de-deng/index.html (+35ms) ',
      ' (+26ms) ',
      ' (+25ms) ',
      '12:00:02   └─ /teachers/su-man/index.html (restored)',
      ' (+22ms) ',
      '12:00:03 ✓ Completed in 3.29s.',
      ' generating optimized images ',
      '12:00:03   ▶ /_astro/photo-1.DBLD_iCR_Z1D0ho3.avif (reused cache entry) (+1ms) (1/232)',
    ].join('\n');
    expect(countPages(log)).toEqual({ rendered: 5, restored: 2, cached: 0 });
  });

  it('adds the pages the log destination of the site counted in one line', () => {
    const log = [
      ' generating static routes ',
      '12:00:02   ├─ /.well-known/security.txt12:00:02   ├─ /stories/shan-li-de-deng/index.html (+35ms) ',
      '12:00:02   ├─ /teachers/su-man/index.html (restored)',
      ' (+22ms) ',
      '  沿用上次构建的页面 31572 个（原地保留 31570 个，从缓存恢复 2 个）',
      '12:00:03 ✓ Completed in 3.29s.',
      ' generating optimized images ',
      '  沿用缓存的优化图片 19048 张',
    ].join('\n');
    expect(countPages(log)).toEqual({ rendered: 2, restored: 3, cached: 31570 });
  });

  it('finds nothing in a log without the page phase', () => {
    expect(countPages('[build] failed')).toEqual({ rendered: 0, restored: 0, cached: 0 });
  });
});
