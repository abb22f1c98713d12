// The lint worker's script in a browser (dist/web/lintWorker.js): a Web Worker serving lint to whoever started it.
import { serveLint } from '../../core/lint/worker/serveLint';
import { selfPort } from '../platform/selfPort';

serveLint(selfPort());
