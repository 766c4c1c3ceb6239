import * as vscode from 'vscode';
import { errorMessage } from '../../common/errors';
import type { IChatEngine } from '../../core/chat/ChatEngine';
import type { Logger } from '../../core/ports';
import { chatHtml } from '../../shared/chatHtml';
import type { HostToWebviewMessage, UiSlashCommand } from '../../shared/protocol';
import { ChatViewSession, TRANSCRIPT_STATE_KEY } from './ChatViewSession';
import type { InsertedCode } from './InsertedCode';
import { insertedRanges, withEol } from './insertedRanges';
import { webviewNonce } from './webviewNonce';

export interface ChatViewOptions {
  /**
   * Slash commands offered by completion when the prompt starts with "/" (the same list @jarvis
   * declares). The text is sent as typed; the engine parses it. @default []
   */
  commands?: readonly UiSlashCommand[];
  /** Told each message before it is posted (the integration tests' record; absent outside ExtensionMode.Test). */
  onPost?: (message: HostToWebviewMessage) => void;
}

/**
 * The "Jarvis" chat view: a webview front end on the same chat engine as `@jarvis`, for VS Code
 * builds without a Chat view (code-server, VSCodium). The webview only draws; ChatViewSession owns
 * the transcript and turns; this class binds them to VS Code (webview, clipboard, editor, commands).
 */
export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'jarvis.chatView';
  /** workspaceState key of the saved transcript. */
  static readonly stateKey = TRANSCRIPT_STATE_KEY;

  private readonly session: ChatViewSession;
  private view: vscode.WebviewView | undefined;
  private viewSubscriptions: vscode.Disposable[] = [];
  private readonly insertedEmitter = new vscode.EventEmitter<InsertedCode>();
  /** Fired once per place code was put by "Insert at Cursor" (after the edit applied). */
  readonly onDidInsertCode: vscode.Event<InsertedCode> = this.insertedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    engine: IChatEngine,
    state: vscode.Memento,
    private readonly logger: Logger,
    private readonly options: ChatViewOptions = {},
  ) {
    this.session = new ChatViewSession(
      engine,
      state,
      logger,
      {
        copy: (code) => this.copy(code),
        insert: (code) => this.insert(code),
        runCommand: async (command, args) => {
          await vscode.commands.executeCommand(command, ...args);
        },
        openReference: (uri) => this.openReference(uri),
        editorLanguageId: () => vscode.window.activeTextEditor?.document.languageId,
      },
      options.commands ?? [],
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.releaseView();
    this.view = view;
    const webview = view.webview;
    webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    this.session.attach((message) => this.post(webview, message));
    this.viewSubscriptions.push(
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      view.onDidDispose(() => {
        if (this.view !== view) return;
        this.releaseView();
        this.session.detach();
      }),
    );
    webview.html = chatHtml({
      cspSource: webview.cspSource,
      nonce: webviewNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'chat.js')).toString(),
      buttonStyleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'buttons.css')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'chat.css')).toString(),
    });
  }

  /** A message from the page (the webview's onDidReceiveMessage, or the tests' stand-in for the page). */
  receive(message: unknown): void {
    this.session.receive(message);
  }

  /** Shows the view (creating it if needed) and focuses it. */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
  }

  /** Shows the view and sends `prompt` as if typed there (Explain, Review, Ask About Selection). */
  async ask(prompt: string): Promise<void> {
    await this.reveal();
    this.session.ask(prompt);
  }

  /** Stops any answer in progress and starts an empty conversation. */
  newChat(): void {
    this.session.newChat();
  }

  dispose(): void {
    this.releaseView();
    this.session.dispose();
    this.insertedEmitter.dispose();
  }

  private post(webview: vscode.Webview, message: HostToWebviewMessage): void {
    this.options.onPost?.(message);
    webview.postMessage(message).then(undefined, (e: unknown) => {
      this.logger.debug(`Chat view: could not post "${message.type}": ${errorMessage(e)}`);
    });
  }

  private async copy(code: string): Promise<void> {
    try {
      await vscode.env.clipboard.writeText(code);
      vscode.window.setStatusBarMessage('$(check) Jarvis: code copied', 2000);
    } catch (e) {
      this.logger.warn(`Chat view: copy failed: ${errorMessage(e)}`);
      void vscode.window.showWarningMessage(`Jarvis could not copy the code: ${errorMessage(e)}`);
    }
  }

  private async insert(code: string): Promise<void> {
    // Focus is in the view, but activeTextEditor stays the editor the user last worked in.
    const visible = vscode.window.visibleTextEditors;
    const editor = vscode.window.activeTextEditor ?? (visible.length === 1 ? visible[0] : undefined);
    if (!editor) {
      void vscode.window.showInformationMessage('Jarvis: open a file and place the cursor where the code should go, then press "Insert at Cursor" again.');
      return;
    }
    try {
      const document = editor.document;
      // The document stores its own line endings; insert them so the ranges below are exact.
      const text = withEol(code, document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
      const before = editor.selections.map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
      // One edit = one undo step, replacing every selection (or inserting at every cursor).
      const applied = await editor.edit((builder) => {
        for (const selection of editor.selections) builder.replace(selection, text);
      });
      if (!applied) {
        void vscode.window.showWarningMessage(`Jarvis could not insert the code into ${document.fileName}: the editor refused the edit (is it read-only?).`);
        return;
      }
      for (const r of insertedRanges(before, text.length)) {
        const range = new vscode.Range(document.positionAt(r.start), document.positionAt(r.end));
        this.insertedEmitter.fire({ document: document.uri, range, text, languageId: document.languageId });
      }
    } catch (e) {
      this.logger.warn(`Chat view: insert failed: ${errorMessage(e)}`);
      void vscode.window.showWarningMessage(`Jarvis could not insert the code: ${errorMessage(e)}`);
    }
  }

  private async openReference(uri: string): Promise<void> {
    try {
      // vscode.open handles files, untitled editors and notebook cells alike.
      await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(uri, true));
    } catch (e) {
      void vscode.window.showWarningMessage(`Jarvis could not open that reference: ${errorMessage(e)}`);
      throw e;
    }
  }

  private releaseView(): void {
    for (const d of this.viewSubscriptions.splice(0)) d.dispose();
    this.view = undefined;
  }
}
