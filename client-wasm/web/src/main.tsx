import { render } from 'preact';
import { App } from './app';
import { loadCrypto } from './pde';
import { addressWithoutSecret, parseRoute } from './sharing';
import './styles.css';

// First of all: read the address, and take a secret fragment (an invitation, a link's key)
// out of the address bar and the history entry.
const route = parseRoute(location.pathname, location.hash);
if (route.kind !== 'app') history.replaceState(null, '', addressWithoutSecret(route, location.pathname));

// Start fetching and compiling the crypto module while the person reads the start page.
void loadCrypto().catch(() => undefined);
render(<App route={route} />, document.getElementById('app')!);
