import { defineConfig } from 'vitest/config';

// No React plugin: esbuild compiles JSX for Preact directly.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Keep the wasm as a separate file (never inlined as a data: URL; the CSP forbids that).
    assetsInlineLimit: 0,
    // No inline module-preload polyfill script (CSP: no inline script).
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  // The crypto worker is a module worker (crypto-client.ts), built as an ES module.
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
