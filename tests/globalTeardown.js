/**
 * After the whole run (jest's globalTeardown; with --runInBand the tests ran
 * in this process): a child process a test left running — a browser whose
 * launch outlived a timed-out hook, a pcscd — would keep jest alive after the
 * results are in; CI once sat on one until its time limit. Name each one so it
 * gets fixed, then end it so the run finishes with its real result.
 */
module.exports = async function endLeftoverChildProcesses() {
  // process._getActiveHandles is Node's (undocumented, long-standing) list of what keeps the event loop alive.
  const children = process._getActiveHandles().filter((handle) => handle?.constructor?.name === 'ChildProcess' && handle.exitCode === null && handle.signalCode === null);
  for (const child of children) {
    process.stderr.write(`[jest teardown] a test left ${child.spawnfile} (pid ${child.pid}) running; ending it\n`);
    child.kill('SIGKILL');
  }
};
