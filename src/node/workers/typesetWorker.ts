// The typesetting worker's script in Node (dist/typesetWorker.js): a worker thread serving typesetting to its parent.
import { parentPort } from 'node:worker_threads';
import { serveTypesetting } from '../../core/mathjax/serveTypesetting';
import { parentThreadPort } from '../platform/parentThreadPort';

if (parentPort) serveTypesetting(parentThreadPort(parentPort));
