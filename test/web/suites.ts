// The suites that run in the web worker extension host: its own, then the integration suites that
// cover the preview (live update, scroll sync, links, images), completion/hover, untitled documents
// and documents on a FileSystemProvider's scheme, as they are.
import './webHost.test';
import '../integration/preview.test';
import '../integration/previewLiveUpdate.test';
import '../integration/authoring.test';
import '../integration/untitled.test';
import '../integration/virtualFs.test';
