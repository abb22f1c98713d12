// FirstScreens (src/vscode/schedule/firstScreens.ts): lint on open waits while a preview of the
// same document puts up its first screen, and is told when one starts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FirstScreens } from '../../src/vscode/schedule/firstScreens';

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

test('no first screen under way: waiting resolves at once', async () => {
  const s = new FirstScreens();
  assert.equal(s.busy('a'), false);
  assert.equal(await settled(s.whenShown('a')), true);
});

test('waiting ends when every first screen of that document is shown, not another document’s', async () => {
  const s = new FirstScreens();
  const endA1 = s.begin('a');
  const endA2 = s.begin('a');
  const endB = s.begin('b');
  const waiting = s.whenShown('a');
  endB();
  assert.equal(await settled(waiting), false);
  endA1();
  endA1(); // a second call changes nothing
  assert.equal(await settled(waiting), false, 'one preview of a is still opening');
  endA2();
  assert.equal(await settled(waiting), true);
  assert.equal(s.busy('a'), false);
});

test('listeners hear of each first screen starting, until they unsubscribe', () => {
  const s = new FirstScreens();
  const heard: string[] = [];
  const sub = s.onBegin((uri) => heard.push(uri));
  s.begin('a');
  sub.dispose();
  s.begin('b');
  assert.deepEqual(heard, ['a']);
});
