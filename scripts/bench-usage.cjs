// Preloaded into each ESLint child by scripts/bench.mjs (`node --require`): at exit, writes what
// the OS counted for the whole process (user+sys CPU of every thread, peak RSS) to the file named
// by KEYFENCE_BENCH_USAGE. process.resourceUsage() is getrusage(RUSAGE_SELF): no GNU time needed.
const target = process.env.KEYFENCE_BENCH_USAGE;
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    require("node:fs").writeFileSync(
      target,
      JSON.stringify({ cpuMicros: usage.userCPUTime + usage.systemCPUTime, maxRssKiB: usage.maxRSS }),
    );
  });
}
