/**
 * Where Debian's Chromium is and how it is started, for everything that drives it through
 * playwright-core: the book (`npm run book`) and the browser tests. No browser is ever downloaded.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep the browser quiet: no first-run UI, no background requests to Google. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
