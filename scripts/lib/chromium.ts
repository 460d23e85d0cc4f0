/**
 * How the browser tests, the screenshots and the search benchmark launch Chromium: Debian's binary
 * (or `CHROMIUM_PATH`), headless, with the background services off that would call out of a
 * closed network.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
