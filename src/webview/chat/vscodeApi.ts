import type { WebviewToHostMessage } from '../../shared/protocol';

/** What the webview keeps across reloads of itself (not the transcript: the host owns that). */
export interface ChatWebviewState {
  draft?: string;
}

export interface ChatHost {
  postMessage(message: WebviewToHostMessage): void;
  getState(): ChatWebviewState | undefined;
  setState(state: ChatWebviewState): void;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The typed channel to the extension host. `acquireVsCodeApi` may be called only once per page. */
export function acquireChatHost(): ChatHost {
  const api = acquireVsCodeApi();
  return {
    postMessage: (message) => api.postMessage(message),
    getState: () => {
      const s = api.getState();
      return typeof s === 'object' && s !== null ? (s as ChatWebviewState) : undefined;
    },
    setState: (state) => api.setState(state),
  };
}
