// Preloaded into each ESLint child by scripts/bench.mjs (`node --require`): at exit, writes what
// the OS counted for the whole process (user+sys CPU of every thread, peak RSS) to the file named
// by KEYFENCE_BENCH_USAGE. CPU: process.resourceUsage() (getrusage(RUSAGE_SELF)).
// Peak RSS: on Linux, VmHWM from /proc/self/status, the high-water mark of this process's own
// memory. getrusage's maxrss is not: Linux carries it across exec, so a child of a bigger parent
// (the bench after a few thousand files' JSON) reports at least the parent's size.
// GC: the pauses perf_hooks reports (every kind), summed, to show where a CPU difference goes.
const target = process.env.KEYFENCE_BENCH_USAGE;
if (target) {
  const { PerformanceObserver } = require("node:perf_hooks");
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  process.on("exit", () => {
    for (const entry of observer.takeRecords()) gcMs += entry.duration;
    const fs = require("node:fs");
    const usage = process.resourceUsage();
    let maxRssKiB = usage.maxRSS;
    try {
      const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
      if (hwm) maxRssKiB = Number(hwm[1]);
    } catch {
      // Not Linux: getrusage's figure.
    }
    fs.writeFileSync(target, JSON.stringify({ cpuMicros: usage.userCPUTime + usage.systemCPUTime, maxRssKiB, gcMs }));
  });
}
