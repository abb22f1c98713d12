// The typesetting worker's script in a browser (dist/web/typesetWorker.js): a Web Worker serving typesetting to whoever started it.
import { serveTypesetting } from '../../core/mathjax/serveTypesetting';
import { selfPort } from '../platform/selfPort';

serveTypesetting(selfPort());
