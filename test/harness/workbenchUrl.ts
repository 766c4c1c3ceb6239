/** Builds the URL that opens a code-server workbench, optionally with an extension-development payload. */
export interface WorkbenchUrlOptions {
  /** Absolute path of the folder to open. */
  folder?: string;
  /** Absolute path of an extension to load in development mode (remote extension host). */
  extensionDevelopmentPath?: string;
  /** Absolute path of a module exporting `run(): Promise<void>`; makes the window a test run. */
  extensionTestsPath?: string;
}

/**
 * The browser workbench reads `extensionDevelopmentPath`/`extensionTestsPath` from the `payload` query
 * parameter. `vscode-remote://` URIs put them in the remote (Node) extension host, where the extension
 * runs as it does on the desktop.
 */
export function workbenchUrl(serverUrl: string, options: WorkbenchUrlOptions = {}): string {
  const base = new URL(serverUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new Error(`workbenchUrl: server URL must be http(s), got "${serverUrl}".`);
  }
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath !== undefined) {
    payload.push(['extensionDevelopmentPath', remoteUri(base, options.extensionDevelopmentPath)]);
  }
  if (options.extensionTestsPath !== undefined) {
    if (options.extensionDevelopmentPath === undefined) {
      throw new Error('workbenchUrl: extensionTestsPath needs extensionDevelopmentPath as well.');
    }
    payload.push(['extensionTestsPath', remoteUri(base, options.extensionTestsPath)]);
  }
  const params: string[] = [];
  if (options.folder !== undefined) params.push(`folder=${encodeURIComponent(absolute(options.folder, 'folder'))}`);
  if (payload.length > 0) params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${base.origin}/${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

/** `vscode-remote://<host:port><abs path>`, with each path segment percent-encoded. */
export function remoteUri(server: URL | string, absPath: string): string {
  const base = typeof server === 'string' ? new URL(server) : server;
  const p = absolute(absPath, 'path');
  return `vscode-remote://${base.host}${p.split('/').map(encodeURIComponent).join('/')}`;
}

function absolute(p: string, what: string): string {
  if (!p.startsWith('/')) throw new Error(`workbenchUrl: ${what} must be an absolute POSIX path, got "${p}".`);
  return p;
}
