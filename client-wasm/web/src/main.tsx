import { render } from 'preact';
import { App } from './app';
import { loadCrypto } from './pde';
import './styles.css';

// Start fetching and compiling the crypto module while the person reads the start page.
void loadCrypto().catch(() => undefined);
render(<App />, document.getElementById('app')!);
