// LoadingHold (src/vscode/schedule/loadingHold.ts): while a preview page loads, lint on open of its
// document waits as it does for a first screen, until the render takes over, the page goes, or the
// time limit passes. Driven by a fake clock: no real time passes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FirstScreens } from '../../src/vscode/schedule/firstScreens';
import { LoadingHold } from '../../src/vscode/schedule/loadingHold';
import { FakeClock } from './helpers/fakeClock';

test('a loading page holds its document until released; the timer goes with the release', () => {
  const screens = new FirstScreens();
  const clock = new FakeClock();
  const hold = new LoadingHold(screens, clock);
  hold.hold('a');
  assert.equal(screens.busy('a'), true);
  assert.equal(screens.busy('b'), false);
  hold.release();
  assert.equal(screens.busy('a'), false);
  assert.equal(clock.pending, 0);
  hold.release(); // a second release changes nothing
  assert.equal(screens.busy('a'), false);
});

test('lint running on the document is told (it gives way) when the page starts loading', () => {
  const screens = new FirstScreens();
  const heard: string[] = [];
  screens.onBegin((uri) => heard.push(uri));
  new LoadingHold(screens, new FakeClock()).hold('a');
  assert.deepEqual(heard, ['a']);
});

test('the render takes over: the document stays held until its first screen is shown', () => {
  const screens = new FirstScreens();
  const hold = new LoadingHold(screens, new FakeClock());
  hold.hold('a');
  const firstShown = screens.begin('a');
  hold.release();
  assert.equal(screens.busy('a'), true);
  firstShown();
  assert.equal(screens.busy('a'), false);
});

test('a page that does not get to render lets the work go when the time is up', async () => {
  const screens = new FirstScreens();
  const clock = new FakeClock();
  const hold = new LoadingHold(screens, clock);
  hold.hold('a');
  let linted = false;
  const waiting = screens.whenShown('a').then(() => (linted = true));
  clock.expire();
  await waiting;
  assert.equal(linted, true);
  assert.equal(screens.busy('a'), false);
});

test('loading another document ends the hold of the previous one', () => {
  const screens = new FirstScreens();
  const clock = new FakeClock();
  const hold = new LoadingHold(screens, clock);
  hold.hold('a');
  hold.hold('b');
  assert.equal(screens.busy('a'), false);
  assert.equal(screens.busy('b'), true);
  assert.equal(clock.pending, 1);
});

test('without FirstScreens (no lint to hold) nothing happens', () => {
  const clock = new FakeClock();
  const hold = new LoadingHold(undefined, clock);
  hold.hold('a');
  hold.release();
  assert.equal(clock.pending, 0);
});
