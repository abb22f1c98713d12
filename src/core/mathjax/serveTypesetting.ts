// Inside the typesetting worker: MathJax runs there so that the main thread never blocks and a
// runaway formula can be stopped by terminating the worker. The host's worker script hands its
// channel here (src/node/workers/typesetWorker.ts).
import type { ServingPort } from '../platform/workerPort';
import { MathJaxEngine } from './mathjaxEngine';
import type { EngineConfig, RenderRequest, WorkerReply, WorkerRequest } from '../typeset/typesetProtocol';

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

function render(request: RenderRequest, send: (reply: WorkerReply) => void): void {
  const engine = engineFor(request.configKey, request.config);
  if (!engine.useDefinitions(request.definitions, request.steps)) return send({ type: 'needSteps', id: request.id });
  if (request.labels) engine.setLabels(request.labels);
  let counter = request.counter;
  request.formulas.forEach(({ tex, display }, index) => {
    const outcome = engine.render(tex, display, counter, request.redo, request.compileOnly ?? false);
    if (!request.redo) counter = outcome.counterAfter;
    send({ type: 'rendered', id: request.id, index, ...outcome });
  });
}

/** Answers the typesetting requests that arrive on `port`, after saying 'ready'. */
export function serveTypesetting(port: ServingPort<WorkerRequest, WorkerReply>): void {
  const send = (reply: WorkerReply): void => port.postMessage(reply);
  port.onMessage((request) => {
    try {
      if (request.type === 'style') send({ type: 'style', id: request.id, css: engineFor(request.configKey, request.config).styleSheet() });
      else render(request, send);
    } catch (err) {
      send({ type: 'failed', id: request.id, message: err instanceof Error ? err.message : String(err) });
    }
  });
  send({ type: 'ready' });
}
