import { assertNever, type HostToWebviewMessage, type TranscriptMessage } from '../../shared/protocol';
import { sanitizeSlashCommands } from '../../shared/matchSlashCommands';
import { emptyTranscript, reduceTranscript, type TranscriptState } from '../../shared/reduceTranscript';
import { FrameScheduler } from './frameScheduler';
import { SlashMenu } from './SlashMenu';
import { createMessageElement, updateMessageElement } from './messageElement';
import type { ChatHost } from './vscodeApi';

/** Distance from the bottom (px) within which new output keeps the transcript scrolled down. */
const STICK_TO_BOTTOM_PX = 48;

interface Elements {
  transcript: HTMLElement;
  notice: HTMLElement;
  composer: HTMLFormElement;
  prompt: HTMLTextAreaElement;
  send: HTMLButtonElement;
  stop: HTMLButtonElement;
  slashMenu: HTMLElement;
}

/**
 * The chat view's UI. State lives in a TranscriptState folded from host messages; the DOM follows
 * it: one element per message, redrawn (at most once per frame) only when its message changed.
 */
export class ChatApp {
  private state: TranscriptState = emptyTranscript;
  private readonly elements = new Map<string, HTMLElement>();
  private readonly dirty = new Set<string>();
  private readonly frame: FrameScheduler;
  /** Prompt sent but not yet accepted: the box is cleared only when the host starts the turn. */
  private pendingPrompt: string | undefined;
  private readonly slash: SlashMenu;

