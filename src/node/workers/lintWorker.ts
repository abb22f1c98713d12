// The lint worker's script in Node (dist/lintWorker.js): a worker thread serving lint to its parent.
import { parentPort } from 'node:worker_threads';
import { serveLint } from '../../core/lint/worker/serveLint';
import { parentThreadPort } from '../platform/parentThreadPort';

if (parentPort) serveLint(parentThreadPort(parentPort));
