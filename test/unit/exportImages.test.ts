import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { embedImages, rewriteLocalImages } from '../../src/core/export/embedImages';
import { isLocalImageSource } from '../../src/core/export';
import { localImageLoader, localImagePath, localImageRelinker } from '../../src/node/loadLocalImage';

const dir = mkdtempSync(join(tmpdir(), 'mathdown-export-images-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('local sources are files; URLs, protocol-relative and fragments are not', () => {
  for (const s of ['a.png', './img/a b.png', '../up.svg', '/abs/x.png', 'file:///x/y.png', 'C:\\x\\y.png', 'img%20x.png'])
    assert.ok(isLocalImageSource(s), s);
  for (const s of ['https://x/y.png', 'http://x/y.png', '//cdn/y.png', 'data:image/png;base64,AA', '#frag', '', 'javascript:alert(1)'])
    assert.ok(!isLocalImageSource(s), s);
});

test('each local <img> becomes a data URI; remote ones and unreadable ones stay', async () => {
  const calls: string[] = [];
  const html =
    '<p><img src="a.png" alt="a"> <img alt="b" src="a.png"> <img src="https://x/y.png" alt="r"> <img src="missing.png" alt="m"> <img src="q&amp;r.gif" alt="e"></p>';
  const out = await embedImages(html, async (src) => {
    calls.push(src);
    if (src === 'a.png') return { mime: 'image/png', data: new Uint8Array([1, 2, 3]) };
    if (src === 'q&r.gif') return { mime: 'image/gif', data: new Uint8Array([71, 73, 70]) };
    return undefined;
  });
  assert.deepEqual(calls.sort(), ['a.png', 'missing.png', 'q&r.gif'], 'each distinct local source is loaded once, entities decoded');
  assert.equal(
    out,
    '<p><img src="data:image/png;base64,AQID" alt="a"> <img alt="b" src="data:image/png;base64,AQID"> <img src="https://x/y.png" alt="r"> <img src="missing.png" alt="m"> <img src="data:image/gif;base64,R0lG" alt="e"></p>',
  );
});

test('a loader that throws or returns a strange MIME type leaves the link', async () => {
  const html = '<img src="a.png" alt=""><img src="b.png" alt="">';
  const out = await embedImages(html, async (src) => {
    if (src === 'a.png') throw new Error('boom');
    return { mime: 'image/png" onerror="x', data: new Uint8Array([1]) };
  });
  assert.equal(out, html);
});

test('the Node loader reads image files relative to the document, by extension, and nothing else', async () => {
  writeFileSync(join(dir, 'pic one.png'), new Uint8Array([137, 80, 78, 71]));
  writeFileSync(join(dir, 'secret.txt'), 'not an image');
  const load = localImageLoader(dir);
  assert.deepEqual(await load('pic%20one.png?v=2#x'), { mime: 'image/png', data: readFileSync(join(dir, 'pic one.png')) });
  assert.equal((await load(`file://${join(dir, 'pic one.png').replace(/ /g, '%20')}`))?.mime, 'image/png');
  assert.equal(await load('secret.txt'), undefined);
  assert.equal(await load('nope.png'), undefined);
  assert.equal(await load('https://example.org/a.png'), undefined);
  assert.equal(localImagePath('sub/a.png', '/doc'), '/doc/sub/a.png');
});

test('a document image is embedded end to end through the Node loader', async () => {
  const png = readFileSync(join(__dirname, '../../../test/fixtures/export/figure.png'));
  writeFileSync(join(dir, 'figure.png'), png);
  const out = await embedImages('<img src="figure.png" alt="f">', localImageLoader(dir));
  assert.equal(out, `<img src="data:image/png;base64,${png.toString('base64')}" alt="f">`);
});

test('linked images are rebased when the page goes to another folder', async () => {
  const relink = localImageRelinker('/docs/notes', '/docs/site/html');
  assert.equal(await relink('img/a b.png'), '../../notes/img/a%20b.png');
  assert.equal(await relink('img/a%20b.png?v=1'), '../../notes/img/a%20b.png?v=1');
  assert.equal(await relink('/abs/a.png'), undefined);
  assert.equal(await localImageRelinker('/docs', '/docs/')('a.png'), undefined, 'same folder: kept as written');
  const html = await rewriteLocalImages('<img src="a.png" alt=""><img src="https://x/y.png" alt="">', relink);
  assert.equal(html, '<img src="../../notes/a.png" alt=""><img src="https://x/y.png" alt="">');
});