  constructor(
    private readonly host: ChatHost,
    private readonly ui: Elements,
    private readonly doc: Document = document,
  ) {
    this.frame = new FrameScheduler(() => this.flush());
    // What was typed while the script loaded wins over the saved draft.
    if (ui.prompt.value === '') ui.prompt.value = host.getState()?.draft ?? '';
    // onPromptKey asks it first: keys the open menu uses (Enter, Esc…) then never send or stop.
    this.slash = new SlashMenu(ui.prompt, ui.slashMenu, doc);
    ui.prompt.addEventListener('keydown', (e) => this.onPromptKey(e));
    ui.prompt.addEventListener('input', () => host.setState({ draft: ui.prompt.value }));
    ui.composer.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send();
    });
    ui.stop.addEventListener('click', () => this.stop());
    ui.transcript.addEventListener('click', (e) => this.onTranscriptClick(e));
    // Mouse clicks on message buttons should not pull focus out of the prompt.
    ui.transcript.addEventListener('mousedown', (e) => {
      if ((e.target as Element).closest('button')) e.preventDefault();
    });
    this.renderControls();
    // The page ships Send disabled: a click before this script ran would submit the form natively and
    // navigate the webview away (the prompt lost, the view blank).
    ui.send.disabled = false;
  }

  /** Handshake: the host posts nothing until it hears this. */
  start(): void {
    this.host.postMessage({ type: 'ready' });
    this.ui.prompt.focus();
  }

  receive(msg: HostToWebviewMessage): void {
    const previous = this.state;
    this.state = reduceTranscript(previous, msg);
    switch (msg.type) {
      case 'init':
        this.slash.setCommands(sanitizeSlashCommands(msg.commands));
        this.rebuild();
        this.hideNotice();
        break;
      case 'cleared':
        this.rebuild();
        this.hideNotice();
        this.ui.prompt.focus();
        break;
      case 'turnStart':
        this.hideNotice();
        if (this.pendingPrompt === msg.prompt && this.ui.prompt.value === msg.prompt) {
          this.ui.prompt.value = '';
          this.host.setState({ draft: '' });
        }
        this.pendingPrompt = undefined;
        this.reconcile(previous.messages);
        break;
      case 'chunk':
      case 'turnEnd':
        this.reconcile(previous.messages);
        break;
      case 'notice':
        this.pendingPrompt = undefined;
        this.showNotice(msg.message);
        break;
      default:
        assertNever(msg, 'host message');
    }
    this.renderControls();
  }

  private send(): void {
    const prompt = this.ui.prompt.value;
    if (prompt.trim() === '') return;
    this.pendingPrompt = prompt;
    this.host.postMessage({ type: 'send', prompt });
    this.ui.prompt.focus();
  }

  private stop(): void {
    if (!this.state.busy) return;
    this.host.postMessage({ type: 'stop' });
    this.ui.prompt.focus();
  }

  private onPromptKey(e: KeyboardEvent): void {
    if (this.slash.handleKey(e)) return;
    // isComposing: Enter that confirms an IME composition is not a send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.send();
    } else if (e.key === 'Escape' && this.state.busy) {
      e.preventDefault();
      this.stop();
    }
  }

  private onTranscriptClick(e: MouseEvent): void {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'copy' || action === 'insert') {
      const code = button.closest('.code-block')?.querySelector('code')?.textContent ?? '';
      this.host.postMessage({ type: action, code });
      if (action === 'copy') flashLabel(button, 'Copied');
    } else if (action === 'run-action') {
      const id = button.closest<HTMLElement>('.message')?.dataset.id;
      const message = this.state.messages.find((m) => m.id === id);
      const chosen = message?.role === 'error' ? message.actions[Number(button.dataset.index)] : undefined;
      if (chosen) this.host.postMessage({ type: 'runAction', command: chosen.command, args: chosen.args });
    } else if (action === 'run-notice-action') {
      const id = button.closest<HTMLElement>('.message')?.dataset.id;
      const message = this.state.messages.find((m) => m.id === id);
      const notice = message?.role === 'assistant' ? message.notices?.[Number(button.dataset.notice)] : undefined;
      const chosen = notice?.actions?.[Number(button.dataset.index)];
      if (chosen) this.host.postMessage({ type: 'runAction', command: chosen.command, args: chosen.args });
    } else if (action === 'open-reference') {
      const id = button.closest<HTMLElement>('.message')?.dataset.id;
      const message = this.state.messages.find((m) => m.id === id);
      const ref = message?.role === 'assistant' ? message.references?.[Number(button.dataset.index)] : undefined;
      if (ref?.uri) this.host.postMessage({ type: 'openReference', uri: ref.uri });
    }
  }

  /** Messages only get appended, replaced or (an empty answer) removed, so order is kept by appending. */
  private reconcile(previous: readonly TranscriptMessage[]): void {
    const before = new Map(previous.map((m) => [m.id, m]));
    const present = new Set<string>();
    for (const message of this.state.messages) {
      present.add(message.id);
      if (!this.elements.has(message.id)) {
        this.append(message);
      } else if (before.get(message.id) !== message) {
        this.dirty.add(message.id);
      }
    }
    for (const [id, el] of this.elements) {
      if (!present.has(id)) {
        el.remove();
        this.elements.delete(id);
        this.dirty.delete(id);
      }
    }
    this.renderEmptyState();
    if (this.dirty.size > 0) this.frame.schedule();
  }

  private rebuild(): void {
    this.elements.clear();
    this.dirty.clear();
    this.ui.transcript.replaceChildren();
    for (const message of this.state.messages) this.append(message);
    this.renderEmptyState();
    this.scrollToBottom();
  }

  private append(message: TranscriptMessage): void {
    const stick = this.isNearBottom();
    const el = createMessageElement(message, this.doc);
    this.elements.set(message.id, el);
    this.ui.transcript.append(el);
    if (stick || message.role === 'user') this.scrollToBottom();
  }

  private flush(): void {
    const stick = this.isNearBottom();
    const byId = new Map(this.state.messages.map((m) => [m.id, m]));
    for (const id of this.dirty) {
      const el = this.elements.get(id);
      const message = byId.get(id);
      if (el && message) updateMessageElement(el, message, this.doc);
    }
    this.dirty.clear();
    if (stick) this.scrollToBottom();
  }

  private renderControls(): void {
    this.ui.stop.disabled = !this.state.busy;
    this.ui.transcript.setAttribute('aria-busy', String(this.state.busy));
  }

  private renderEmptyState(): void {
    const existing = this.ui.transcript.querySelector('.empty-state');
    if (this.state.messages.length > 0) {
      existing?.remove();
    } else if (!existing) {
      const hint = this.doc.createElement('p');
      hint.className = 'empty-state';
      hint.textContent = 'Ask Jarvis about your code. Answers stream from your local model; code blocks can be copied or inserted at the cursor.';
      this.ui.transcript.append(hint);
    }
  }

  private showNotice(text: string): void {
    this.ui.notice.textContent = text;
    this.ui.notice.hidden = false;
  }

  private hideNotice(): void {
    this.ui.notice.hidden = true;
    this.ui.notice.textContent = '';
  }

  private isNearBottom(): boolean {
    const t = this.ui.transcript;
    return t.scrollHeight - t.scrollTop - t.clientHeight <= STICK_TO_BOTTOM_PX;
  }

  private scrollToBottom(): void {
    this.ui.transcript.scrollTop = this.ui.transcript.scrollHeight;
  }
}

/** Brief confirmation on the button itself, which screen readers also announce via aria-live. */
function flashLabel(button: HTMLButtonElement, label: string): void {
  const original = button.textContent;
  button.textContent = label;
  setTimeout(() => (button.textContent = original), 1500);
}
