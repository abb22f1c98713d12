// Preloaded (node --require) into a measured CLI run: writes the process's peak RSS (KB, worker
// threads included) to the file named by MATHDOWN_BENCH_RSS_FILE when it exits.
const fs = require('node:fs');
process.on('exit', () => {
  if (process.env.MATHDOWN_BENCH_RSS_FILE) fs.writeFileSync(process.env.MATHDOWN_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
