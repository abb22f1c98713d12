// Worker entry: MathJax runs here so that the main thread never blocks and a runaway formula
// can be stopped by terminating the thread.
import { parentPort } from 'node:worker_threads';
import { MathJaxEngine } from './mathjaxEngine';
import type { EngineConfig, WorkerReply, WorkerRequest } from './typesetProtocol';

const ENGINE_LIMIT = 4;
const engines = new Map<string, MathJaxEngine>();

function engineFor(key: string, config: EngineConfig): MathJaxEngine {
  let engine = engines.get(key);
  if (engine) {
    engines.delete(key);
  } else {
    engine = new MathJaxEngine(config, key);
    if (engines.size >= ENGINE_LIMIT) engines.delete(engines.keys().next().value!);
  }
  engines.set(key, engine);
  return engine;
}

function handle(request: WorkerRequest): WorkerReply {
  const engine = engineFor(request.configKey, request.config);
  if (request.type === 'style') return { type: 'style', id: request.id, css: engine.styleSheet() };
  if (!engine.useDefinitions(request.definitions, request.steps)) return { type: 'needSteps', id: request.id };
  if (request.labels) engine.setLabels(request.labels);
  return { type: 'rendered', id: request.id, ...engine.render(request.tex, request.display, request.counter, request.redo) };
}

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = handle(request);
    } catch (err) {
      reply = { type: 'failed', id: request.id, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
