import { matchSlashCommands } from '../../shared/matchSlashCommands';
import type { UiSlashCommand } from '../../shared/protocol';

/**
 * Completion for slash commands in the prompt box: typing "/" at the start lists the commands
 * (Up/Down to move, Tab or Enter to take one, Esc to close). Taking one only fills in "/name " —
 * the text is sent as typed and the engine parses it, exactly as for @jarvis.
 *
 * Accessibility: the textarea keeps focus and points at the highlighted option with
 * aria-activedescendant; the list is a listbox of options.
 */
export class SlashMenu {
  private commands: readonly UiSlashCommand[] = [];
  private matches: UiSlashCommand[] = [];
  private active = 0;
  /** The prompt text the user closed the menu on (Esc): it stays closed until the text changes. */
  private dismissedFor: string | undefined;

  constructor(
    private readonly prompt: HTMLTextAreaElement,
    private readonly list: HTMLElement,
    private readonly doc: Document = document,
  ) {
    prompt.addEventListener('input', () => this.update());
    prompt.addEventListener('blur', () => this.close());
    prompt.addEventListener('focus', () => this.update());
    // Clicking an option must not move focus out of the prompt (that would close the menu first).
    list.addEventListener('mousedown', (e) => e.preventDefault());
    list.addEventListener('click', (e) => {
      const option = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (option) this.accept(Number(option.dataset.index));
    });
  }

  get isOpen(): boolean {
    return this.matches.length > 0;
  }

  setCommands(commands: readonly UiSlashCommand[]): void {
    this.commands = commands;
    this.update();
  }

  /** Handles the key when the menu is open; returns true when the key was used (and must not send). */
  handleKey(e: KeyboardEvent): boolean {
    if (!this.isOpen || e.isComposing) return false;
    switch (e.key) {
      case 'ArrowDown':
        this.move(1);
        break;
      case 'ArrowUp':
        this.move(-1);
        break;
      case 'Tab':
      case 'Enter':
        if (e.shiftKey) return false;
        this.accept(this.active);
        break;
      case 'Escape':
        this.dismissedFor = this.prompt.value;
        this.close();
        break;
      default:
        return false;
    }
    e.preventDefault();
    return true;
  }

  /** Re-reads the prompt: opens, filters or closes the list. */
  update(): void {
    const value = this.prompt.value;
    if (this.dismissedFor !== undefined && value !== this.dismissedFor) this.dismissedFor = undefined;
    const matches = value === this.dismissedFor ? [] : matchSlashCommands(value, this.commands);
    const same = matches.length === this.matches.length && matches.every((m, i) => m === this.matches[i]);
    if (!same) {
      this.matches = matches;
      this.active = 0;
    }
    this.render();
  }

  private close(): void {
    this.matches = [];
    this.render();
  }

  private move(delta: number): void {
    const n = this.matches.length;
    this.active = (this.active + delta + n) % n;
    this.render();
  }

  private accept(index: number): void {
    const chosen = this.matches[index];
    if (!chosen) return;
    this.prompt.value = `/${chosen.name} `;
    this.prompt.setSelectionRange(this.prompt.value.length, this.prompt.value.length);
    this.prompt.focus();
    // Same path as typing: the draft is saved and the menu re-reads the (now complete) command.
    this.prompt.dispatchEvent(new Event('input', { bubbles: true }));
  }

  private render(): void {
    const open = this.isOpen;
    this.list.hidden = !open;
    this.list.replaceChildren(
      ...this.matches.map((command, index) => {
        const option = this.doc.createElement('li');
        option.id = `slash-option-${index}`;
        option.className = 'slash-option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(index === this.active));
        option.dataset.index = String(index);
        const name = this.doc.createElement('span');
        name.className = 'slash-name';
        name.textContent = `/${command.name}`;
        const description = this.doc.createElement('span');
        description.className = 'slash-description';
        description.textContent = command.description;
        option.append(name, description);
        return option;
      }),
    );
    if (open) {
      this.prompt.setAttribute('aria-activedescendant', `slash-option-${this.active}`);
      this.list.querySelector(`#slash-option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else {
      this.prompt.removeAttribute('aria-activedescendant');
    }
  }
}
