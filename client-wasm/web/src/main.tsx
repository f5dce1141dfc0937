import { render } from 'preact';
import { App } from './app';
import { startHistory } from './nav';
import { loadCrypto } from './pde';
import { addressWithoutSecret, parseRoute } from './sharing';
import './styles.css';

// First of all: read the address, and take a secret fragment (an invitation, a link's key)
// out of the address bar and the history entry.
const route = parseRoute(location.pathname, location.hash);
if (route.kind !== 'app') history.replaceState(null, '', addressWithoutSecret(route, location.pathname));
// The app's screens become history entries from here on (nav.ts).
startHistory();

// Start the crypto worker (fetching and compiling the WASM module) while the person reads the start page.
loadCrypto();
render(<App route={route} />, document.getElementById('app')!);
