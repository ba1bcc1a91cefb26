import { fileURLToPath } from 'node:url';
import { type PreviewServer, preview } from 'vite';

/** Serves the built page (dist/web) on 127.0.0.1 at a free port; resolves with the server and its address. */
export async function servePage(): Promise<{ server: PreviewServer; url: string }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const server = await preview({
    root,
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server has no local address');
  return { server, url };
}
