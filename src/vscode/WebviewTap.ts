export type TappedView = 'chat' | 'dashboard';

/** One message Jarvis handed to a webview, and which view it was for. */
export interface WebviewPost {
  view: TappedView;
  message: unknown;
}

/**
 * The integration tests' access to Jarvis's webviews (ExtensionMode.Test only): every message the chat
 * view and the dashboard post to their pages, recorded before VS Code delivers it, so a test can show
 * that no API key ever reaches a page; and a way to hand a view a message as its page would post it
 * (a click the extension host cannot make), through the same validation as a real one.
 */
export class WebviewTap {
  private readonly posts: WebviewPost[] = [];
  private readonly receivers = new Map<TappedView, (message: unknown) => unknown>();
  private readonly listeners = new Set<(post: WebviewPost) => void>();

  record(view: TappedView, message: unknown): void {
    const post = { view, message };
    this.posts.push(post);
    for (const l of [...this.listeners]) l(post);
  }

  /** Called with each post from now on, until the returned handle is disposed. */
  onPost(listener: (post: WebviewPost) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  all(): readonly WebviewPost[] {
    return this.posts;
  }

  /** Called by each view when it is registered. */
  connect(view: TappedView, receive: (message: unknown) => unknown): void {
    this.receivers.set(view, receive);
  }

  async fromPage(view: TappedView, message: unknown): Promise<void> {
    const receive = this.receivers.get(view);
    if (!receive) throw new Error(`No ${view} webview is registered.`);
    await receive(message);
  }
}
