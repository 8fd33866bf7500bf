/**
 * Preloaded (`node --expose-gc -r ./bench/gcProbe.cjs server/dist/main.js`) into the server whose memory the bench
 * reads, and into nothing else. On SIGUSR2 it collects all garbage and prints the memory use on one stdout line, so
 * the bench can read what the server keeps, not where the last load left the garbage collector: idle RSS alone
 * swings by 100 MB and more between readings of the same server (issue 23).
 */
process.on('SIGUSR2', () => {
  global.gc(); // twice: the first full collection can leave objects that finalizers released for the second
  global.gc();
  process.stdout.write(`gc-probe ${JSON.stringify(process.memoryUsage())}\n`);
});
