// Preloaded into the Prism child process: exits when the process that started
// it is gone, so a crashed test run or demo never leaves a mock server behind.
const parentPid = Number(process.env.BOX_TS_WATCHDOG_PARENT);
if (parentPid > 0) {
  const timer = setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      process.exit(0);
    }
  }, 500);
  timer.unref();
}
