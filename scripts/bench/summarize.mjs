// Turns the raw per-round measurements into per-engine medians and the issue-7 target verdicts.
import { ENGINES, PEERS } from './engines/index.mjs';
import { max, median } from './stats.mjs';

export const TARGETS = {
  edit: 0.1, cold: 1.0, firstScreen: 0.5, rssMB: 400, activationMs: 50, hostileMs: 2000,
};

/** Per pathological formula, the median over rounds; the verdict is the worst case against issue 2's 2 s. */
function hostileSummary(runs) {
  const ok = runs.filter((r) => !r.error && r.cases);
  if (!ok.length) return undefined;
  const cases = ok[0].cases.map((c, i) => ({ ...c, ms: median(ok.map((r) => r.cases[i]?.ms)), allTypeset: ok.every((r) => r.cases[i]?.othersTypeset === 4) }));
  const worst = Math.max(...cases.map((c) => c.ms));
  return { rounds: ok.length, cases, worst, pass: verdict(worst, TARGETS.hostileMs) === 'PASS' && cases.every((c) => c.allTypeset) ? 'PASS' : 'FAIL' };
}

function engineSummary(runs) {
  const ok = runs.filter((r) => !r.error);
  const fullRenders = ok.flatMap((r) => [...(r.warmMs ?? []), ...(r.editMs ?? [])]);
  return {
    rounds: ok.length,
    error: ok.length ? undefined : runs[0]?.error,
    loadMs: median(ok.map((r) => r.loadMs)),
    coldMs: median(ok.map((r) => r.coldMs)),
    warmMs: median(ok.flatMap((r) => r.warmMs ?? [])),
    editMs: median(ok.flatMap((r) => r.editMs ?? [])),
    // For a peer every render is a full render, so warm and edit renders are pooled.
    fullMs: median(fullRenders),
    rssPeakMB: median(ok.map((r) => r.rssPeakMB)),
    rssPeakMaxMB: max(ok.map((r) => r.rssPeakMB)),
    math: ok[0]?.cold?.math,
    errors: ok[0]?.cold?.errors,
    htmlMB: ok[0] ? ok[0].cold.htmlBytes / 1e6 : undefined,
    editFormula: ok[0]?.editFormula,
  };
}

function fastest(engines, field) {
  let best;
  for (const id of PEERS) {
    const v = engines[id]?.[field];
    if (v !== undefined && (!best || v < best.ms)) best = { id, ms: v };
  }
  return best;
}

const verdict = (value, limit) => (value === undefined ? 'n/a' : value <= limit ? 'PASS' : 'FAIL');

export function summarize(raw) {
  const engines = {};
  for (const e of ENGINES) engines[e.id] = engineSummary(raw.sessions[e.id] ?? []);
  const md = engines.mathdown;
  const fs = raw.firstScreen ?? { cold: [], warm: [] };
  const firstCold = median(fs.cold.filter((r) => !r.error).map((r) => r.ms));
  const firstWarm = median(fs.warm.filter((r) => !r.error).map((r) => r.ms));
  const firstInfo = fs.cold.find((r) => !r.error) ?? fs.warm.find((r) => !r.error);
  const act = (raw.activation ?? []).filter((r) => !r.error);
  const activationMs = median(act.map((r) => r.totalMs));
  const lazy = act.length > 0 && act.every((r) => r.workersStarted === 0 && !r.mathjaxInBundle && r.mathjaxModulesLoaded === 0);

  const reopened = (raw.reopen ?? []).filter((r) => !r.error);
  const reopenMs = median(reopened.map((r) => r.ms));
  const saves = (raw.sessions.mathdown ?? []).filter((r) => r.cacheFileMB);
  const reopenNote = reopened.length && saves.length
    ? `${reopened[0].restored} formulas restored from a ${saves[0].cacheFileMB.toFixed(0)} MB file, written in ${Math.round(median(saves.map((r) => r.cacheSaveMs)))} ms; ${reopened[0].out.misses} typeset`
    : undefined;
  const peerFull = fastest(engines, 'fullMs');
  const peerCold = fastest(engines, 'coldMs');
  const mj = engines.markedMathjax;
  const ratio = (a, b) => (a !== undefined && b ? a / b : undefined);
  const targets = [
    { n: 1, what: '1-char edit in a formula → HTML', value: md.editMs, base: peerFull, ratio: ratio(md.editMs, peerFull?.ms), limit: TARGETS.edit, basis: 'fastest peer, warm full render' },
    { n: 2, what: 'cold full render, all math typeset', value: md.coldMs, base: mj.coldMs !== undefined ? { id: 'markedMathjax', ms: mj.coldMs } : undefined, ratio: ratio(md.coldMs, mj.coldMs), limit: TARGETS.cold, basis: 'Marked + MathJax, cold' },
    { n: 3, what: firstInfo?.method === 'firstScreen' ? `first screen (${firstInfo.out?.typeset} formulas) ready, whole document given (cold process)` : `first ${firstInfo?.prefixFormulas ?? 100} formulas ready (cold process)`, value: firstCold, base: peerCold, ratio: ratio(firstCold, peerCold?.ms), limit: TARGETS.firstScreen, basis: 'fastest peer, cold full render' },
    { n: '3b', what: 'same, worker already running', value: firstWarm, base: peerFull, ratio: ratio(firstWarm, peerFull?.ms), limit: TARGETS.firstScreen, basis: 'fastest peer, warm full render', info: true },
    { n: '2b', what: 'reopen: cold full render in a new process with the formula cache a previous session saved (read and restore included)', value: reopenMs, base: md.coldMs !== undefined ? { id: 'mathdown', ms: md.coldMs } : undefined, ratio: ratio(reopenMs, md.coldMs), basis: 'Mathdown, cold without the cache', info: true, note: reopenNote },
    { n: 4, what: 'peak RSS while rendering (+ edits)', value: md.rssPeakMB, unit: 'MB', ratio: undefined, limit: TARGETS.rssMB, basis: 'absolute, MB' },
    { n: 5, what: 'activation (require + activate)', value: activationMs, unit: 'ms', limit: TARGETS.activationMs, basis: 'absolute, ms', note: act.length ? (lazy ? 'no worker, no MathJax at activation' : 'MathJax or a worker loaded at activation') : undefined },
  ];
  for (const t of targets) {
    const v = t.ratio ?? (t.base ? undefined : t.value);
    t.pass = t.limit === undefined ? '–' : t.n === 5 && act.length && !lazy ? 'FAIL' : verdict(v, t.limit);
  }
  return { engines, targets, firstInfo, activation: act[0], hostile: hostileSummary(raw.hostile ?? []) };
}
